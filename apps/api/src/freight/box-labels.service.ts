import { Injectable } from '@nestjs/common';
import { boxWeightG, partiesOf, type Party, type ShippingAddress, type TransferBox } from '#domain';
import { addressOf, Database, productDimensionsOf, shippingAddressesOf, unitWeightsOf, type TransferView } from '#persistence';
import { ProblemException } from '../http/problem.exception.js';
import { renderBoxLabels, type BoxLabel } from './box-label-pdf.js';

/** The code on a box's label: the label the packer scanned, or one made from the box's id. */
export function boxCode(box: Pick<TransferBox, 'boxId' | 'label'>): string {
  return box.label ?? `BX-${box.boxId.replaceAll('-', '').slice(0, 12).toUpperCase()}`;
}

/** Our own labels for a transfer's boxes, one page each, to print and stick on before the carrier's. */
@Injectable()
export class BoxLabelsService {
  constructor(private readonly database: Database) {}

  async labels(transfer: TransferView): Promise<Buffer> {
    if (transfer.boxes.length === 0) throw new ProblemException(422, 'NOTHING_BOXED', 'The transfer has no boxes yet: add a box and put items in it first');
    const [from, to] = partiesOf(transfer);
    const productIds = [...new Set(transfer.boxes.flatMap((box) => box.contents.map((item) => item.productId)))];
    const [weights, addresses] = await this.database.withClient(async (client) => Promise.all([productDimensionsOf(client, productIds), shippingAddressesOf(client, [from, to])]));
    const unitWeightG = unitWeightsOf(weights);
    const place = (party: Party) => oneLine(party, addressOf(addresses, party));
    const nameOf = new Map(transfer.lines.map((line) => [line.productId, line.name ?? line.sku ?? line.productId]));
    const labels: BoxLabel[] = transfer.boxes.map((box, index) => ({
      code: boxCode(box),
      boxNumber: index + 1,
      boxCount: transfer.boxes.length,
      reference: transfer.reference ? `${transfer.reference} · ${transfer.id.slice(0, 8)}` : `Transfer ${transfer.id.slice(0, 8)}`,
      from: place(from),
      to: place(to),
      boxTypeName: box.boxType.name,
      grossWeightG: boxWeightG(box, unitWeightG),
      contents: box.contents.map((item) => ({ name: nameOf.get(item.productId) ?? item.productId, quantity: item.quantity })),
    }));
    return renderBoxLabels(labels);
  }
}

function oneLine(party: Party, address: ShippingAddress | null): string {
  if (!address) return `${party.kind} ${party.id}`;
  return [address.company ?? address.contactName, address.street, [address.suburb ?? address.city, address.state, address.postCode].filter(Boolean).join(' ')].join(', ');
}

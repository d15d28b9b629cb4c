import { Inject, Injectable } from '@nestjs/common';
import { boxWeightG, partiesOf, type Party } from '#domain';
import { toCarrierAddress, type Address, type CarrierQuote, type Parcel, type StarshipitClient } from '#freight';
import { addressOf, Database, productDimensionsOf, shippingAddressesOf, unitWeightsOf, type TransferView } from '#persistence';
import { ProblemException } from '../http/problem.exception.js';
import { CARRIER } from './carrier.provider.js';
import { carrierProblem } from './carrier-problem.js';
import { PackingSuggestionService, type SuggestedBoxView } from './packing-suggestion.service.js';
import { QuoteCache } from './quote-cache.js';

export interface QuotedParcel {
  boxTypeName: string;
  weightG: number;
  lengthMm: number;
  widthMm: number;
  heightMm: number;
}

/** One carrier service and its price, in cents of `currency` (null: the Starshipit account's currency). */
export type ServiceQuote = Omit<CarrierQuote, 'currency'> & { currency: string | null };

export interface FreightQuoteView {
  transferId: string;
  transferVersion: number;
  from: Party;
  to: Party;
  /** Where the parcels come from: the transfer's own boxes once it has some, the suggested packing before. */
  parcelsFrom: 'BOXES' | 'SUGGESTION';
  parcels: QuotedParcel[];
  quotes: ServiceQuote[];
  quotedAt: string;
  /** True when the quote was kept from an earlier look at the same shipment: no carrier call was made. */
  cached: boolean;
}

/** Carrier prices for a transfer's boxes, from the source outlet's address to the destination's. */
@Injectable()
export class FreightQuoteService {
  constructor(
    private readonly database: Database,
    private readonly packing: PackingSuggestionService,
    private readonly cache: QuoteCache,
    @Inject(CARRIER) private readonly carrier: StarshipitClient | null,
  ) {}

  /** What the caller can fix (measurements, addresses) is named before a missing carrier configuration. */
  async quote(transfer: TransferView): Promise<FreightQuoteView> {
    const { parcelsFrom, parcels } = transfer.boxes.length > 0 ? await this.packedParcels(transfer) : await this.suggestedParcels(transfer);
    if (parcels.length === 0) throw new ProblemException(422, 'NOTHING_TO_SHIP', 'The transfer has no units to ship');
    const [from, to] = partiesOf(transfer);
    const [origin, destination] = await this.addressesOf(from, to);
    const carrier = this.requireCarrier();
    const carrierParcels: Parcel[] = parcels.map((parcel) => ({ weightGrams: parcel.weightG, lengthMm: parcel.lengthMm, widthMm: parcel.widthMm, heightMm: parcel.heightMm }));
    try {
      const kept = await this.cache.quote(origin, destination, carrierParcels, () => carrier.quote(origin, destination, carrierParcels));
      return {
        transferId: transfer.id,
        transferVersion: transfer.version,
        from,
        to,
        parcelsFrom,
        parcels,
        quotes: kept.quotes.map((quote) => ({ ...quote, currency: quote.currency ?? null })),
        quotedAt: kept.quotedAt,
        cached: kept.cached,
      };
    } catch (error) {
      throw carrierProblem(error);
    }
  }

  private async suggestedParcels(transfer: TransferView): Promise<{ parcelsFrom: 'SUGGESTION'; parcels: QuotedParcel[] }> {
    const suggestion = await this.packing.suggest(transfer);
    if (suggestion.missingDimensions.length > 0 || suggestion.unpackable.length > 0) {
      throw parcelsUnknown(suggestion.missingDimensions.map((line) => line.productId), suggestion.unpackable.map((line) => line.productId));
    }
    return { parcelsFrom: 'SUGGESTION', parcels: suggestion.boxes.map(parcelOf) };
  }

  private async packedParcels(transfer: TransferView): Promise<{ parcelsFrom: 'BOXES'; parcels: QuotedParcel[] }> {
    const productIds = [...new Set(transfer.boxes.flatMap((box) => box.contents.map((item) => item.productId)))];
    const weights = await this.database.withClient((client) => productDimensionsOf(client, productIds));
    const unitWeightG = unitWeightsOf(weights);
    const boxes = transfer.boxes.filter((box) => box.contents.length > 0);
    const parcels = boxes.map((box) => ({ box, weightG: boxWeightG(box, unitWeightG) }));
    const unweighed = parcels.filter((parcel) => parcel.weightG === null);
    if (unweighed.length > 0) {
      throw parcelsUnknown([...new Set(unweighed.flatMap(({ box }) => box.contents.map((item) => item.productId).filter((id) => !unitWeightG.has(id))))], []);
    }
    return {
      parcelsFrom: 'BOXES',
      parcels: parcels.map(({ box, weightG }) => ({
        boxTypeName: box.boxType.name,
        weightG: weightG!,
        lengthMm: box.boxType.innerLengthMm,
        widthMm: box.boxType.innerWidthMm,
        heightMm: box.boxType.innerHeightMm,
      })),
    };
  }

  private requireCarrier(): StarshipitClient {
    if (this.carrier) return this.carrier;
    throw new ProblemException(503, 'FREIGHT_NOT_CONFIGURED', 'Freight is not set up: ops must set STARSHIPIT_BASE_URL, STARSHIPIT_API_KEY and STARSHIPIT_SUBSCRIPTION_KEY');
  }

  private async addressesOf(from: Party, to: Party): Promise<[Address, Address]> {
    const kept = await this.database.withClient((client) => shippingAddressesOf(client, [from, to]));
    const [origin, destination] = [addressOf(kept, from), addressOf(kept, to)];
    if (!origin || !destination) {
      const missing = [from, to].filter((party, index) => (index === 0 ? origin : destination) === null);
      throw new ProblemException(422, 'SHIPPING_ADDRESS_MISSING', `No shipping address for ${missing.map((party) => `${party.kind} ${party.id}`).join(' and ')}: an admin sets it`, { missing });
    }
    return [toCarrierAddress(origin), toCarrierAddress(destination)];
  }
}

function parcelsUnknown(missingDimensions: string[], unpackable: string[]): ProblemException {
  return new ProblemException(
    422,
    'PARCELS_UNKNOWN',
    'Some goods cannot be weighed or boxed yet, so the parcels cannot be priced: measure the products (or weigh the boxes), or offer a box type that takes them',
    { missingDimensions, unpackable },
  );
}

function parcelOf(box: SuggestedBoxView): QuotedParcel {
  return { boxTypeName: box.boxTypeName, weightG: box.grossWeightG, lengthMm: box.lengthMm, widthMm: box.widthMm, heightMm: box.heightMm };
}


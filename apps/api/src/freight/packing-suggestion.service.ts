import { Injectable } from '@nestjs/common';
import { BOXED_TYPES, suggestPacking, type PackableLine, type SuggestedBox, type UnpackableReason } from '#domain';
import { Database, listBoxTypes, productDimensionsOf, type BoxTypeView, type ProductDimensionsView, type TransferView } from '#persistence';
import { ProblemException } from '../http/problem.exception.js';

export interface LineProduct {
  productId: string;
  sku: string | null;
  name: string | null;
  quantity: number;
}

/** A suggested box with its box type's name and inner dimensions, and its contents named as on the transfer. */
export type SuggestedBoxView = Omit<SuggestedBox, 'placements' | 'contents'> & {
  boxTypeName: string;
  lengthMm: number;
  widthMm: number;
  heightMm: number;
  fillPercent: number;
  contents: LineProduct[];
};

export interface PackingSuggestionView {
  transferId: string;
  transferVersion: number;
  boxes: SuggestedBoxView[];
  unpackable: (LineProduct & { reason: UnpackableReason })[];
  /** Lines left out because their product has no dimensions or weight yet: measure them first. */
  missingDimensions: LineProduct[];
  lowerBound: number;
}

/**
 * Which boxes a transfer's goods could go in: its lines (the packed quantity once one is recorded, the
 * planned one before), the products' dimensions and the box types on offer, through suggestPacking.
 */
@Injectable()
export class PackingSuggestionService {
  constructor(private readonly database: Database) {}

  async suggest(transfer: TransferView, boxTypeIds?: readonly string[]): Promise<PackingSuggestionView> {
    if (!BOXED_TYPES.includes(transfer.type)) {
      throw new ProblemException(422, 'NOT_SHIPPED_BY_US', `A ${transfer.type} is not packed here: only ${BOXED_TYPES.join(' and ')} go out in our boxes`, {
        allowed: BOXED_TYPES,
      });
    }
    const lines: LineProduct[] = transfer.lines
      .map((line) => ({ productId: line.productId, sku: line.sku, name: line.name, quantity: line.packedQuantity > 0 ? line.packedQuantity : line.plannedQuantity }))
      .filter((line) => line.quantity > 0);
    const [measured, offered] = await this.database.withClient(async (client) =>
      Promise.all([productDimensionsOf(client, lines.map((line) => line.productId)), listBoxTypes(client)]),
    );
    const boxTypes = chosen(offered, boxTypeIds);
    const sizes = new Map(measured.filter(isMeasured).map((view) => [view.productId, view]));
    const packable: PackableLine[] = lines.flatMap((line) => {
      const size = sizes.get(line.productId);
      return size ? [{ productId: line.productId, lengthMm: size.lengthMm, widthMm: size.widthMm, heightMm: size.heightMm, weightG: size.weightG, quantity: line.quantity }] : [];
    });
    const suggestion = suggestPacking(packable, boxTypes);
    const lineOf = new Map(lines.map((line) => [line.productId, line]));
    const typeOf = new Map(boxTypes.map((boxType) => [boxType.id, boxType]));
    return {
      transferId: transfer.id,
      transferVersion: transfer.version,
      boxes: suggestion.boxes.map(({ placements: _placements, contents, ...box }) => {
        const boxType = typeOf.get(box.boxTypeId)!;
        const capacity = boxType.innerLengthMm * boxType.innerWidthMm * boxType.innerHeightMm;
        return {
          ...box,
          boxTypeName: boxType.name,
          lengthMm: boxType.innerLengthMm,
          widthMm: boxType.innerWidthMm,
          heightMm: boxType.innerHeightMm,
          fillPercent: Math.round((box.filledVolumeMm3 / capacity) * 1000) / 10,
          contents: contents.map((content) => ({ ...lineOf.get(content.productId)!, quantity: content.quantity })),
        };
      }),
      unpackable: suggestion.unpackable.map((line) => ({ ...lineOf.get(line.productId)!, quantity: line.quantity, reason: line.reason })),
      missingDimensions: lines.filter((line) => !sizes.has(line.productId)),
      lowerBound: suggestion.lowerBound,
    };
  }
}

type Measured = ProductDimensionsView & { lengthMm: number; widthMm: number; heightMm: number; weightG: number };

function isMeasured(view: ProductDimensionsView): view is Measured {
  return view.lengthMm !== null && view.widthMm !== null && view.heightMm !== null && view.weightG !== null;
}

/** The box types asked for (all on offer when none are named); one not on offer is refused by name. */
function chosen(offered: readonly BoxTypeView[], ids: readonly string[] | undefined): BoxTypeView[] {
  if (!ids || ids.length === 0) return [...offered];
  const unknown = ids.filter((id) => !offered.some((boxType) => boxType.id === id));
  if (unknown.length > 0) {
    throw new ProblemException(422, 'BOX_TYPE_NOT_OFFERED', `Not box types on offer: ${unknown.join(', ')}`, { unknown, offered: offered.map((boxType) => boxType.id) });
  }
  return offered.filter((boxType) => ids.includes(boxType.id));
}

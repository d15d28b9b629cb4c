import { FillingBox, prepareUnit, type PackingUnit, type Placement, type PreparedUnit } from './filling-box.js';
import { packingLowerBound } from './lower-bound.js';
import { edgesOf, fitsWithin, innerEdgesOf, payloadG, volumeMm3, type PackableLine, type PackingBoxType } from './shapes.js';

export interface SuggestedBox {
  boxTypeId: string;
  contents: { productId: string; quantity: number }[];
  placements: Placement[];
  contentsWeightG: number;
  /** Contents and the box's own weight. */
  grossWeightG: number;
  filledVolumeMm3: number;
}

export type UnpackableReason = 'LARGER_THAN_EVERY_BOX_TYPE' | 'HEAVIER_THAN_EVERY_BOX_TYPE';

export interface UnpackableLine {
  productId: string;
  quantity: number;
  reason: UnpackableReason;
}

export interface PackingSuggestion {
  boxes: SuggestedBox[];
  /** Lines no box type can take, whole: they need a box type of their own or go unboxed. */
  unpackable: UnpackableLine[];
  /** The fewest boxes any packing of the packable lines could use (packingLowerBound). */
  lowerBound: number;
}

/**
 * Suggests boxes for the lines: units largest first go into the first box with room (extreme-point
 * first-fit decreasing, see FillingBox); a unit no open box takes opens the roomiest box type that can
 * hold it. Each box is then moved to the smallest box type its contents still fit, so few boxes are
 * used and none is bigger than it needs to be. Deterministic: the same lines give the same boxes.
 */
export function suggestPacking(lines: readonly PackableLine[], boxTypes: readonly PackingBoxType[]): PackingSuggestion {
  const roomiestFirst = [...boxTypes].sort((a, b) => volumeOf(b) - volumeOf(a) || a.id.localeCompare(b.id));
  const unpackable: UnpackableLine[] = [];
  const packable: PackableLine[] = [];
  for (const line of lines.filter((candidate) => candidate.quantity > 0)) {
    const reason = whyUnpackable(line, roomiestFirst);
    if (reason) unpackable.push({ productId: line.productId, quantity: line.quantity, reason });
    else packable.push(line);
  }

  const units = largestFirst(packable);
  const smallestEdge = Math.min(...units.flatMap((unit) => unit.edges));
  const filled: FillingBox[] = [];
  for (const unit of units) {
    if (filled.some((box) => box.tryPlace(unit))) continue;
    const box = new FillingBox(roomiestFirst.find((boxType) => takes(boxType, unit))!, smallestEdge);
    box.tryPlace(unit);
    filled.push(box);
  }

  return {
    boxes: filled.map((box) => describe(smallestThatHolds(box, roomiestFirst, smallestEdge))),
    unpackable,
    lowerBound: packingLowerBound(packable, boxTypes),
  };
}

function whyUnpackable(line: PackableLine, boxTypes: readonly PackingBoxType[]): UnpackableReason | null {
  const unit = { productId: line.productId, edges: edgesOf(line), weightG: line.weightG };
  if (boxTypes.some((boxType) => takes(boxType, unit))) return null;
  return boxTypes.some((boxType) => fitsWithin(unit.edges, innerEdgesOf(boxType))) ? 'HEAVIER_THAN_EVERY_BOX_TYPE' : 'LARGER_THAN_EVERY_BOX_TYPE';
}

function takes(boxType: PackingBoxType, unit: PackingUnit): boolean {
  return unit.weightG <= payloadG(boxType) && fitsWithin(unit.edges, innerEdgesOf(boxType));
}

function largestFirst(lines: readonly PackableLine[]): PreparedUnit[] {
  const units = lines.flatMap((line) => {
    const unit = prepareUnit({ productId: line.productId, edges: edgesOf(line), weightG: line.weightG });
    return Array.from({ length: line.quantity }, () => unit);
  });
  return units.sort(
    (a, b) =>
      volumeMm3(b.edges) - volumeMm3(a.edges) ||
      Math.max(...b.edges) - Math.max(...a.edges) ||
      b.weightG - a.weightG ||
      a.productId.localeCompare(b.productId),
  );
}

/** The box repacked into the smallest box type that takes all its units, or the box itself. */
function smallestThatHolds(box: FillingBox, roomiestFirst: readonly PackingBoxType[], smallestEdge: number): FillingBox {
  const units = largestFirst(box.placements.map((placement) => ({ productId: placement.productId, ...lineEdges(placement), weightG: placement.weightG, quantity: 1 })));
  const smaller = roomiestFirst
    .filter((boxType) => volumeOf(boxType) < volumeOf(box.boxType) && volumeOf(boxType) >= box.filledVolumeMm3 && payloadG(boxType) >= box.contentsWeightG)
    .reverse();
  for (const boxType of smaller) {
    const candidate = new FillingBox(boxType, smallestEdge);
    if (units.every((unit) => candidate.tryPlace(unit))) return candidate;
  }
  return box;
}

function lineEdges(placement: Placement): Pick<PackableLine, 'lengthMm' | 'widthMm' | 'heightMm'> {
  const [lengthMm, widthMm, heightMm] = placement.edges;
  return { lengthMm, widthMm, heightMm };
}

function describe(box: FillingBox): SuggestedBox {
  const contents = new Map<string, number>();
  for (const placement of box.placements) contents.set(placement.productId, (contents.get(placement.productId) ?? 0) + 1);
  return {
    boxTypeId: box.boxType.id,
    contents: [...contents].map(([productId, quantity]) => ({ productId, quantity })),
    placements: box.placements,
    contentsWeightG: box.contentsWeightG,
    grossWeightG: box.contentsWeightG + box.boxType.tareWeightG,
    filledVolumeMm3: box.filledVolumeMm3,
  };
}

function volumeOf(boxType: PackingBoxType): number {
  return volumeMm3(innerEdgesOf(boxType));
}

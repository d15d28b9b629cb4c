/** A cuboid's three edges, in millimetres, in the order they lie along x, y and z. */
export type Edges = readonly [number, number, number];

/** What one line asks to be packed: so many identical units of a product. */
export interface PackableLine {
  productId: string;
  lengthMm: number;
  widthMm: number;
  heightMm: number;
  weightG: number;
  quantity: number;
}

/** A box type as packing sees it: the space inside, its own weight and the most it may weigh packed. */
export interface PackingBoxType {
  id: string;
  innerLengthMm: number;
  innerWidthMm: number;
  innerHeightMm: number;
  tareWeightG: number;
  maxWeightG: number;
}

export function volumeMm3([x, y, z]: Edges): number {
  return x * y * z;
}

export function edgesOf(line: Pick<PackableLine, 'lengthMm' | 'widthMm' | 'heightMm'>): Edges {
  return [line.lengthMm, line.widthMm, line.heightMm];
}

export function innerEdgesOf(boxType: PackingBoxType): Edges {
  return [boxType.innerLengthMm, boxType.innerWidthMm, boxType.innerHeightMm];
}

export function payloadG(boxType: PackingBoxType): number {
  return boxType.maxWeightG - boxType.tareWeightG;
}

/**
 * The distinct ways a cuboid can stand with its edges along the axes (up to six), the lowest first:
 * laying an item flat keeps a stack stable and leaves the extreme points low.
 */
export function orientations([a, b, c]: Edges): Edges[] {
  const all: Edges[] = [[a, b, c], [a, c, b], [b, a, c], [b, c, a], [c, a, b], [c, b, a]];
  const distinct = new Map(all.map((edges) => [edges.join('x'), edges]));
  return [...distinct.values()].sort((p, q) => p[2] - q[2] || q[0] - p[0]);
}

/** Whether a cuboid fits inside an empty space in some orientation: sorted edge against sorted edge. */
export function fitsWithin(item: Edges, space: Edges): boolean {
  const [i, s] = [[...item].sort(byNumber), [...space].sort(byNumber)];
  return i.every((edge, axis) => edge <= s[axis]!);
}

function byNumber(a: number, b: number): number {
  return a - b;
}

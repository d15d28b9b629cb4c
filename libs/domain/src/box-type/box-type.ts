/** What a box type is: its name, the space inside it and what it weighs empty and at most. */
export interface BoxTypeSpec {
  name: string;
  innerLengthMm: number;
  innerWidthMm: number;
  innerHeightMm: number;
  /** The box's own weight, empty. */
  tareWeightG: number;
  /** The most the box may weigh packed, its own weight included. */
  maxWeightG: number;
}

/** A box type as its events have made it. */
export interface BoxTypeState extends BoxTypeSpec {
  id: string;
  /** A retired box type is kept for the shipments that used it but offered for no new one. */
  retired: boolean;
  version: number;
  definedAt: string;
  updatedAt: string;
}

export const BOX_TYPE_NAME_MAX_LENGTH = 80;
/** Ten metres: no box is longer, and any three dimensions multiply to a safe integer. */
export const MAX_INNER_DIMENSION_MM = 10_000;
/** Ten tonnes: above any pallet's load, and within PostgreSQL's integer. */
export const MAX_BOX_WEIGHT_G = 10_000_000;

export const BOX_TYPE_SPEC_FIELDS = [
  'name',
  'innerLengthMm',
  'innerWidthMm',
  'innerHeightMm',
  'tareWeightG',
  'maxWeightG',
] as const satisfies readonly (keyof BoxTypeSpec)[];

/** Only the fields of a box type's definition, whatever else `source` carries. */
export function specOf(source: BoxTypeSpec): BoxTypeSpec {
  const { name, innerLengthMm, innerWidthMm, innerHeightMm, tareWeightG, maxWeightG } = source;
  return { name, innerLengthMm, innerWidthMm, innerHeightMm, tareWeightG, maxWeightG };
}

export function sameSpec(a: BoxTypeSpec, b: BoxTypeSpec): boolean {
  return BOX_TYPE_SPEC_FIELDS.every((field) => a[field] === b[field]);
}

/** The space inside the box, in cubic millimetres. */
export function innerVolumeMm3(spec: BoxTypeSpec): number {
  return spec.innerLengthMm * spec.innerWidthMm * spec.innerHeightMm;
}

/** How much may go into the box: its maximum weight less its own. */
export function payloadCapacityG(spec: BoxTypeSpec): number {
  return spec.maxWeightG - spec.tareWeightG;
}

/** One box as it leaves the outlet: gross weight in grams, outer dimensions in millimetres (all three or none). */
export interface Parcel {
  weightGrams: number;
  lengthMm?: number;
  widthMm?: number;
  heightMm?: number;
  /** e.g. Carton, Satchel, Pallet. */
  packagingType?: string;
  name?: string;
}

import { innerEdgesOf, payloadG, volumeMm3, type PackableLine, type PackingBoxType } from './shapes.js';

/**
 * The fewest boxes any packing could use: the lines' volume over the roomiest box type's, or their
 * weight over the strongest box type's payload, whichever is more (at least one box for any unit).
 * No packing beats it, so suggested boxes ÷ this bound measures how far a packing is from perfect.
 */
export function packingLowerBound(lines: readonly PackableLine[], boxTypes: readonly PackingBoxType[]): number {
  const units = lines.reduce((sum, line) => sum + line.quantity, 0);
  if (units === 0 || boxTypes.length === 0) return 0;
  const volume = lines.reduce((sum, line) => sum + line.quantity * line.lengthMm * line.widthMm * line.heightMm, 0);
  const weight = lines.reduce((sum, line) => sum + line.quantity * line.weightG, 0);
  const roomiest = Math.max(...boxTypes.map((boxType) => volumeMm3(innerEdgesOf(boxType))));
  const strongest = Math.max(...boxTypes.map(payloadG));
  return Math.max(1, Math.ceil(volume / roomiest), strongest > 0 ? Math.ceil(weight / strongest) : 0);
}

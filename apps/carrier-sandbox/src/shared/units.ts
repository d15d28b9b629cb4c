import { validationError } from '../http/business-error.js';
import { optionalNumber, type Fields } from '../http/request-fields.js';

/**
 * Weight is in kilograms, dimensions in metres. Anything heavier or longer than these is refused as a unit
 * mistake (grams, centimetres, millimetres), with the unit named, rather than quoted as a freight pallet.
 */
export const MAX_WEIGHT_KG = 1000;
export const MAX_DIMENSION_M = 10;

export interface PackageSize {
  weight: number;
  height?: number;
  width?: number;
  length?: number;
}

const DIMENSIONS = ['height', 'width', 'length'] as const;

export function weightKg(fields: Fields, key: string, path: string, required: boolean): number | undefined {
  const weight = optionalNumber(fields, key, path);
  if (weight === undefined) {
    if (required) throw validationError(`${path} is required (kilograms)`);
    return undefined;
  }
  if (required && weight <= 0) throw validationError(`${path} must be greater than 0 kg`);
  if (weight > MAX_WEIGHT_KG) {
    throw validationError(`${path} ${weight} is over ${MAX_WEIGHT_KG}: weights are in kilograms (kg), not grams`);
  }
  return weight;
}

/** A package's weight (required, kg) and its dimensions (metres): all three or none. */
export function packageSize(fields: Fields, path: string): PackageSize {
  const size: PackageSize = { weight: weightKg(fields, 'weight', `${path}.weight`, true)! };
  const given = DIMENSIONS.filter((key) => fields[key] !== undefined && fields[key] !== null);
  if (given.length > 0 && given.length < 3) {
    throw validationError(`${path} must give height, width and length together (metres), or none of them`);
  }
  for (const key of given) {
    const value = optionalNumber(fields, key, `${path}.${key}`)!;
    if (value <= 0) throw validationError(`${path}.${key} must be greater than 0 m`);
    if (value > MAX_DIMENSION_M) {
      throw validationError(`${path}.${key} ${value} is over ${MAX_DIMENSION_M}: dimensions are in metres (m), not centimetres or millimetres`);
    }
    size[key] = value;
  }
  return size;
}

/** Cubic metres of a package (0 without dimensions). */
export function volumeM3(size: PackageSize): number {
  return (size.height ?? 0) * (size.width ?? 0) * (size.length ?? 0);
}

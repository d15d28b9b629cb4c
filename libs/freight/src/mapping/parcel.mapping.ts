import type { Parcel } from '../dto/parcel.js';
import { gramsToKg, mmToMetres } from './units.js';

/** A package of Starshipit: kg and metres; the three dimensions together or not at all. */
export interface StarshipitPackage {
  weight: number;
  height?: number;
  width?: number;
  length?: number;
  packaging_type?: string;
  name?: string;
}

export function parcelToStarshipit(parcel: Parcel, index: number): StarshipitPackage {
  const dimensions = [parcel.lengthMm, parcel.widthMm, parcel.heightMm];
  const given = dimensions.filter((value) => value !== undefined).length;
  if (given !== 0 && given !== 3) throw new RangeError(`parcels[${index}]: give length, width and height together, or none of them`);
  return {
    weight: gramsToKg(parcel.weightGrams),
    ...(given === 3 ? { height: mmToMetres(parcel.heightMm!), width: mmToMetres(parcel.widthMm!), length: mmToMetres(parcel.lengthMm!) } : {}),
    ...(parcel.packagingType === undefined ? {} : { packaging_type: parcel.packagingType }),
    ...(parcel.name === undefined ? {} : { name: parcel.name }),
  };
}

import { volumeM3, type PackageSize } from '../shared/units.js';
import { SERVICES, type CarrierService } from './services.js';

/** Starshipit's AU cubic conversion: 250 kg per cubic metre. */
const CUBIC_FACTOR_KG_PER_M3 = 250;
const INTERNATIONAL_FACTOR = 2.5;

export interface Rate {
  service_name: string;
  service_code: string;
  total_price: number;
}

export interface Route {
  fromPostCode: string;
  fromCountry: string;
  toPostCode: string;
  toCountry: string;
}

/** Chargeable weight: the greater of the dead weight and the cubic weight, over all packages. */
export function chargeableKg(packages: PackageSize[]): number {
  const dead = packages.reduce((sum, size) => sum + size.weight, 0);
  const cubic = packages.reduce((sum, size) => sum + volumeM3(size) * CUBIC_FACTOR_KG_PER_M3, 0);
  return Math.max(dead, cubic);
}

/** 1 (same area) to 1.6 (across the country), from how far apart the two postcodes are. */
function distanceFactor(route: Route): number {
  if (route.fromCountry !== route.toCountry) return INTERNATIONAL_FACTOR;
  const from = Number.parseInt(route.fromPostCode, 10);
  const to = Number.parseInt(route.toPostCode, 10);
  if (Number.isNaN(from) || Number.isNaN(to)) return 1.3;
  const apart = Math.abs(from - to);
  return apart < 100 ? 1 : apart < 1000 ? 1.3 : 1.6;
}

/** Deterministic quotes: the same packages and route always price the same. */
export function priceRates(packages: PackageSize[], route: Route): Rate[] {
  const kg = chargeableKg(packages);
  const factor = distanceFactor(route);
  const international = route.fromCountry !== route.toCountry;
  return SERVICES.filter((service) => kg <= service.maxKg && (!international || service.international)).map((service) => ({
    service_name: service.service_name,
    service_code: service.service_code,
    total_price: price(service, kg, factor),
  }));
}

/** Charged per started 100 g (rounded to 1 µg first, so 0.2 × 0.2 × 0.5 m × 250 is 5 kg, not 5.1). */
function price(service: CarrierService, kg: number, factor: number): number {
  const charged = Math.ceil(Number((kg * 10).toFixed(6))) / 10;
  return Math.round((service.base + service.perKg * charged) * factor * 100) / 100;
}

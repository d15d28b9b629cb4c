import type { Address } from '../dto/address.js';

const regionNames = new Intl.DisplayNames(['en'], { type: 'region' });

/** The ISO-2 code upper-cased; quotes need it so (AU, not au or Australia). */
export function countryCodeOf(address: Address): string {
  return address.countryCode.trim().toUpperCase();
}

/** Orders take the country's English name ("Australia"), quotes its code. */
export function countryName(countryCode: string): string {
  const code = countryCode.trim().toUpperCase();
  try {
    return regionNames.of(code) ?? code;
  } catch {
    return code;
  }
}

/** The address of POST /api/rates. */
export function quoteAddressToStarshipit(address: Address) {
  return withoutUndefined({
    street: address.street,
    suburb: address.suburb,
    city: address.city,
    state: address.state,
    post_code: address.postCode,
    country_code: countryCodeOf(address),
  });
}

/** The sender_details / destination of an order. */
export function orderAddressToStarshipit(address: Address, destination: boolean) {
  return withoutUndefined({
    name: address.name,
    company: address.company,
    email: address.email,
    phone: address.phone,
    building: address.building,
    street: address.street,
    suburb: address.suburb,
    city: address.city,
    state: address.state,
    post_code: address.postCode,
    country: countryName(address.countryCode),
    delivery_instructions: destination ? address.deliveryInstructions : undefined,
  });
}

export function withoutUndefined<T extends Record<string, unknown>>(value: T): { [K in keyof T]: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(value).filter(([, field]) => field !== undefined)) as { [K in keyof T]: Exclude<T[K], undefined> };
}

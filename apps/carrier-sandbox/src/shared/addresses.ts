import { validationError } from '../http/business-error.js';
import { asFields, optionalString, requiredString, type Fields } from '../http/request-fields.js';

/** A quote's address: ISO-2 `country_code` (never a country name), a street and a postcode. */
export interface QuoteAddress {
  street: string;
  suburb?: string;
  city?: string;
  state?: string;
  post_code: string;
  country_code: string;
}

export function quoteAddress(value: unknown, path: string): QuoteAddress {
  const fields = asFields(value, path);
  const countryCode = requiredString(fields, 'country_code', 100, `${path}.country_code`);
  if (!/^[A-Z]{2}$/.test(countryCode)) {
    throw validationError(`${path}.country_code must be an ISO 3166-1 alpha-2 code such as AU or NZ`);
  }
  return {
    street: requiredString(fields, 'street', 100, `${path}.street`),
    ...optionalFields(fields, path, ['suburb', 'city', 'state']),
    post_code: requiredString(fields, 'post_code', 10, `${path}.post_code`),
    country_code: countryCode,
  };
}

const CONTACT_FIELDS = ['name', 'email', 'phone', 'building', 'company', 'street', 'suburb', 'city', 'state', 'country'];

/** An order's sender or destination: every field optional, ≤100 characters, `post_code` ≤10, `country` a name. */
export function orderAddress(value: unknown, path: string, destination: boolean): Record<string, string> | undefined {
  if (value === undefined || value === null) return undefined;
  const fields = asFields(value, path);
  const address = optionalFields(fields, path, CONTACT_FIELDS);
  const postCode = optionalString(fields, 'post_code', 10, `${path}.post_code`);
  if (postCode !== undefined) address['post_code'] = postCode;
  if (destination) {
    Object.assign(address, optionalFields(fields, path, ['delivery_instructions']));
    const taxNumber = optionalString(fields, 'tax_number', 20, `${path}.tax_number`);
    if (taxNumber !== undefined) address['tax_number'] = taxNumber;
  }
  return address;
}

function optionalFields(fields: Fields, path: string, keys: string[]): Record<string, string> {
  const picked: Record<string, string> = {};
  for (const key of keys) {
    const value = optionalString(fields, key, 100, `${path}.${key}`);
    if (value !== undefined) picked[key] = value;
  }
  return picked;
}

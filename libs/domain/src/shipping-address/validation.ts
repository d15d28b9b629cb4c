import type { BoxTypeFieldError } from '../box-type/validation.js';
import { DomainError } from '../shared/domain-error.js';
import { isCountryCode } from './country-codes.js';
import { REQUIRED_ADDRESS_FIELDS, SHIPPING_ADDRESS_FIELDS, SHIPPING_ADDRESS_MAX_LENGTH, type ShippingAddress, type ShippingAddressInput } from './shipping-address.js';

/** A simple shape: something, an @, a domain with a dot; no spaces. Deliverability is the mail server's business. */
const EMAIL_SHAPE = /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/;

const REQUIRED: ReadonlySet<string> = new Set(REQUIRED_ADDRESS_FIELDS);

/**
 * The address with every string trimmed and every empty optional field null, or
 * INVALID_SHIPPING_ADDRESS naming every bad field and what is allowed.
 */
export function requireValidAddress(input: ShippingAddressInput): ShippingAddress {
  const errors: BoxTypeFieldError[] = [];
  const address = {} as Record<keyof ShippingAddress, string | null>;
  for (const field of SHIPPING_ADDRESS_FIELDS) {
    const raw: unknown = (input as Partial<Record<keyof ShippingAddress, unknown>>)[field];
    const required = REQUIRED.has(field);
    const max = SHIPPING_ADDRESS_MAX_LENGTH[field];
    if (raw !== undefined && raw !== null && typeof raw !== 'string') {
      errors.push({ field, messages: [`${field} must be text`] });
      continue;
    }
    const value = (raw ?? '').trim();
    if (value === '') {
      if (required) errors.push({ field, messages: [`${field} is required`] });
      address[field] = null;
      continue;
    }
    if (field === 'countryCode') {
      if (!isCountryCode(value)) errors.push({ field, messages: ['countryCode must be an ISO 3166-1 alpha-2 code in upper case, such as AU or NZ'] });
    } else if (value.length > max) {
      errors.push({ field, messages: [`${field} must be at most ${max} characters`] });
    } else if (field === 'email' && !EMAIL_SHAPE.test(value)) {
      errors.push({ field, messages: ['email must look like name@example.com'] });
    }
    address[field] = value;
  }
  if (errors.length > 0) {
    throw new DomainError('INVALID_SHIPPING_ADDRESS', `Invalid shipping address: ${errors.map((error) => error.field).join(', ')}`, { errors });
  }
  return address as unknown as ShippingAddress;
}

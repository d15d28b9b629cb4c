import { validationError } from '../http/business-error.js';
import { asFields, optionalBoolean, optionalString } from '../http/request-fields.js';
import { quoteAddress, type QuoteAddress } from '../shared/addresses.js';
import { packageSize, type PackageSize } from '../shared/units.js';

export interface RateRequest {
  sender: QuoteAddress | undefined;
  destination: QuoteAddress;
  packages: PackageSize[];
  currency: string | undefined;
}

/** Validates a `POST /api/rates` body. */
export function parseRateRequest(body: unknown): RateRequest {
  const fields = asFields(body, 'The request body');
  if (fields['destination'] === undefined) throw validationError('destination is required');
  const packages = fields['packages'];
  if (!Array.isArray(packages) || packages.length === 0) throw validationError('packages must be a non-empty array');
  const currency = optionalString(fields, 'currency', 100);
  if (currency !== undefined && !/^[A-Z]{3}$/.test(currency)) throw validationError('currency must be a 3-letter code such as AUD');
  optionalBoolean(fields, 'include_pricing');
  return {
    sender: fields['sender'] === undefined || fields['sender'] === null ? undefined : quoteAddress(fields['sender'], 'sender'),
    destination: quoteAddress(fields['destination'], 'destination'),
    packages: packages.map((item, index) => packageSize(asFields(item, `packages[${index}]`), `packages[${index}]`)),
    currency,
  };
}

import type { Address } from '../dto/address.js';
import type { Parcel } from '../dto/parcel.js';
import type { CarrierQuote } from '../dto/quote.js';
import { quoteAddressToStarshipit } from './address.mapping.js';
import { JsonReader } from './json-reader.js';
import { parcelToStarshipit } from './parcel.mapping.js';
import { priceToCents } from './units.js';

/** The body of POST /api/rates. */
export function rateRequestToStarshipit(from: Address, to: Address, parcels: Parcel[], currency?: string) {
  if (parcels.length === 0) throw new RangeError('a quote needs at least one parcel');
  return {
    sender: quoteAddressToStarshipit(from),
    destination: quoteAddressToStarshipit(to),
    packages: parcels.map(parcelToStarshipit),
    ...(currency === undefined ? {} : { currency }),
  };
}

/** `{rates: [{service_name, service_code, total_price, currency?}], success}` → quotes, cheapest first. */
export function quotesFromStarshipit(body: unknown): CarrierQuote[] {
  const answer = JsonReader.from(body, 'rates');
  return answer
    .list('rates')
    .map((item, index) => {
      const rate = JsonReader.from(item, `rates[${index}]`);
      const currency = rate.optionalString('currency');
      return {
        serviceCode: rate.string('service_code'),
        serviceName: rate.optionalString('service_name') ?? rate.optionalString('description') ?? rate.string('service_code'),
        priceCents: priceToCents(rate.number('total_price')),
        ...(currency ? { currency } : {}),
      };
    })
    .sort((a, b) => a.priceCents - b.priceCents);
}

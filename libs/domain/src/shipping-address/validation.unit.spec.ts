import { describe, expect, it } from '@jest/globals';
import { failureOf } from '../testing/decider-spec.js';
import { NORTH_DOCK } from '../testing/shipping-address-fixtures.js';
import { ISO_3166_ALPHA2_CODES, isCountryCode } from './country-codes.js';
import type { ShippingAddressInput } from './shipping-address.js';
import { requireValidAddress } from './validation.js';

const refusalOf = (address: Partial<Record<keyof ShippingAddressInput, unknown>>) => {
  const error = failureOf(() => requireValidAddress({ ...NORTH_DOCK, ...address } as ShippingAddressInput));
  expect(error.code).toBe('INVALID_SHIPPING_ADDRESS');
  return error.details.errors as { field: string; messages: string[] }[];
};
const badFieldsOf = (address: Partial<Record<keyof ShippingAddressInput, unknown>>) => refusalOf(address).map((entry) => entry.field);

describe('a shipping address', () => {
  it('is kept as given when every field is within bounds', () => {
    expect(requireValidAddress(NORTH_DOCK)).toEqual(NORTH_DOCK);
  });

  it('is trimmed, and an optional field left out, null, empty or blank is null', () => {
    const address = requireValidAddress({
      contactName: '  Nora  ',
      street: '12 Dock Road ',
      postCode: ' 3070',
      countryCode: 'AU ',
      company: '',
      suburb: '   ',
      city: null,
      email: ' dock@north.example ',
    } as ShippingAddressInput);
    expect(address).toEqual({
      contactName: 'Nora',
      company: null,
      street: '12 Dock Road',
      suburb: null,
      city: null,
      state: null,
      postCode: '3070',
      countryCode: 'AU',
      phone: null,
      email: 'dock@north.example',
      deliveryInstructions: null,
    });
  });

  it('needs a contact name, a street, a post code and a country, saying so', () => {
    expect(refusalOf({ contactName: ' ', street: '', postCode: undefined, countryCode: null })).toEqual([
      { field: 'contactName', messages: ['contactName is required'] },
      { field: 'street', messages: ['street is required'] },
      { field: 'postCode', messages: ['postCode is required'] },
      { field: 'countryCode', messages: ['countryCode is required'] },
    ]);
  });

  it('holds at most 100 characters a field, 10 in a post code and 30 in a phone number, once trimmed, naming the limit', () => {
    expect(requireValidAddress({ ...NORTH_DOCK, street: ` ${'s'.repeat(100)} `, postCode: '1234567890', phone: '9'.repeat(30) }).street).toHaveLength(100);
    expect(badFieldsOf({ contactName: 'c'.repeat(101), company: 'c'.repeat(101), street: 's'.repeat(101), deliveryInstructions: 'd'.repeat(101) })).toEqual([
      'contactName',
      'company',
      'street',
      'deliveryInstructions',
    ]);
    expect(refusalOf({ postCode: '12345678901' })).toEqual([{ field: 'postCode', messages: ['postCode must be at most 10 characters'] }]);
    expect(refusalOf({ phone: '9'.repeat(31) })).toEqual([{ field: 'phone', messages: ['phone must be at most 30 characters'] }]);
    expect(badFieldsOf({ suburb: 'x'.repeat(101), city: 'x'.repeat(101), state: 'x'.repeat(101), email: `${'e'.repeat(95)}@x.com` })).toEqual([
      'suburb',
      'city',
      'state',
      'email',
    ]);
  });

  it('needs an ISO 3166-1 alpha-2 country code in upper case', () => {
    for (const code of ['au', 'XX', 'AUS', 'A', '12']) {
      expect(refusalOf({ countryCode: code })).toEqual([
        { field: 'countryCode', messages: ['countryCode must be an ISO 3166-1 alpha-2 code in upper case, such as AU or NZ'] },
      ]);
    }
    expect(requireValidAddress({ ...NORTH_DOCK, countryCode: 'NZ' }).countryCode).toBe('NZ');
  });

  it('needs an email of a simple shape', () => {
    for (const email of ['dock', 'dock@north', '@north.example', 'do ck@north.example', 'dock@@north.example']) expect(badFieldsOf({ email })).toEqual(['email']);
    expect(requireValidAddress({ ...NORTH_DOCK, email: 'first.last+dock@mail.north.example' }).email).toBe('first.last+dock@mail.north.example');
  });

  it('refuses values that are not text, and keeps only the address’s own fields', () => {
    expect(badFieldsOf({ street: 12, phone: 61_390_000_000 })).toEqual(['street', 'phone']);
    expect(requireValidAddress({ ...NORTH_DOCK, type: 'SetShippingAddress', colour: 'red' } as ShippingAddressInput)).toEqual(NORTH_DOCK);
  });
});

describe('the country codes', () => {
  it('are the 249 officially assigned ISO 3166-1 alpha-2 codes, each two upper-case letters, once', () => {
    expect(ISO_3166_ALPHA2_CODES).toHaveLength(249);
    expect(new Set(ISO_3166_ALPHA2_CODES).size).toBe(249);
    expect(ISO_3166_ALPHA2_CODES.every((code) => /^[A-Z]{2}$/.test(code))).toBe(true);
    expect([...ISO_3166_ALPHA2_CODES].sort()).toEqual([...ISO_3166_ALPHA2_CODES]);
    expect(['AU', 'NZ', 'GB', 'US', 'AX', 'SS', 'XK', 'UK', 'EU'].map(isCountryCode)).toEqual([true, true, true, true, true, true, false, false, false]);
  });
});

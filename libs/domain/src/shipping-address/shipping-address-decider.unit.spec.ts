import { describe, expect, it } from '@jest/globals';
import { ROLES } from '../transfer/access-policy.js';
import { failureOf } from '../testing/decider-spec.js';
import { actor } from '../testing/box-type-fixtures.js';
import { OUTLET, clearAddress, playShippingAddress, setAddress } from '../testing/shipping-address-fixtures.js';
import { requireShippingAddressKeeper } from './authorize.js';
import { SHIPPING_ADDRESS_EVENT_TYPES } from './events.js';
import { partyOfKey, shippingAddressKey } from './shipping-address.js';
import { shippingAddressDecider } from './shipping-address-decider.js';
import { upcastShippingAddressEvent } from './upcasters.js';

const KEY = shippingAddressKey(OUTLET);
const kept = playShippingAddress(setAddress()).state;

describe('who may keep shipping addresses', () => {
  it('is an admin alone, for every command', () => {
    for (const command of [setAddress(), clearAddress()]) {
      const allowed = ROLES.filter((role) => {
        try {
          shippingAddressDecider.authorize(actor([role]), command, kept, KEY);
          return true;
        } catch {
          return false;
        }
      });
      expect(allowed).toEqual(['admin']);
    }
  });

  it('refuses anyone else, naming the role that may', () => {
    const error = failureOf(() => shippingAddressDecider.authorize(actor(['staff', 'manager', 'auditor']), setAddress(), null, KEY));
    expect({ code: error.code, details: error.details }).toEqual({ code: 'FORBIDDEN', details: { command: 'SetShippingAddress', allowedRoles: ['admin'] } });
  });

  it('can be asked of the role alone, before any party is loaded', () => {
    expect(() => requireShippingAddressKeeper({ roles: ['staff', 'admin'] }, 'ClearShippingAddress')).not.toThrow();
    expect(failureOf(() => requireShippingAddressKeeper({ roles: ['manager'] }, 'SetShippingAddress')).code).toBe('FORBIDDEN');
  });

  it('checks the role before the address, so a manager learns nothing of what exists', () => {
    expect(failureOf(() => shippingAddressDecider.authorize(actor(['manager']), clearAddress(), null, KEY)).code).toBe('FORBIDDEN');
    expect(failureOf(() => shippingAddressDecider.authorize(actor(['admin']), clearAddress(), null, KEY)).code).toBe('SHIPPING_ADDRESS_NOT_FOUND');
  });
});

describe('the shipping-address decider', () => {
  it('names its streams shipping-address-<kind>:<id>, puts that party in each command, and writes schema version 1', () => {
    expect(shippingAddressDecider.streamPrefix).toBe('shipping-address');
    expect(shippingAddressDecider.identify(setAddress({}, { kind: 'outlet', id: 'ANY' }), 'supplier:s-1')).toMatchObject({ party: { kind: 'supplier', id: 's-1' } });
    expect(() => shippingAddressDecider.identify(setAddress(), 'warehouse:w-1')).toThrow('names no outlet or supplier');
    expect(SHIPPING_ADDRESS_EVENT_TYPES.map((type) => shippingAddressDecider.schemaVersion(type))).toEqual([1, 1]);
  });

  it('keys a party by its kind and id, and reads the key back', () => {
    expect(shippingAddressKey({ kind: 'supplier', id: 'a:b' })).toBe('supplier:a:b');
    expect(partyOfKey('supplier:a:b')).toEqual({ kind: 'supplier', id: 'a:b' });
    expect([partyOfKey('outlet:'), partyOfKey('outlet'), partyOfKey('customer:c-1')]).toEqual([null, null, null]);
  });

  it('reads back what it wrote, and refuses events it does not know', () => {
    const { events } = playShippingAddress(setAddress(), clearAddress());
    for (const event of events) {
      expect(upcastShippingAddressEvent(event.type, 1, JSON.parse(JSON.stringify(event.data)))).toEqual(event);
    }
    expect(() => upcastShippingAddressEvent('BoxTypeRetired', 1, {})).toThrow('Unknown event type BoxTypeRetired');
    expect(() => upcastShippingAddressEvent('ShippingAddressSet', 2, {})).toThrow('newer than this code understands');
  });
});

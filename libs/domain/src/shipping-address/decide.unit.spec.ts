import { describe, expect, it } from '@jest/globals';
import { failureOf } from '../testing/decider-spec.js';
import { ADMIN_ID, NORTH_DOCK, OUTLET, SUPPLIER, clearAddress, playShippingAddress, positionOf, setAddress } from '../testing/shipping-address-fixtures.js';
import type { ShippingAddressCommand } from './commands.js';
import { decideShippingAddress } from './decide.js';
import { evolveShippingAddress, foldShippingAddress } from './evolve.js';

const by = { actorId: ADMIN_ID };
const decideAfter = (history: ShippingAddressCommand[], command: ShippingAddressCommand) => decideShippingAddress(playShippingAddress(...history).state, command, by);

describe('setting a shipping address', () => {
  it('records the whole address, its party and who set it', () => {
    expect(decideShippingAddress(null, setAddress(), by)).toEqual([{ type: 'ShippingAddressSet', data: { party: OUTLET, ...NORTH_DOCK, setBy: ADMIN_ID } }]);
    expect(decideShippingAddress(null, setAddress({}, SUPPLIER), by)[0]?.data.party).toEqual(SUPPLIER);
  });

  it('records the address trimmed, with optional fields left out as null', () => {
    const [event] = decideShippingAddress(null, { type: 'SetShippingAddress', party: OUTLET, contactName: ' Nora ', street: '12 Dock Road', postCode: '3070', countryCode: 'AU' }, by);
    expect(event?.data).toMatchObject({ contactName: 'Nora', company: null, suburb: null, phone: null, email: null, deliveryInstructions: null });
  });

  it('records the new address when it differs in any field', () => {
    expect(decideAfter([setAddress()], setAddress({ phone: '03 9000 0001' }))).toEqual([
      { type: 'ShippingAddressSet', data: { party: OUTLET, ...NORTH_DOCK, phone: '03 9000 0001', setBy: ADMIN_ID } },
    ]);
  });

  it('records nothing when the address is what it already is, spaces and empty optionals aside: already done', () => {
    expect(decideAfter([setAddress()], setAddress())).toEqual([]);
    expect(decideAfter([setAddress({ company: null })], setAddress({ company: '  ', contactName: ` ${NORTH_DOCK.contactName} ` }))).toEqual([]);
  });

  it('records the address again once it was cleared', () => {
    expect(decideAfter([setAddress(), clearAddress()], setAddress())).toHaveLength(1);
  });

  it('is refused with invalid values, naming the bad fields', () => {
    const error = failureOf(() => decideShippingAddress(null, setAddress({ street: '', countryCode: 'au' }), by));
    expect(error.code).toBe('INVALID_SHIPPING_ADDRESS');
    expect(error.message).toBe('Invalid shipping address: street, countryCode');
  });
});

describe('clearing a shipping address', () => {
  it('records who cleared it', () => {
    expect(decideAfter([setAddress()], clearAddress())).toEqual([{ type: 'ShippingAddressCleared', data: { party: OUTLET, clearedBy: ADMIN_ID } }]);
  });

  it('a second time records nothing: it is already done', () => {
    expect(decideAfter([setAddress(), clearAddress()], clearAddress())).toEqual([]);
  });

  it('is refused for a party whose address was never set', () => {
    const error = failureOf(() => decideShippingAddress(null, clearAddress(SUPPLIER), by));
    expect({ code: error.code, details: error.details }).toEqual({
      code: 'SHIPPING_ADDRESS_NOT_FOUND',
      details: { partyKind: 'supplier', partyId: SUPPLIER.id, key: `supplier:${SUPPLIER.id}` },
    });
  });
});

describe('evolving a shipping address', () => {
  it('holds the address set, stamped with its version, time and actor', () => {
    expect(playShippingAddress(setAddress()).state).toEqual({ party: OUTLET, address: NORTH_DOCK, version: 1, updatedAt: positionOf(0).recordedAt, updatedBy: ADMIN_ID });
  });

  it('holds no address once cleared, at the version of the clearing', () => {
    const { events } = playShippingAddress(setAddress(), setAddress({ city: 'Preston' }), clearAddress());
    expect(foldShippingAddress(events.map((event, index) => ({ event, at: positionOf(index) })))).toEqual({
      party: OUTLET,
      address: null,
      version: 3,
      updatedAt: positionOf(2).recordedAt,
      updatedBy: ADMIN_ID,
    });
  });

  it('gives nothing for an empty stream, and refuses a history that starts with a clearing', () => {
    expect(foldShippingAddress([])).toBeNull();
    expect(() => evolveShippingAddress(null, { type: 'ShippingAddressCleared', data: { party: OUTLET, clearedBy: 'x' } }, positionOf(0))).toThrow(
      'ShippingAddressCleared cannot be the first event',
    );
  });
});

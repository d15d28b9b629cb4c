import fc from 'fast-check';
import type { ShippingAddressCommand } from '../shipping-address/commands.js';
import { ISO_3166_ALPHA2_CODES } from '../shipping-address/country-codes.js';
import { decideShippingAddress } from '../shipping-address/decide.js';
import type { ShippingAddressEvent } from '../shipping-address/events.js';
import { evolveShippingAddress } from '../shipping-address/evolve.js';
import type { Party, ShippingAddress, ShippingAddressInput, ShippingAddressState } from '../shipping-address/shipping-address.js';
import { positionOf } from './transfer-fixtures.js';

export { positionOf };

export const OUTLET: Party = { kind: 'outlet', id: 'outlet-north' };
export const SUPPLIER: Party = { kind: 'supplier', id: 'supplier-acme' };
export const ADMIN_ID = 'admin-ada';

/** The north outlet's loading dock, every field given. */
export const NORTH_DOCK: ShippingAddress = {
  contactName: 'Nora North',
  company: 'Homewares North',
  street: '12 Dock Road',
  suburb: 'Northcote',
  city: 'Melbourne',
  state: 'VIC',
  postCode: '3070',
  countryCode: 'AU',
  phone: '+61 3 9000 0000',
  email: 'dock@north.example',
  deliveryInstructions: 'Rear roller door, 7–3 weekdays',
};

export const setAddress = (address: Partial<ShippingAddressInput> = {}, party: Party = OUTLET): ShippingAddressCommand => ({
  type: 'SetShippingAddress',
  party,
  ...NORTH_DOCK,
  ...address,
});
export const clearAddress = (party: Party = OUTLET): ShippingAddressCommand => ({ type: 'ClearShippingAddress', party });

/** Runs commands by an admin through the real decider; any refusal fails the setup. */
export function playShippingAddress(...commands: ShippingAddressCommand[]): { events: ShippingAddressEvent[]; state: ShippingAddressState | null } {
  const events: ShippingAddressEvent[] = [];
  let state: ShippingAddressState | null = null;
  for (const command of commands) {
    for (const event of decideShippingAddress(state, command, { actorId: ADMIN_ID })) {
      state = evolveShippingAddress(state, event, positionOf(events.length));
      events.push(event);
    }
  }
  return { events, state };
}

// ---- arbitraries ----------------------------------------------------------------------------

/** Text a field holds once trimmed: 1 to `max` characters, no space at either end. */
const text = (max: number) =>
  fc
    .string({ minLength: 1, maxLength: max })
    .map((value) => value.trim())
    .filter((value) => value.length > 0);
const optionalText = (max: number) => fc.option(text(max), { nil: null });

/** Any address a party can have, as it is kept (trimmed, optional fields null when not given). */
export const validAddress: fc.Arbitrary<ShippingAddress> = fc.record({
  contactName: text(100),
  company: optionalText(100),
  street: text(100),
  suburb: optionalText(100),
  city: optionalText(100),
  state: optionalText(100),
  postCode: text(10),
  countryCode: fc.constantFrom(...ISO_3166_ALPHA2_CODES),
  phone: optionalText(30),
  email: fc.option(fc.constantFrom('a@b.co', 'dock@north.example', 'x.y+z@mail.example.org'), { nil: null }),
  deliveryInstructions: optionalText(100),
});

const anyText = (max: number) =>
  fc.oneof(
    fc.string({ maxLength: max + 2 }),
    fc.constantFrom('', '   ', ' padded ', 'x'.repeat(max + 1)),
    fc.constantFrom(null, undefined, 42 as unknown as string),
  );

/** Addresses that are sometimes valid and often not, in any field. */
export const anyAddress: fc.Arbitrary<ShippingAddressInput> = fc.record({
  contactName: anyText(100) as fc.Arbitrary<string>,
  company: anyText(100),
  street: anyText(100) as fc.Arbitrary<string>,
  suburb: anyText(100),
  city: anyText(100),
  state: anyText(100),
  postCode: anyText(10) as fc.Arbitrary<string>,
  countryCode: fc.oneof(fc.constantFrom(...ISO_3166_ALPHA2_CODES), fc.constantFrom('au', 'XX', 'AUS', ' NZ ', ''), fc.string({ maxLength: 3 })),
  phone: anyText(30),
  email: fc.oneof(fc.constantFrom('a@b.co', 'not-an-email', 'a@b', ' a@b.co ', 'a b@c.de'), anyText(100)),
  deliveryInstructions: anyText(100),
});

/** Any command, valid or not. */
export const anyAddressCommand: fc.Arbitrary<ShippingAddressCommand> = fc.oneof(
  validAddress.map((address) => setAddress(address)),
  anyAddress.map((address) => setAddress(address)),
  fc.constant(clearAddress()),
);

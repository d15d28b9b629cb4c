import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { DomainError } from '../shared/domain-error.js';
import { ADMIN_ID, anyAddress, anyAddressCommand, positionOf, setAddress, validAddress } from '../testing/shipping-address-fixtures.js';
import type { ShippingAddressCommand } from './commands.js';
import { decideShippingAddress } from './decide.js';
import type { ShippingAddressEvent } from './events.js';
import { evolveShippingAddress } from './evolve.js';
import { SHIPPING_ADDRESS_FIELDS, SHIPPING_ADDRESS_MAX_LENGTH, type ShippingAddressState } from './shipping-address.js';
import { requireValidAddress } from './validation.js';

const by = { actorId: ADMIN_ID };

/** Runs `commands` as an admin, checking that each refusal leaves the state as it was. */
function run(commands: readonly ShippingAddressCommand[]) {
  let state: ShippingAddressState | null = null;
  const events: ShippingAddressEvent[] = [];
  const states: ShippingAddressState[] = [];
  for (const command of commands) {
    const before = structuredClone(state);
    let decided: ShippingAddressEvent[];
    try {
      decided = decideShippingAddress(state, command, by);
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      expect(state).toEqual(before);
      continue;
    }
    for (const event of decided) {
      state = evolveShippingAddress(state, event, positionOf(events.length));
      events.push(event);
      states.push(state);
    }
  }
  return { state, events, states };
}

describe('a shipping address, for any commands in any order', () => {
  it('after any valid addresses, is the last one, at one version per change', () => {
    fc.assert(
      fc.property(fc.array(validAddress, { minLength: 1, maxLength: 10 }), (addresses) => {
        const { state, events } = run(addresses.map((address) => setAddress(address)));
        expect(state?.address).toEqual(addresses.at(-1));
        expect(state?.version).toBe(events.length);
      }),
    );
  });

  it('is left exactly as it was by every refused command', () => {
    fc.assert(
      fc.property(fc.array(anyAddressCommand, { maxLength: 15 }), (commands) => {
        // run() checks each refusal against a copy of the state taken before it.
        run(commands);
      }),
    );
  });

  it('only ever holds a valid address: trimmed, within its limits, optional fields null rather than empty', () => {
    fc.assert(
      fc.property(fc.array(anyAddressCommand, { maxLength: 15 }), (commands) => {
        for (const { address } of run(commands).states) {
          if (address === null) continue;
          expect(requireValidAddress(address)).toEqual(address);
          for (const field of SHIPPING_ADDRESS_FIELDS) {
            const value = address[field];
            if (value === null) continue;
            expect(value).toBe(value.trim());
            expect(value.length).toBeGreaterThan(0);
            expect(value.length).toBeLessThanOrEqual(SHIPPING_ADDRESS_MAX_LENGTH[field]);
          }
        }
      }),
    );
  });

  it('is accepted or refused the same way however often it is checked: validation is idempotent', () => {
    fc.assert(
      fc.property(anyAddress, (input) => {
        let once;
        try {
          once = requireValidAddress(input);
        } catch (error) {
          if (!(error instanceof DomainError)) throw error;
          expect(error.code).toBe('INVALID_SHIPPING_ADDRESS');
          return;
        }
        expect(requireValidAddress(once)).toEqual(once);
      }),
    );
  });

  it('records nothing for a command given twice in a row: the second is already done', () => {
    fc.assert(
      fc.property(fc.array(anyAddressCommand, { maxLength: 8 }), anyAddressCommand, (history, command) => {
        const once = run([...history, command]);
        const twice = run([...history, command, command]);
        expect(twice.events).toEqual(once.events);
      }),
    );
  });
});

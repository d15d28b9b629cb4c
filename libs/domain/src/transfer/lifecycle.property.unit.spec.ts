import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { DomainError } from '../shared/domain-error.js';
import { anyCommand, laterCommand as command } from '../testing/command-arbitraries.js';
import { decideBySwitch } from '../testing/decide-by-switch.js';
import { CLERK, MANAGER, fold, play, positionOf, nameOf, rolesOf, stepsTo } from '../testing/transfer-fixtures.js';
import { transitionOfCommand } from './command-transitions.js';
import type { DecisionContext, TransferCommand, TransferRules } from './commands.js';
import { decide } from './decide.js';
import type { TransferEvent } from './events.js';
import type { TransferState } from './transfer-state.js';
import { evolve } from './evolve.js';
import { TRANSFER_TYPES } from './transfer-type.js';
import { findTransition, statusesOf } from './transition-policy.js';

const rules: fc.Arbitrary<TransferRules> = fc.record({
  purchaseOrderApprovalThreshold: fc.constantFrom(0, 350_000, 10_000_000),
  stocktakeReviewThreshold: fc.constantFrom(0, 500_000),
  overReceiptTolerancePercent: fc.constantFrom(0, 10, 100),
  unsentItemLimit: fc.constantFrom(0, 10),
});

/** A real transfer of any type in any of its statuses, then any commands by a clerk or a manager. */
const scenario = fc
  .constantFrom(...TRANSFER_TYPES)
  .chain((type) =>
    fc.record({
      type: fc.constant(type),
      start: fc.constantFrom(...statusesOf(type)),
      rules,
      commands: fc.array(fc.record({ command, actorId: fc.constantFrom(CLERK, MANAGER) }), { maxLength: 30 }),
    }),
  );

describe('a transfer’s life, for any commands in any order', () => {
  it('only ever changes status along a row of its type’s table, landing in one of the type’s statuses', () => {
    fc.assert(
      fc.property(scenario, ({ type, start, rules, commands }) => {
        let { state, events } = play(stepsTo(type, start));
        for (const { command, actorId } of commands) {
          const snapshot = structuredClone(state);
          let decided: TransferEvent[];
          try {
            decided = decide(state, command, { actorId, actorName: nameOf(actorId), actorRoles: rolesOf(actorId), rules });
          } catch (error) {
            if (!(error instanceof DomainError)) throw error;
            if (error.code === 'ILLEGAL_TRANSITION') {
              expect(findTransition(type, state.status, transitionOfCommand(command as never))).toBeUndefined();
            }
            expect(state).toEqual(snapshot);
            continue;
          }
          expect(state).toEqual(snapshot);
          if (decided.length === 0) continue;
          const row = findTransition(type, state.status, transitionOfCommand(command as never));
          expect(row).toBeDefined();
          for (const event of decided) {
            state = evolve(state, event, positionOf(events.length));
            events = [...events, event];
          }
          expect(state.status).toBe(row?.to);
          expect(statusesOf(type)).toContain(state.status);
        }
        expect(fold(events)).toEqual(state);
      }),
      { numRuns: 1_000 },
    );
  });

  it('answers the same command on the same transfer the same way every time', () => {
    fc.assert(
      fc.property(scenario, command, fc.constantFrom(CLERK, MANAGER), ({ type, start, rules }, attempt, actorId) => {
        const { state } = play(stepsTo(type, start));
        const outcome = () => {
          try {
            return decide(state, attempt, { actorId, actorName: nameOf(actorId), actorRoles: rolesOf(actorId), rules });
          } catch (error) {
            if (error instanceof DomainError) return { code: error.code, details: error.details };
            throw error;
          }
        };
        expect(outcome()).toEqual(outcome());
      }),
    );
  });

  it('decides exactly as the two switches the command registry replaced, for any commands in any order', () => {
    /** The events, or the DomainError's code and details; anything else is a failure of the test. */
    const outcome = (decider: typeof decide, state: TransferState | null, attempt: TransferCommand, context: DecisionContext) => {
      try {
        return { events: decider(state, attempt, context) };
      } catch (error) {
        if (error instanceof DomainError) return { code: error.code, details: error.details };
        throw error;
      }
    };
    fc.assert(
      fc.property(scenario, fc.array(anyCommand, { maxLength: 5 }), ({ type, start, rules, commands }, creations) => {
        let { state, events } = play(stepsTo(type, start));
        for (const [index, { command: attempt, actorId }] of [...commands, ...creations.map((c) => ({ command: c, actorId: CLERK }))].entries()) {
          const context = { actorId, actorName: nameOf(actorId), actorRoles: rolesOf(actorId), rules };
          const viaRegistry = outcome(decide, state, attempt, context);
          expect(viaRegistry).toEqual(outcome(decideBySwitch, state, attempt, context));
          // Creation is also decided where no transfer exists yet, every few commands.
          if (index % 3 === 0) expect(outcome(decide, null, attempt, context)).toEqual(outcome(decideBySwitch, null, attempt, context));
          for (const event of viaRegistry.events ?? []) {
            state = evolve(state, event, positionOf(events.length));
            events = [...events, event];
          }
        }
      }),
      { numRuns: 500 },
    );
  });
});

import { expect } from '@jest/globals';
import { DomainError, type DomainErrorCode } from '../shared/domain-error.js';
import type { TransferCommand, TransferRules } from '../transfer/commands.js';
import { decide } from '../transfer/decide.js';
import type { TransferEvent } from '../transfer/events.js';
import { evolve } from '../transfer/evolve.js';
import type { Status } from '../transfer/status.js';
import type { EvidenceFact } from '../transfer/receipt-evidence.js';
import type { TransferState } from '../transfer/transfer-state.js';
import { CLERK, contextFor, fold, positionOf } from './transfer-fixtures.js';

export interface WhenOptions {
  /** Who issues the command; the clerk unless said otherwise. */
  by?: string;
  rules?: Partial<TransferRules>;
  /** The evidence rows the application found for the ids the command names. */
  evidence?: readonly EvidenceFact[];
}

/**
 * Decider tests as one-liners:
 *   given(history).when(command).then(expectedEvents)
 *   given(history).when(command, { by: MANAGER }).thenFails('SELF_APPROVAL')
 * `history` is the transfer's past events (empty for a transfer that does not exist yet).
 */
export function given(history: readonly TransferEvent[]) {
  return {
    when(command: TransferCommand, options: WhenOptions = {}) {
      const before = fold(history);
      const attempt = (): TransferEvent[] => decide(before, command, { ...contextFor(options.by ?? CLERK, options.rules), evidence: options.evidence ?? [] });
      const after = (): TransferState => {
        const events = attempt();
        const state = events.reduce<TransferState | null>(
          (current, event, index) => evolve(current, event, positionOf(history.length + index)),
          before,
        );
        if (!state) throw new Error('The command created no transfer');
        return state;
      };
      return {
        then(expected: readonly TransferEvent[]): void {
          expect(attempt()).toEqual(expected);
        },
        /** The command is accepted and changes nothing: already done. */
        thenNothingHappens(): void {
          expect(attempt()).toEqual([]);
        },
        thenFails(code: DomainErrorCode, details?: Record<string, unknown>): DomainError {
          const error = failureOf(attempt);
          expect({ code: error.code, details: error.details }).toEqual({
            code,
            details: details ? expect.objectContaining(details) : expect.anything(),
          });
          return error;
        },
        /** The transfer after the decided events are applied, for assertions on what they mean. */
        thenState(): TransferState {
          return after();
        },
        thenStatus(status: Status): void {
          expect(after().status).toBe(status);
        },
      };
    },
  };
}

/** The DomainError `attempt` throws; anything else (no error, another kind of error) fails the test. */
export function failureOf(attempt: () => unknown): DomainError {
  let outcome: unknown;
  try {
    outcome = attempt();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error(`Expected a DomainError, but the command was accepted: ${JSON.stringify(outcome)}`);
}

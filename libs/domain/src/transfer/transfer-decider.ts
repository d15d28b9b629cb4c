import type { Decider } from '../shared/decider.js';
import type { DecisionContext, TransferCommand } from './commands.js';
import { decide } from './decide.js';
import { CURRENT_SCHEMA_VERSION } from './event-catalogue.js';
import type { TransferEvent } from './events.js';
import { evolve } from './evolve.js';
import { replayedVersion } from './recorded-deliveries.js';
import { authorizeTransferCommand } from './transfer-authorization.js';
import type { TransferState } from './transfer-state.js';
import { upcast } from './upcasters.js';

/** The Transfer as one aggregate among several: what the command pipeline runs a transfer's commands with. */
export const transferDecider: Decider<TransferState, TransferCommand, TransferEvent, DecisionContext> = {
  streamPrefix: 'transfer',
  schemaVersion: (eventType) => CURRENT_SCHEMA_VERSION[eventType],
  upcast: (eventType, schemaVersion, payload) => upcast(eventType, schemaVersion, payload),
  identify: (command, transferId) => (command.type === 'CreateTransfer' ? { ...command, transferId } : command),
  authorize: authorizeTransferCommand,
  decide,
  evolve,
  replayedVersion,
};

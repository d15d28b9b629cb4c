import type { CommandOf } from './command-definition.js';
import type { COMMAND_DEFINITIONS } from './command-registry.js';

export type { ItemInput, ReceiptLineInput } from './command-inputs.js';
export type { DecisionContext, TransferRules } from './decision-context.js';

/**
 * What a user asks of a transfer: the commands of the registry. Each command lives in its own folder
 * under `commands/` (its type, its decision, its access rows and its tests); `command-registry.ts`
 * lists them, and this union follows from that list.
 */
export type TransferCommand = CommandOf<(typeof COMMAND_DEFINITIONS)[number]>;

export type TransferCommandType = TransferCommand['type'];

import { definitionOf } from './command-registry.js';
import type { TransferCommand } from './commands.js';
import type { Transition } from './transition-policy.js';

/** Which transition of the table a command attempts (each command's own folder says, via the registry). */
export function transitionOfCommand(command: Exclude<TransferCommand, { type: 'CreateTransfer' }>): Transition {
  const definition = definitionOf(command);
  if (definition.kind === 'creation') throw new Error(`${command.type} creates a transfer: it attempts no transition`);
  return definition.transitionOf(command);
}

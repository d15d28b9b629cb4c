import { definitionOf } from './command-registry.js';
import type { TransferCommand } from './commands.js';
import type { Transition } from './transition-policy.js';

/** Which transition of the table a command attempts (each command's own folder says, via the registry). */
export function transitionOfCommand(command: Exclude<TransferCommand, { type: 'CreateTransfer' }>): Transition {
  const definition = definitionOf(command);
  if (definition.kind !== 'transition') throw new Error(`${command.type} attempts no transition of the table (it is a ${definition.kind})`);
  return definition.transitionOf(command);
}

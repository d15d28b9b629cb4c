import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { ACCESS_TABLE, TRANSFER_ACTIONS } from './access-policy.js';
import type { CommandDefinition } from './command-definition.js';
import { COMMAND_ACCESS_ROWS, COMMAND_DEFINITIONS, actionOfCommand, definitionOf } from './command-registry.js';
import type { TransferCommand, TransferCommandType } from './commands.js';
import { TRANSFER_TYPES } from './transfer-type.js';
import { TRANSITIONS, TRANSITION_TABLE } from './transition-policy.js';
import { anyCommand } from '../testing/command-arbitraries.js';

/** Every member of the TransferCommand union: the compiler refuses this record if one is missing or unknown. */
const EVERY_COMMAND_TYPE: Readonly<Record<TransferCommandType, true>> = {
  CreateTransfer: true,
  AddItem: true,
  ChangeItemQuantity: true,
  RemoveItem: true,
  RecordPackedQuantity: true,
  MarkPacked: true,
  SubmitTransfer: true,
  ApproveTransfer: true,
  RejectTransfer: true,
  SendTransfer: true,
  ReceiveTransfer: true,
  CorrectReceipt: true,
  RecordCount: true,
  CompleteStocktake: true,
  CancelTransfer: true,
  RecordExternalChange: true,
  AddTransferNote: true,
  RetrySync: true,
  AddBox: true,
  PutInBox: true,
  TakeOutOfBox: true,
  WeighBox: true,
  RemoveBox: true,
  RequestBooking: true,
  CancelBooking: true,
  RecordBooking: true,
  RecordBookingFailure: true,
  RecordBookingCancelled: true,
  RecordCancellationRefused: true,
  RecordTrackingUpdate: true,
};

const actionsOwnedBy = (definition: CommandDefinition) => Object.keys(definition.access);

describe('the command registry', () => {
  it('defines every command of the union exactly once', () => {
    const registered = COMMAND_DEFINITIONS.map((definition) => definition.type);
    expect(new Set(registered).size).toBe(registered.length);
    expect([...registered].sort()).toEqual(Object.keys(EVERY_COMMAND_TYPE).sort());
  });

  it('has exactly one creation, taking the create action', () => {
    const creations = COMMAND_DEFINITIONS.filter((definition) => definition.kind === 'creation');
    expect(creations.map((definition) => [definition.type, actionsOwnedBy(definition)])).toEqual([['CreateTransfer', ['create']]]);
  });

  it('gives every action but reading exactly one command, with its row of the access table', () => {
    const owned = COMMAND_DEFINITIONS.flatMap(actionsOwnedBy);
    expect(new Set(owned).size).toBe(owned.length);
    expect([...owned].sort()).toEqual(TRANSFER_ACTIONS.filter((action) => action !== 'read').sort());
  });

  it('covers every transition the table uses with a command and an access row', () => {
    const used = new Set(TRANSFER_TYPES.flatMap((type) => TRANSITION_TABLE[type].map((row) => row.via)));
    expect([...used].sort()).toEqual([...TRANSITIONS].sort());
    for (const via of used) {
      expect(COMMAND_DEFINITIONS.filter((definition) => actionsOwnedBy(definition).includes(via))).toHaveLength(1);
      expect(ACCESS_TABLE[via]).toBeDefined();
    }
  });

  it('builds the access table from the commands’ rows, plus reading', () => {
    const { read, ...rest } = ACCESS_TABLE;
    expect(read).toBeDefined();
    expect(rest).toEqual(COMMAND_ACCESS_ROWS);
  });

  it('sends any command to its own definition, which takes an action whose access row it brings', () => {
    fc.assert(
      fc.property(anyCommand, (command: TransferCommand) => {
        const definition = definitionOf(command);
        expect(definition.type).toBe(command.type);
        expect(actionsOwnedBy(definition)).toContain(actionOfCommand(command));
      }),
    );
  });

  it('lets the box commands share one action, packBoxes, whose row AddBox alone brings', () => {
    const boxCommands = COMMAND_DEFINITIONS.filter((definition) => definition.kind === 'annotation' && definition.action === 'packBoxes');
    expect(boxCommands.map((definition) => definition.type)).toEqual(['AddBox', 'PutInBox', 'TakeOutOfBox', 'WeighBox', 'RemoveBox']);
    expect(boxCommands.filter((definition) => actionsOwnedBy(definition).length > 0).map((definition) => definition.type)).toEqual(['AddBox']);
    expect(ACCESS_TABLE.packBoxes).toBeDefined();
  });

  it('takes, for every command, an action of the access table', () => {
    for (const definition of COMMAND_DEFINITIONS) {
      const actions = definition.kind === 'transition' ? actionsOwnedBy(definition) : [definition.action];
      for (const action of actions) expect(ACCESS_TABLE[action as keyof typeof ACCESS_TABLE]).toBeDefined();
    }
  });

  it('refuses a command type it does not know, as a programming error', () => {
    expect(() => definitionOf({ type: 'TeleportTransfer' } as unknown as TransferCommand)).toThrow('No transfer command TeleportTransfer');
  });
});

import { describe, expect, it } from '@jest/globals';
import { STATUSES as DOMAIN_STATUSES, TRANSFER_COMMAND_TYPES, TRANSFER_TYPES as DOMAIN_TYPES } from '#domain';
import { COMMANDS, STATUSES, TRANSFER_TYPES, oneOf } from './choices.js';

describe('the console filters’ choices', () => {
  it('offer every transfer type, status and command the service knows, and no other', () => {
    expect([...TRANSFER_TYPES].sort()).toEqual([...DOMAIN_TYPES].sort());
    expect([...STATUSES].sort()).toEqual([...DOMAIN_STATUSES].sort());
    expect([...COMMANDS].sort()).toEqual([...TRANSFER_COMMAND_TYPES].sort());
  });

  it('take a value from the address only when it is one of them', () => {
    expect(oneOf(COMMANDS, 'ReceiveTransfer')).toBe('ReceiveTransfer');
    expect(oneOf(COMMANDS, 'DropTables')).toBeUndefined();
    expect(oneOf(COMMANDS, null)).toBeUndefined();
  });
});

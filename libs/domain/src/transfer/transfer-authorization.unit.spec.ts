import { describe, expect, it } from '@jest/globals';
import type { Actor } from '../shared/decider.js';
import { DomainError } from '../shared/domain-error.js';
import type { TransferPlace } from './access-policy.js';
import type { TransferCommand } from './commands.js';
import { authorizeTransferCommand, requireAccess, requireRole, SYSTEM_ROLE } from './transfer-authorization.js';
import type { TransferState } from './transfer-state.js';

const actor = (roles: string[], outlets: string[] = []): Actor => ({ id: 'x', name: null, roles, outlets });
const A_TO_B: TransferPlace = { type: 'OUTLET_TRANSFER', sourceOutletId: 'A', destinationOutletId: 'B' };
const transferAToB = { id: 't-1', ...A_TO_B, status: 'PACKED', lines: [] } as unknown as TransferState;

function refusal(run: () => void): DomainError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(DomainError);
    return error as DomainError;
  }
  throw new Error('expected a refusal');
}

describe('who may run a command on a transfer', () => {
  it('refuses a role that may not take the action anywhere, naming the roles that may', () => {
    const problem = refusal(() => requireRole(actor(['auditor']), 'cancel'));
    expect(problem.message).toMatch(/auditor\) may not cancel transfers; allowed: staff, manager, admin/);
    expect(problem.details).toEqual({ action: 'cancel', allowedRoles: ['staff', 'manager', 'admin'] });
    expect(refusal(() => requireRole(actor(['manager']), 'noteExternalChange')).message).toMatch(/may not noteExternalChange transfers; allowed: system/);
  });

  it('tells staff who may read the transfer which side may act, and which outlets that is', () => {
    const problem = refusal(() => requireAccess(actor(['staff'], ['A']), 'receiveFinal', 't-1', A_TO_B));
    expect(problem.message).toBe('Your roles (staff) may receiveFinal transfer t-1 only at its receiving outlet (B); your outlets: A');
    expect(problem.details).toEqual({ action: 'receiveFinal', allowedAt: [{ scope: 'receivingOutlet', outlets: ['B'] }], yourOutlets: ['A'] });
    expect(refusal(() => requireAccess(actor(['staff'], ['B']), 'send', 't-1', A_TO_B)).message).toMatch(/only at its sending outlet \(A\); your outlets: B/);
  });

  it('refuses staff of C who also audit the cancellation of an A → B transfer they may read', () => {
    const problem = refusal(() => requireAccess(actor(['staff', 'auditor'], ['C']), 'cancel', 't-1', A_TO_B));
    expect(problem.message).toMatch(/only at its sending outlet \(A\); your outlets: C/);
  });

  it('names no outlet of a transfer to someone who may not read it', () => {
    const problem = refusal(() => requireAccess(actor(['staff'], ['C']), 'send', 't-1', A_TO_B));
    expect(problem.message).toBe('Transfer t-1 does not touch any of your outlets (C)');
    expect(JSON.stringify(problem.details)).not.toMatch(/"A"|"B"/);
    expect(refusal(() => requireAccess(actor(['staff']), 'read', 't-1', A_TO_B)).message).toMatch(/your outlets \(none\)/);
  });

  it('explains a creation at the wrong side, and a side no outlet of ours is on', () => {
    expect(refusal(() => requireAccess(actor(['staff'], ['B']), 'create', 't-1', A_TO_B)).message).toMatch(/create transfer t-1 only at its sending outlet \(A\)/);
    const giveBack: TransferPlace = { type: 'SUPPLIER_RETURN', sourceOutletId: 'A', destinationOutletId: null };
    expect(refusal(() => requireAccess(actor(['staff'], ['A']), 'receivePartial', 't-2', giveBack)).message).toMatch(
      /only at its receiving outlet \(none: no outlet of ours is on that side\)/,
    );
  });

  it('checks the role first, then that the transfer exists, then the side of it the actor works at', () => {
    const send: TransferCommand = { type: 'SendTransfer' };
    expect(refusal(() => authorizeTransferCommand(actor(['auditor'], ['A']), send, null, 't-9')).code).toBe('FORBIDDEN');
    const missing = refusal(() => authorizeTransferCommand(actor(['staff'], ['A']), send, null, 't-9'));
    expect(missing).toMatchObject({ code: 'TRANSFER_NOT_FOUND', message: 'Transfer t-9 does not exist', details: { transferId: 't-9' } });
    expect(refusal(() => authorizeTransferCommand(actor(['staff'], ['B']), send, transferAToB, 't-1')).code).toBe('FORBIDDEN');
    expect(() => authorizeTransferCommand(actor(['staff'], ['A']), send, transferAToB, 't-1')).not.toThrow();
  });

  it('judges a create by the outlets it names, since there is no transfer yet', () => {
    const create: TransferCommand = { type: 'CreateTransfer', transferId: 't-2', transferType: 'OUTLET_TRANSFER', sourceOutletId: 'A', destinationOutletId: 'B' };
    expect(() => authorizeTransferCommand(actor(['staff'], ['A']), create, null, 't-2')).not.toThrow();
    expect(refusal(() => authorizeTransferCommand(actor(['staff'], ['B']), create, null, 't-2')).message).toMatch(/only at its sending outlet \(A\)/);
  });

  it('lets the service itself, and no person, note a change found in Lightspeed — on any transfer, and nothing else', () => {
    const note: TransferCommand = {
      type: 'RecordExternalChange',
      consignmentId: 'c-1',
      lightspeedStatus: 'RECEIVED',
      lightspeedVersion: 3,
      source: 'poll',
      detectedAt: '2024-01-01T00:00:00.000Z',
    };
    expect(() => authorizeTransferCommand(actor([SYSTEM_ROLE]), note, transferAToB, 't-1')).not.toThrow();
    expect(refusal(() => authorizeTransferCommand(actor(['manager', 'admin']), note, transferAToB, 't-1')).code).toBe('FORBIDDEN');
    expect(refusal(() => authorizeTransferCommand(actor([SYSTEM_ROLE]), { type: 'SendTransfer' }, transferAToB, 't-1')).code).toBe('FORBIDDEN');
  });

  it('lets the service itself, and no person, record what the carrier answered of a booking; staff of the sending side book it', () => {
    const booked: TransferCommand = {
      type: 'RecordBooking',
      orderNumber: 'TR-t-1-v2',
      carrierOrderId: 'ssi-1',
      carrierName: 'NZ Post',
      trackingNumbers: ['TRK1'],
      labelEvidenceIds: [],
      priceCents: null,
    };
    const tracked: TransferCommand = { type: 'RecordTrackingUpdate', trackingNumber: 'TRK1', status: 'DELIVERED', rawStatus: 'Delivered', at: '2024-01-02T00:00:00.000Z', details: null, source: 'WEBHOOK' };
    for (const command of [booked, tracked]) {
      expect(() => authorizeTransferCommand(actor([SYSTEM_ROLE]), command, transferAToB, 't-1')).not.toThrow();
      expect(refusal(() => authorizeTransferCommand(actor(['manager', 'admin']), command, transferAToB, 't-1')).code).toBe('FORBIDDEN');
    }
    const request: TransferCommand = { type: 'RequestBooking', serviceCode: 'CPOLE', serviceName: 'Overnight', quotedPriceCents: 900, currency: null };
    expect(() => authorizeTransferCommand(actor(['staff'], ['A']), request, transferAToB, 't-1')).not.toThrow();
    expect(refusal(() => authorizeTransferCommand(actor(['staff'], ['B']), request, transferAToB, 't-1')).code).toBe('FORBIDDEN');
    expect(refusal(() => authorizeTransferCommand(actor([SYSTEM_ROLE]), request, transferAToB, 't-1')).code).toBe('FORBIDDEN');
  });
});

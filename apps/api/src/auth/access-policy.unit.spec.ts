import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import type { OutletScope, TransferPlace } from '#domain';
import { ProblemException } from '../http/problem.exception.js';
import { ACCESS_POLICY, mayPerform, readScope, requireAccess, requireRole, type ApiAction } from './access-policy.js';
import { ROLES, type Actor } from './actor.js';

const actor = (roles: Actor['roles'], outlets: string[] = []): Actor => ({ id: 'x', name: null, roles, outlets });
const A_TO_B: TransferPlace = { type: 'OUTLET_TRANSFER', sourceOutletId: 'A', destinationOutletId: 'B' };

/** How docs/security.md writes a role's scope in the permissions table. */
const DOCUMENTED_SCOPES: Readonly<Record<string, OutletScope>> = {
  'any outlet': 'anyOutlet',
  'sending outlet': 'sendingOutlet',
  'receiving outlet': 'receivingOutlet',
  'either outlet': 'eitherOutlet',
};

function documentedTable(): Record<string, Record<string, OutletScope>> {
  const doc = readFileSync(join(process.cwd(), 'docs/security.md'), 'utf8');
  const block = doc.slice(doc.indexOf('<!-- permissions:start -->'), doc.indexOf('<!-- permissions:end -->'));
  const [header, , ...rows] = block.split('\n').filter((line) => line.startsWith('|')).map((line) => line.split('|').slice(1, -1).map((cell) => cell.trim()));
  expect(header).toEqual(['action', ...ROLES]);
  return Object.fromEntries(
    (rows as string[][]).map(([action = '', ...cells]) => {
      const granted = ROLES.flatMap((role, index) => {
        const cell = cells[index] ?? '';
        if (cell === 'no') return [];
        if (!(cell in DOCUMENTED_SCOPES)) throw new Error(`${action} / ${role}: unknown cell "${cell}"`);
        return [[role, DOCUMENTED_SCOPES[cell]] as const];
      });
      return [action, Object.fromEntries(granted)];
    }),
  );
}

function refusal(run: () => void): ProblemException {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(ProblemException);
    expect((error as ProblemException).status).toBe(403);
    return error as ProblemException;
  }
  throw new Error('expected a 403');
}

describe('the access policy of the API', () => {
  it('is exactly the table documented in docs/security.md, role by role and scope by scope', () => {
    expect(documentedTable()).toEqual(ACCESS_POLICY);
  });

  it('keeps the operations routes to admins, whatever their outlets', () => {
    expect(ROLES.filter((role) => mayPerform(actor([role]), 'admin'))).toEqual(['admin']);
  });

  it('lets auditors do nothing but read', () => {
    expect((Object.keys(ACCESS_POLICY) as ApiAction[]).filter((action) => mayPerform(actor(['auditor']), action))).toEqual(['read']);
  });

  it('refuses a role that may not take the action anywhere, naming the roles that may', () => {
    const problem = refusal(() => requireRole(actor(['auditor']), 'cancel'));
    expect(problem.message).toMatch(/auditor\) may not cancel transfers; allowed: staff, manager, admin/);
    expect(problem.extensions).toEqual({ action: 'cancel', allowedRoles: ['staff', 'manager', 'admin'] });
    expect(refusal(() => requireRole(actor(['manager']), 'noteExternalChange')).message).toMatch(/no role may/);
  });

  it('tells staff who may read the transfer which side may act, and which outlets that is', () => {
    const problem = refusal(() => requireAccess(actor(['staff'], ['A']), 'receiveFinal', 't-1', A_TO_B));
    expect(problem.message).toBe('Your roles (staff) may receiveFinal transfer t-1 only at its receiving outlet (B); your outlets: A');
    expect(problem.extensions).toEqual({ action: 'receiveFinal', allowedAt: [{ scope: 'receivingOutlet', outlets: ['B'] }], yourOutlets: ['A'] });
    expect(refusal(() => requireAccess(actor(['staff'], ['B']), 'send', 't-1', A_TO_B)).message).toMatch(/only at its sending outlet \(A\); your outlets: B/);
  });

  it('refuses staff of C who also audit the cancellation of an A → B transfer they may read', () => {
    const problem = refusal(() => requireAccess(actor(['staff', 'auditor'], ['C']), 'cancel', 't-1', A_TO_B));
    expect(problem.message).toMatch(/only at its sending outlet \(A\); your outlets: C/);
  });

  it('names no outlet of a transfer to someone who may not read it', () => {
    const problem = refusal(() => requireAccess(actor(['staff'], ['C']), 'send', 't-1', A_TO_B));
    expect(problem.message).toBe('Transfer t-1 does not touch any of your outlets (C)');
    expect(JSON.stringify(problem.extensions)).not.toMatch(/"A"|"B"/);
    expect(refusal(() => requireAccess(actor(['staff']), 'read', 't-1', A_TO_B)).message).toMatch(/your outlets \(none\)/);
  });

  it('explains a creation at the wrong side, and a side no outlet of ours is on', () => {
    expect(refusal(() => requireAccess(actor(['staff'], ['B']), 'create', 't-1', A_TO_B)).message).toMatch(/create transfer t-1 only at its sending outlet \(A\)/);
    const giveBack: TransferPlace = { type: 'SUPPLIER_RETURN', sourceOutletId: 'A', destinationOutletId: null };
    expect(refusal(() => requireAccess(actor(['staff'], ['A']), 'receivePartial', 't-2', giveBack)).message).toMatch(
      /only at its receiving outlet \(none: no outlet of ours is on that side\)/,
    );
  });

  it('lets every transfer be read by a role granted reads at any outlet, else those of the token outlets', () => {
    expect(readScope(actor(['staff'], ['a']))).toEqual(['a']);
    expect(readScope(actor(['staff', 'auditor'], ['a']))).toBeNull();
    expect(readScope(actor(['staff', 'manager'], ['a']))).toBeNull();
    expect(() => requireAccess(actor(['staff'], ['B']), 'read', 't-1', A_TO_B)).not.toThrow();
  });
});

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import type { OutletScope, TransferPlace } from '#domain';
import type { Problem } from '../http/problem.js';
import { toProblem } from '../http/to-problem.js';
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

function refusal(run: () => void): Problem {
  try {
    run();
  } catch (error) {
    return toProblem(error);
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

  it('answers a refusal of the domain as 403 FORBIDDEN, with what it says of the action and where it is allowed', () => {
    const problem = refusal(() => requireAccess(actor(['staff'], ['A']), 'receiveFinal', 't-1', A_TO_B));
    expect(problem).toMatchObject({ status: 403, code: 'FORBIDDEN', action: 'receiveFinal', allowedAt: [{ scope: 'receivingOutlet', outlets: ['B'] }], yourOutlets: ['A'] });
    expect(refusal(() => requireRole(actor(['auditor']), 'cancel'))).toMatchObject({ status: 403, code: 'FORBIDDEN', allowedRoles: ['staff', 'manager', 'admin'] });
  });

  it('lets every transfer be read by a role granted reads at any outlet, else those of the token outlets', () => {
    expect(readScope(actor(['staff'], ['a']))).toEqual(['a']);
    expect(readScope(actor(['staff', 'auditor'], ['a']))).toBeNull();
    expect(readScope(actor(['staff', 'manager'], ['a']))).toBeNull();
    expect(() => requireAccess(actor(['staff'], ['B']), 'read', 't-1', A_TO_B)).not.toThrow();
  });
});

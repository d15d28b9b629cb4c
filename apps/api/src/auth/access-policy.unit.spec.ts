import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { mayPerform, mayTouch, outletScope, ROLE_PERMISSIONS, type TransferAction } from './access-policy.js';
import { ROLES, type Actor } from './actor.js';

const actor = (roles: Actor['roles'], outlets: string[] = []): Actor => ({ id: 'x', name: null, roles, outlets });

describe('the access policy', () => {
  it('is exactly the table documented in docs/security.md', () => {
    const doc = readFileSync(join(process.cwd(), 'docs/security.md'), 'utf8');
    const block = doc.slice(doc.indexOf('<!-- permissions:start -->'), doc.indexOf('<!-- permissions:end -->'));
    const rows = block.split('\n').filter((line) => /^\| \w+ \|/.test(line) && !line.startsWith('| action'));
    const documented = Object.fromEntries(
      rows.map((line) => {
        const [action, ...cells] = line.split('|').map((cell) => cell.trim()).filter(Boolean);
        return [action, ROLES.filter((_, index) => cells[index] === 'yes')];
      }),
    );
    expect(documented).toEqual(Object.fromEntries(Object.entries(ROLE_PERMISSIONS).map(([a, roles]) => [a, [...roles]])));
  });

  it('lets only managers approve, reject and correct; auditors only read', () => {
    for (const action of ['approve', 'reject', 'correctReceipt'] as TransferAction[]) {
      expect(ROLES.filter((role) => mayPerform(actor([role]), action))).toEqual(['manager']);
    }
    const auditorMay = Object.keys(ROLE_PERMISSIONS).filter((action) => mayPerform(actor(['auditor']), action as TransferAction));
    expect(auditorMay).toEqual(['read']);
  });

  it('binds staff to their outlets, and nobody else', () => {
    expect(outletScope(actor(['staff'], ['a']))).toEqual(['a']);
    expect(outletScope(actor(['staff', 'manager'], ['a']))).toBeNull();
    expect(mayTouch(actor(['staff'], ['a']), { sourceOutletId: 'a', destinationOutletId: 'b' })).toBe(true);
    expect(mayTouch(actor(['staff'], ['a']), { sourceOutletId: null, destinationOutletId: 'a' })).toBe(true);
    expect(mayTouch(actor(['staff'], ['c']), { sourceOutletId: 'a', destinationOutletId: 'b' })).toBe(false);
    expect(mayTouch(actor(['auditor']), { sourceOutletId: 'a', destinationOutletId: 'b' })).toBe(true);
  });
});

import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from '@jest/globals';

// Jest runs from the repository root.
const ROOT = process.cwd();
const PERSISTENCE = join(ROOT, 'libs', 'persistence');

const SQL_SIGNS: readonly RegExp[] = [
  /\.query\s*(<[^>]*>)?\s*\(\s*[`'"]\s*(SELECT|INSERT|UPDATE|DELETE|WITH|BEGIN|COMMIT|ROLLBACK|LOCK|ALTER|CREATE|DROP|TRUNCATE)\b/i,
  /\bSELECT\s/,
  /\bINSERT INTO\b/,
  /\bpg_(try_)?advisory/,
];

/** The first sign of SQL in a source text, or null. */
function sqlIn(source: string): string | null {
  for (const sign of SQL_SIGNS) {
    const found = sign.exec(source);
    if (found) return found[0];
  }
  return null;
}

function productionSources(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return path === PERSISTENCE || entry.name === 'node_modules' ? [] : productionSources(path);
    return entry.name.endsWith('.ts') && !/\.(spec|e2e-spec)\.ts$/.test(entry.name) ? [path] : [];
  });
}

describe('SQL', () => {
  it('is recognised in a statement, a query call, and an advisory lock', () => {
    expect(sqlIn("client.query('select 1')")).not.toBeNull();
    expect(sqlIn('client.query<{ n: number }>(`\n  UPDATE stock SET n = 1`)')).not.toBeNull();
    expect(sqlIn('`SELECT id FROM events`')).not.toBeNull();
    expect(sqlIn("'INSERT INTO events VALUES ($1)'")).not.toBeNull();
    expect(sqlIn("'SELECT pg_try_advisory_lock(1)'")).not.toBeNull();
    expect(sqlIn('/** DELETE /consignments/:id — a soft delete. Select the outlet. */')).toBeNull();
  });

  it('lives only in libs/persistence: no other production source of apps/ or libs/ holds any', () => {
    const sources = ['apps', 'libs'].flatMap((folder) => productionSources(join(ROOT, folder)));
    const offenders = sources.flatMap((file) => {
      const sign = sqlIn(readFileSync(file, 'utf8'));
      return sign ? [`${relative(ROOT, file)}: ${sign.trim()}`] : [];
    });
    expect(sources.map((file) => relative(ROOT, file))).toContain('apps/worker/src/lightspeed-sync/sync-relay.ts');
    expect(offenders).toEqual([]);
  });
});

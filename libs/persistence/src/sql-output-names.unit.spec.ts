import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from '@jest/globals';

// Jest runs from the repository root.
const ROOT = process.cwd();
const SOURCE_FOLDERS = ['apps', 'libs', 'test', 'bench', 'scripts', 'migrations'];

function sourceFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' || entry.name === 'dist' ? [] : sourceFiles(path);
    return /\.(ts|mjs)$/.test(entry.name) && !entry.name.endsWith('.spec.ts') ? [path] : [];
  });
}

/** `x::text AS x`: an expression given the name of the column it came from. */
const SHADOWING_CAST = /\b(\w+)::[\w[\]]+\s+AS\s+\1\b/gi;

describe('SQL output names', () => {
  it('never give an expression the name of a column it is computed from (ORDER BY would sort by the expression)', () => {
    // ORDER BY resolves a bare name to an output column before an input column, so
    // `SELECT transaction_id::text AS transaction_id … ORDER BY transaction_id` sorts xid8 as text.
    const offenders = SOURCE_FOLDERS.flatMap((folder) => sourceFiles(join(ROOT, folder))).flatMap((file) =>
      [...readFileSync(file, 'utf8').matchAll(SHADOWING_CAST)].map((match) => `${relative(ROOT, file)}: ${match[0]}`),
    );
    expect(offenders).toEqual([]);
  });
});

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { TRANSFER_TYPES, type TransferType } from './transfer-type.js';
import { TRANSITION_TABLE } from './transition-policy.js';

// Jest runs from the repository root. Regenerate with: node scripts/generate-state-machine-doc.mjs
const DOC_PATH = join(process.cwd(), 'docs/state-machine.md');
const doc = readFileSync(DOC_PATH, 'utf8');

/** The text of the `## … (`TYPE`)` section of each type, up to the next `## ` heading. */
function sections(): Map<string, string[]> {
  const found = new Map<string, string[]>();
  let current: string[] | null = null;
  for (const line of doc.split('\n')) {
    if (line.startsWith('## ')) {
      const type = /`([A-Z_]+)`/.exec(line)?.[1];
      current = type ? [] : null;
      if (type) {
        if (found.has(type)) throw new Error(`docs/state-machine.md has two sections for ${type}`);
        found.set(type, current!);
      }
    } else current?.push(line);
  }
  return found;
}

const key = (from: string, via: string, to: string, guards = '') => `${from} --${via}--> ${to} [${guards}]`;

function mermaidEdges(lines: string[]): string[] {
  const start = lines.indexOf('```mermaid');
  const end = lines.indexOf('```', start + 1);
  if (start < 0 || end < 0) throw new Error('no ```mermaid block');
  const body = lines.slice(start + 1, end).map((line) => line.trim()).filter(Boolean);
  expect(body[0]).toBe('stateDiagram-v2');
  expect(body).toContain('[*] --> OPEN');
  return body
    .slice(1)
    .filter((line) => !line.includes('[*]'))
    .map((line) => {
      const edge = /^(\w+) --> (\w+) : (\w+)$/.exec(line);
      if (!edge) throw new Error(`unreadable mermaid line: ${line}`);
      const [, from, to, via] = edge;
      return key(from!, via!, to!);
    });
}

function tableRows(lines: string[]): string[] {
  const header = lines.findIndex((line) => /^\|\s*from\s*\|\s*command\s*\|\s*to\s*\|\s*guards\s*\|\s*$/.test(line));
  if (header < 0) throw new Error('no | from | command | to | guards | table');
  const rows: string[] = [];
  for (const line of lines.slice(header + 2)) {
    if (!line.startsWith('|')) break;
    const cells = line.split('|').slice(1, -1).map((cell) => cell.trim());
    if (cells.length !== 4) throw new Error(`table row without four cells: ${line}`);
    const [from, via, to, guards] = cells;
    const guardList = guards!.split(',').map((guard) => guard.trim()).filter(Boolean);
    rows.push(key(from!, via!, to!, guardList.join(',')));
  }
  return rows;
}

const fromTable = (type: TransferType, withGuards: boolean) =>
  TRANSITION_TABLE[type].map((row) => key(row.from, row.via, row.to, withGuards ? (row.guards ?? []).join(',') : '')).sort();

describe('docs/state-machine.md', () => {
  it('has one section for each transfer type and none for anything else', () => {
    expect([...sections().keys()].sort()).toEqual([...TRANSFER_TYPES].sort());
  });

  describe.each(TRANSFER_TYPES)('for a %s', (type) => {
    it('draws exactly the transitions of the table', () => {
      expect(mermaidEdges(sections().get(type) ?? []).sort()).toEqual(fromTable(type, false));
    });

    it('lists exactly the rows of the table, with their guards', () => {
      expect(tableRows(sections().get(type) ?? []).sort()).toEqual(fromTable(type, true));
    });
  });
});

import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export const MATRIX_COLUMNS = [
  'no token',
  'staff, sending outlet',
  'staff, receiving outlet',
  'staff, other outlet',
  'staff+auditor, other outlet',
  'staff+manager, other outlet',
  'manager',
  'auditor',
  'admin',
] as const;
export type MatrixColumn = (typeof MATRIX_COLUMNS)[number];

export const OUTCOMES = ['allowed', 'filtered', '401', '403', '404', 'signed', 'n.a.'] as const;
export type Outcome = (typeof OUTCOMES)[number];

export interface MatrixRow {
  /** `METHOD /path`, as Fastify names the route. */
  route: string;
  cells: Record<MatrixColumn, Outcome>;
}

/** The route matrix documented in docs/security.md, between its route-matrix markers. */
export function readRouteMatrix(): MatrixRow[] {
  const doc = readFileSync(join(process.cwd(), 'docs/security.md'), 'utf8');
  const start = doc.indexOf('<!-- route-matrix:start -->');
  const end = doc.indexOf('<!-- route-matrix:end -->');
  if (start < 0 || end < start) throw new Error('docs/security.md has no route-matrix section');
  const lines = doc.slice(start, end).split('\n').filter((line) => line.startsWith('|'));
  const [header, , ...rows] = lines.map((line) => line.split('|').slice(1, -1).map((cell) => cell.trim()));
  if (JSON.stringify(header) !== JSON.stringify(['route', ...MATRIX_COLUMNS])) {
    throw new Error(`The route matrix's columns must be: route | ${MATRIX_COLUMNS.join(' | ')}`);
  }
  return rows.map(([route = '', ...cells]) => {
    for (const cell of cells) {
      if (!(OUTCOMES as readonly string[]).includes(cell)) throw new Error(`${route}: unknown outcome "${cell}"`);
    }
    if (cells.length !== MATRIX_COLUMNS.length) throw new Error(`${route}: expected ${MATRIX_COLUMNS.length} cells`);
    return {
      route: route.replace(/^`|`$/g, ''),
      cells: Object.fromEntries(MATRIX_COLUMNS.map((column, index) => [column, cells[index]])) as MatrixRow['cells'],
    };
  });
}

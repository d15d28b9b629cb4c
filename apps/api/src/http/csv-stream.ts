import { Readable, pipeline } from 'node:stream';
import { stringify } from 'csv-stringify';
import type { FastifyReply } from 'fastify';

/** A CSV column: its header and how a row gives its cell. */
export interface CsvColumn<Row> {
  header: string;
  cell: (row: Row) => string | number | boolean | null | undefined;
}

export const CSV_CONTENT_TYPE = 'text/csv; charset=utf-8';

/** A spreadsheet would read such a cell as a formula (CSV injection); a leading quote keeps it text. */
const FORMULA_START = /^[=+\-@\t\r]/;
/** A plain decimal such as a negative amount (-12.50) is no formula and stays as it is. */
const DECIMAL = /^-?\d+(\.\d+)?$/;

export function guardFormula(text: string): string {
  return FORMULA_START.test(text) && !DECIMAL.test(text) ? `'${text}` : text;
}

/** `<name>-<UTC timestamp>.csv`, e.g. `audit-20261206T153339Z.csv`. */
export function csvFileName(name: string, at = new Date()): string {
  return `${name}-${at.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '')}.csv`;
}

/**
 * Answers 200 with a CSV attachment: a header row, then one row per item as the items come, with
 * back pressure (the next item is only asked for once the socket has taken what came before). The
 * first item is awaited before anything is sent, so a request that fails at once still gets its
 * problem+json; a failure after that aborts the connection, so a cut file never looks whole.
 */
export async function sendCsv<Row>(reply: FastifyReply, name: string, columns: readonly CsvColumn<Row>[], rows: AsyncGenerator<Row>): Promise<void> {
  const first = await rows.next();
  async function* cells(): AsyncGenerator<unknown[]> {
    if (!first.done) yield columns.map((column) => column.cell(first.value));
    for await (const row of rows) yield columns.map((column) => column.cell(row));
  }
  const csv = stringify({
    header: true,
    columns: columns.map((column) => column.header),
    cast: { string: guardFormula },
  });
  // The pipeline ends the generator (and so any query) when the reply's stream is destroyed.
  pipeline(Readable.from(cells()), csv, () => undefined);
  await reply
    .type(CSV_CONTENT_TYPE)
    .header('content-disposition', `attachment; filename="${csvFileName(name)}"`)
    .header('cache-control', 'no-store')
    .send(csv);
}

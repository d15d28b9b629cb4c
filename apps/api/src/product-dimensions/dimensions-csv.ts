import { parse } from 'csv-parse/sync';
import { ProblemException } from '../http/problem.exception.js';

/** The columns of a dimensions import, in order, as its header must name them. */
export const DIMENSIONS_CSV_COLUMNS = ['sku', 'length_mm', 'width_mm', 'height_mm', 'weight_g'] as const;

/** The most data rows one import applies (each is its own command): a larger file is a 413, to be split. */
export const DIMENSIONS_CSV_MAX_ROWS = 5_000;

/** One data row of an import: its row in the file (the header is row 1), its code and its values as numbers. */
export interface DimensionsCsvRow {
  row: number;
  sku: string;
  lengthMm: number;
  widthMm: number;
  heightMm: number;
  weightG: number;
  /** Set when the row has not the five columns: it is refused without being looked at further. */
  shapeError?: string;
}

/** A whole number as written in a cell; anything else is NaN, which the domain refuses naming the bounds. */
const wholeNumber = (cell: string | undefined): number => (cell !== undefined && /^[+-]?\d{1,15}$/.test(cell) ? Number(cell) : Number.NaN);

/**
 * The rows of a dimensions CSV (RFC 4180, UTF-8, an optional BOM; blank lines skipped), or a 400:
 * unparseable text (CSV_MALFORMED) or a header other than the expected columns (CSV_HEADER_INVALID);
 * or a 413 for more than DIMENSIONS_CSV_MAX_ROWS rows.
 */
export function readDimensionsCsv(text: string): DimensionsCsvRow[] {
  let records: string[][];
  try {
    records = parse(text, { bom: true, trim: true, skip_empty_lines: true, relax_column_count: true }) as string[][];
  } catch (error) {
    throw new ProblemException(400, 'CSV_MALFORMED', `The body is not readable as CSV: ${(error as Error).message}`);
  }
  const [header, ...rows] = records;
  const named = (header ?? []).map((cell) => cell.toLowerCase());
  if (JSON.stringify(named) !== JSON.stringify(DIMENSIONS_CSV_COLUMNS)) {
    throw new ProblemException(400, 'CSV_HEADER_INVALID', `The first row must be the header ${DIMENSIONS_CSV_COLUMNS.join(',')}`, {
      expectedColumns: DIMENSIONS_CSV_COLUMNS,
      receivedColumns: header ?? [],
    });
  }
  if (rows.length > DIMENSIONS_CSV_MAX_ROWS) {
    throw new ProblemException(413, 'PAYLOAD_TOO_LARGE', `An import takes at most ${DIMENSIONS_CSV_MAX_ROWS} rows; this one has ${rows.length}: split it`, {
      maxRows: DIMENSIONS_CSV_MAX_ROWS,
    });
  }
  return rows.map((cells, index) => {
    const [sku = '', length, width, height, weight] = cells;
    return {
      row: index + 2,
      sku,
      lengthMm: wholeNumber(length),
      widthMm: wholeNumber(width),
      heightMm: wholeNumber(height),
      weightG: wholeNumber(weight),
      ...(cells.length === DIMENSIONS_CSV_COLUMNS.length ? {} : { shapeError: `A row must have ${DIMENSIONS_CSV_COLUMNS.length} columns (${DIMENSIONS_CSV_COLUMNS.join(',')}); it has ${cells.length}` }),
    };
  });
}

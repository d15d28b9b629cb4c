import { describe, expect, it } from '@jest/globals';
import { ProblemException } from '../http/problem.exception.js';
import { DIMENSIONS_CSV_MAX_ROWS, readDimensionsCsv } from './dimensions-csv.js';

const HEADER = 'sku,length_mm,width_mm,height_mm,weight_g';

function refusal(text: string): { status: number; code: string; extensions: Record<string, unknown> } {
  try {
    readDimensionsCsv(text);
  } catch (error) {
    if (error instanceof ProblemException) return { status: error.status, code: error.code, extensions: error.extensions };
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('reading a dimensions CSV', () => {
  it('reads each data row with its row in the file, its code and its numbers, through a BOM, quotes, CRLF and blank lines', () => {
    const text = `\uFEFF${HEADER}\r\n"KETTLE, 1.7 l",250,200,300,1600\r\n\r\n MUG-3 , 90 ,90,100,350\r\n`;
    expect(readDimensionsCsv(text)).toEqual([
      { row: 2, sku: 'KETTLE, 1.7 l', lengthMm: 250, widthMm: 200, heightMm: 300, weightG: 1_600 },
      { row: 3, sku: 'MUG-3', lengthMm: 90, widthMm: 90, heightMm: 100, weightG: 350 },
    ]);
  });

  it('takes the header in any letter case', () => {
    expect(readDimensionsCsv(`${HEADER.toUpperCase()}\nA,1,1,1,1`)).toHaveLength(1);
  });

  it('leaves a value that is no whole number as NaN, for the domain to refuse naming the bounds', () => {
    const [row] = readDimensionsCsv(`${HEADER}\nA,2.5,abc,,1e3`);
    expect([row?.lengthMm, row?.widthMm, row?.heightMm, row?.weightG]).toEqual([Number.NaN, Number.NaN, Number.NaN, Number.NaN]);
  });

  it('marks a row without five columns, without stopping the others', () => {
    const rows = readDimensionsCsv(`${HEADER}\nA,1,1,1\nB,1,1,1,1,1\nC,1,1,1,1`);
    expect(rows.map((row) => [row.sku, row.shapeError ?? null])).toEqual([
      ['A', 'A row must have 5 columns (sku,length_mm,width_mm,height_mm,weight_g); it has 4'],
      ['B', 'A row must have 5 columns (sku,length_mm,width_mm,height_mm,weight_g); it has 6'],
      ['C', null],
    ]);
  });

  it('refuses a missing or different header with 400 naming the expected columns', () => {
    expect(refusal('')).toMatchObject({ status: 400, code: 'CSV_HEADER_INVALID', extensions: { expectedColumns: HEADER.split(','), receivedColumns: [] } });
    expect(refusal('sku,weight_g\nA,1')).toMatchObject({ status: 400, code: 'CSV_HEADER_INVALID', extensions: { receivedColumns: ['sku', 'weight_g'] } });
  });

  it('refuses text that is no CSV (an unclosed quote) with 400 CSV_MALFORMED', () => {
    expect(refusal(`${HEADER}\n"A,1,1,1,1`)).toMatchObject({ status: 400, code: 'CSV_MALFORMED' });
  });

  it('refuses more rows than one import takes with 413, naming the limit', () => {
    const text = `${HEADER}\n${'A,1,1,1,1\n'.repeat(DIMENSIONS_CSV_MAX_ROWS + 1)}`;
    expect(refusal(text)).toMatchObject({ status: 413, code: 'PAYLOAD_TOO_LARGE', extensions: { maxRows: DIMENSIONS_CSV_MAX_ROWS } });
    expect(readDimensionsCsv(`${HEADER}\n${'A,1,1,1,1\n'.repeat(DIMENSIONS_CSV_MAX_ROWS)}`)).toHaveLength(DIMENSIONS_CSV_MAX_ROWS);
  });
});

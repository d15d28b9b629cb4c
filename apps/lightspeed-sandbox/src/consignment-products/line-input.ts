import { badRequest } from '../http/api-error.js';
import { requiredString, type Fields } from '../http/request-body.js';
import type { LineField } from '../rules/line-edit-rules.js';
import { parseDecimal } from '../shared/decimal.js';

/** The quantities a line write carries, in decimal units; absent fields are not written. */
export type LineValues = Partial<Record<LineField, number>>;

export interface LineWrite {
  productId: string;
  values: LineValues;
}

export function readLineValues(fields: Fields): LineValues {
  const values: LineValues = {};
  for (const field of ['count', 'received', 'cost'] as const) {
    if (fields[field] !== undefined && fields[field] !== null) values[field] = parseDecimal(fields[field], field);
  }
  return values;
}

export function writtenFields(values: LineValues): LineField[] {
  return (Object.keys(values) as LineField[]).filter((field) => values[field] !== undefined);
}

/** A POST or bulk item: `product_id` plus at least one of `count`/`received`. */
export function readLineWrite(fields: Fields, where = 'Each product'): LineWrite {
  const productId = requiredString(fields, 'product_id');
  const values = readLineValues(fields);
  if (values.count === undefined && values.received === undefined) {
    throw badRequest(`${where} needs count or received`);
  }
  return { productId, values };
}

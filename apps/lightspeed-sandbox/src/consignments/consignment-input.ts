import { badRequest } from '../http/api-error.js';
import { optionalBoolean, optionalString, type Fields } from '../http/request-body.js';
import { parseTimestamp } from '../shared/timestamps.js';
import type { ConsignmentRecord, StocktakeFilter } from '../store/records.js';
import type { Store } from '../store/store.js';

/** The fields a client may write on a consignment besides type/status, validated against the store. */
export type ConsignmentEdits = Partial<
  Pick<
    ConsignmentRecord,
    | 'name'
    | 'outlet_id'
    | 'source_outlet_id'
    | 'supplier_id'
    | 'reference'
    | 'supplier_invoice'
    | 'consignment_date'
    | 'due_at'
    | 'show_inactive'
    | 'filters'
  >
>;

/** Outlet, supplier and (stocktake) filter references: only changeable in the early statuses. */
export const STRUCTURAL_FIELDS = ['outlet_id', 'source_outlet_id', 'supplier_id', 'filters'] as const;

function outletRef(store: Store, fields: Fields, key: string): string | null | undefined {
  const id = optionalString(fields, key);
  if (typeof id === 'string' && store.outlets.get(id)?.deleted_at !== null) throw badRequest(`${key} ${id} not found`);
  return id;
}

function filtersOf(value: unknown): StocktakeFilter[] | null | undefined {
  if (value === undefined || value === null) return value;
  const valid =
    Array.isArray(value) &&
    value.every(
      (filter: unknown) =>
        typeof filter === 'object' &&
        filter !== null &&
        ((filter as StocktakeFilter).type === 'supplier' || (filter as StocktakeFilter).type === 'product') &&
        typeof (filter as StocktakeFilter).value === 'string',
    );
  if (!valid) throw badRequest('filters must be an array of {"type": "supplier"|"product", "value": id}');
  return (value as StocktakeFilter[]).map((filter) => ({ type: filter.type, value: filter.value }));
}

export function readConsignmentEdits(store: Store, fields: Fields): ConsignmentEdits {
  const edits: ConsignmentEdits = {};
  const name = optionalString(fields, 'name');
  if (name !== undefined) {
    if (name === null || name.trim() === '') throw badRequest('name cannot be empty');
    edits.name = name;
  }
  const outletId = outletRef(store, fields, 'outlet_id');
  if (outletId === null) throw badRequest('outlet_id cannot be empty');
  if (outletId !== undefined) edits.outlet_id = outletId;
  const sourceOutletId = outletRef(store, fields, 'source_outlet_id');
  if (sourceOutletId !== undefined) edits.source_outlet_id = sourceOutletId;
  const supplierId = optionalString(fields, 'supplier_id');
  if (typeof supplierId === 'string' && store.suppliers.get(supplierId)?.deleted_at !== null) {
    throw badRequest(`supplier_id ${supplierId} not found`);
  }
  if (supplierId !== undefined) edits.supplier_id = supplierId;
  for (const key of ['reference', 'supplier_invoice'] as const) {
    const value = optionalString(fields, key);
    if (value !== undefined) edits[key] = value;
  }
  if (fields['due_at'] !== undefined) edits.due_at = parseTimestamp(fields['due_at'], 'due_at');
  if (fields['consignment_date'] !== undefined) {
    const date = parseTimestamp(fields['consignment_date'], 'consignment_date');
    if (date === null) throw badRequest('consignment_date cannot be empty');
    edits.consignment_date = date;
  }
  const showInactive = optionalBoolean(fields, 'show_inactive');
  if (showInactive !== undefined) edits.show_inactive = showInactive;
  const filters = filtersOf(fields['filters']);
  if (filters !== undefined) edits.filters = filters;
  return edits;
}

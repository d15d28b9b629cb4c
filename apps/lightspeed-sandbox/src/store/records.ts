/** The in-memory rows, in the API's snake_case; quantities and money in 1/100000 units (see shared/decimal.ts). */
export const CONSIGNMENT_TYPES = ['SUPPLIER', 'OUTLET', 'RETURN', 'STOCKTAKE'] as const;
export type ConsignmentType = (typeof CONSIGNMENT_TYPES)[number];

export interface Versioned {
  version: number;
  deleted_at: string | null;
}

export interface OutletRecord extends Versioned {
  id: string;
  name: string;
  time_zone: string;
  currency: string;
  currency_symbol: string;
  physical_city: string;
  created_at: string;
  updated_at: string;
}

export interface SupplierRecord extends Versioned {
  id: string;
  name: string;
  description: string;
  default_markup: number;
  contact: { first_name: string; last_name: string; email: string };
  created_at: string;
  updated_at: string;
}

/** A barcode scanned alongside the SKU (X-Series `product_codes`, 2021-04). */
export interface ProductCodeRecord {
  id: string;
  type: string;
  code: string;
}

export interface ProductRecord extends Versioned {
  id: string;
  name: string;
  variant_name: string;
  sku: string;
  product_codes: ProductCodeRecord[];
  handle: string;
  supply_price: number;
  supplier_id: string | null;
  supplier_code: string | null;
  active: boolean;
  has_inventory: boolean;
  is_composite: boolean;
  variant_parent_id: string | null;
  created_at: string;
  updated_at: string;
}

export interface StocktakeFilter {
  type: 'supplier' | 'product';
  value: string;
}

export interface ConsignmentRecord extends Versioned {
  id: string;
  type: ConsignmentType;
  status: string;
  outlet_id: string;
  source_outlet_id: string | null;
  supplier_id: string | null;
  name: string;
  reference: string | null;
  supplier_invoice: string | null;
  consignment_date: string;
  due_at: string | null;
  received_at: string | null;
  show_inactive: boolean;
  filters: StocktakeFilter[] | null;
  created_at: string;
  updated_at: string;
}

export interface LineRecord extends Versioned {
  consignment_id: string;
  product_id: string;
  product_sku: string;
  count: number;
  received: number;
  cost: number;
  is_included: boolean;
  status: string;
  created_at: string;
  updated_at: string;
}

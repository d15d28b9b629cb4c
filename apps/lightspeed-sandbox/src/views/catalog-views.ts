import { formatDecimal } from '../shared/decimal.js';
import type { OutletRecord, ProductRecord, SupplierRecord } from '../store/records.js';

export function productView(product: ProductRecord) {
  return { ...product, product_codes: product.product_codes.map((code) => ({ ...code })), supply_price: formatDecimal(product.supply_price) };
}

export function outletView(outlet: OutletRecord) {
  return { ...outlet };
}

export function supplierView(supplier: SupplierRecord) {
  return { ...supplier, contact: { ...supplier.contact }, default_markup: formatDecimal(supplier.default_markup) };
}

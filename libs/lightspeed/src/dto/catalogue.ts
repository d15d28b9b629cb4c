import type { Money, ProductCode } from '#domain';

export interface RemoteProduct {
  id: string;
  name: string;
  variantName: string | null;
  sku: string | null;
  /** `product_codes`: the barcodes scanned alongside the SKU, EAN/UPC kept only with a valid check digit. */
  codes: ProductCode[];
  supplyPrice: Money | null;
  supplierId: string | null;
  active: boolean;
  /** A bundle of other products: Lightspeed refuses it on every consignment. */
  isComposite: boolean;
  version: number;
  deletedAt: string | null;
}

export interface RemoteOutlet {
  id: string;
  name: string;
  timeZone: string | null;
  currency: string | null;
  version: number;
  deletedAt: string | null;
}

export interface RemoteSupplier {
  id: string;
  name: string;
  description: string | null;
  version: number;
  deletedAt: string | null;
}

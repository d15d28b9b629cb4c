import type { Address } from './address.js';
import type { Parcel } from './parcel.js';

/** A line of the order, for customs and the packing slip. */
export interface OrderItem {
  description: string;
  sku?: string;
  quantity: number;
  /** Unit weight. */
  weightGrams?: number;
  /** Unit value. */
  valueCents?: number;
}

/** What a carrier order is created from. `orderNumber` is the idempotency key: see `bookingOrderNumber`. */
export interface NewCarrierOrder {
  /** 1–50 characters, unique per Starshipit account. */
  orderNumber: string;
  /** ≤ 50 characters, shown on the label. */
  reference?: string;
  /** Starshipit's carrier code, e.g. `AusPost`. */
  carrier?: string;
  /** The service code of the chosen quote, e.g. `7B05`. */
  serviceCode?: string;
  /** Omitted: the account's pickup address. */
  sender?: Address;
  destination: Address;
  parcels: Parcel[];
  items?: OrderItem[];
  currency?: string;
  signatureRequired?: boolean;
  /** When the order was made; default now. */
  orderDate?: Date;
}

/** Starshipit's order status: Unshipped, Saved, Printed (labelled), Delivered; UNKNOWN keeps anything else. */
export type CarrierOrderStatus = 'UNSHIPPED' | 'SAVED' | 'PRINTED' | 'SHIPPED' | 'DELIVERED' | 'UNKNOWN';

/** A carrier order as Starshipit holds it. */
export interface CarrierOrder {
  orderId: number;
  orderNumber: string;
  status: CarrierOrderStatus;
  /** Starshipit's own words for the status. */
  rawStatus: string;
  archived: boolean;
  carrier?: string;
  carrierName?: string;
  serviceCode?: string;
  /** One per labelled package; empty before printing. */
  trackingNumbers: string[];
  /** Known only some time after labelling. */
  shippingPriceCents?: number;
}

/** Labels have been printed for it (so printing again must be a reprint). */
export function isLabelled(order: CarrierOrder): boolean {
  return order.status === 'PRINTED' || order.status === 'SHIPPED' || order.status === 'DELIVERED' || order.trackingNumbers.length > 0;
}

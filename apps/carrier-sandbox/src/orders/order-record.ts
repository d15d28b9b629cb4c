import type { PackageSize } from '../shared/units.js';
import type { TrackingStatus } from '../tracking/tracking-status.js';

export interface ItemRecord {
  item_id: number;
  description?: string;
  sku?: string;
  tariff_code?: string;
  country_of_origin?: string;
  quantity: number;
  weight?: number;
  value?: number;
}

export interface PackageRecord extends PackageSize {
  package_id: number;
  name?: string;
  packaging_type?: string;
  tracking_number?: string;
  tracking_url?: string;
  label_created_date?: string;
}

export interface TrackingEvent {
  event_datetime: string;
  status: string;
  details: string;
}

/** What printing the labels fixed: a reprint answers exactly this again. */
export interface Shipment {
  carrier: string;
  carrier_name: string;
  carrier_service: string;
  shipment_date: string;
  labels: string[];
  tracking_status: TrackingStatus;
  last_updated_date: string;
  tracking_events: TrackingEvent[];
}

export type OrderStatus = 'Unshipped' | 'Printed' | 'Delivered';

export interface OrderRecord {
  /** The API key of the account that owns it. */
  account: string;
  order_id: number;
  order_number: string;
  order_date: string;
  reference?: string;
  carrier?: string;
  carrier_service_code?: string;
  shipping_method?: string;
  shipping_description?: string;
  signature_required: boolean;
  return_order: boolean;
  currency?: string;
  sender_details?: Record<string, string>;
  destination?: Record<string, string>;
  items: ItemRecord[];
  packages: PackageRecord[];
  status: OrderStatus;
  archived: boolean;
  shipment?: Shipment;
}

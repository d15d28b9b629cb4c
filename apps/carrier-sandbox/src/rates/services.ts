/** The carrier services this account has enabled, with the tariff the sandbox prices them by. */
export interface CarrierService {
  carrier: string;
  carrier_name: string;
  service_name: string;
  service_code: string;
  /** Dollars per consignment and per chargeable kg; heavier consignments are not offered. */
  base: number;
  perKg: number;
  maxKg: number;
  /** Tracking numbers start with it. */
  trackingPrefix: string;
  international: boolean;
}

export const SERVICES: readonly CarrierService[] = [
  { carrier: 'AusPost', carrier_name: 'Australia Post', service_name: 'PARCEL POST + SIGNATURE', service_code: '7B05', base: 8.95, perKg: 1.2, maxKg: 22, trackingPrefix: 'AP', international: true },
  { carrier: 'AusPost', carrier_name: 'Australia Post', service_name: 'EXPRESS POST + SIGNATURE', service_code: '7E55', base: 12.5, perKg: 2.1, maxKg: 22, trackingPrefix: 'AP', international: true },
  { carrier: 'CouriersPlease', carrier_name: 'Couriers Please', service_name: 'ATL ROAD', service_code: 'CPATL', base: 9.5, perKg: 0.85, maxKg: 25, trackingPrefix: 'CP', international: false },
];

export function serviceByCode(code: string): CarrierService | undefined {
  return SERVICES.find((service) => service.service_code === code);
}

import type { StarshipitClient } from '../client/starshipit-client.js';
import type { PrintedLabels } from '../dto/labels.js';
import { isLabelled, type CarrierOrder, type NewCarrierOrder } from '../dto/order.js';
import { CarrierError, CarrierRejected, CarrierUnavailable, isDuplicateOrderRejection } from '../errors.js';
import { resolveBookingOptions, type BookingOptions, type ResolvedBookingOptions } from './booking-options.js';

export interface BookingRequest {
  /** Deterministic per booking: `bookingOrderNumber(transferId, boxSetVersion)`. */
  orderNumber: string;
  order: Omit<NewCarrierOrder, 'orderNumber'>;
}

/** A booked shipment: the carrier order and its labels. */
export interface Booking {
  orderId: number;
  orderNumber: string;
  carrierName: string;
  trackingNumbers: string[];
  /** PDF documents. */
  labels: Buffer[];
  /** When Starshipit has priced the order already. */
  priceCents?: number;
}

/**
 * Books a shipment at most once however often it is called: the order number is the idempotency key.
 *
 * 1. Look the order up by number; create it only when the lookup proved it absent.
 * 2. When the create's outcome is unknown (5xx, timeout) or it is refused as a duplicate, look it up again
 *    (a few times, with backoff) and carry on with what is there; never post a second time. If it still cannot
 *    be seen, the CarrierUnavailable is thrown: calling bookShipment again later is safe (step 1).
 * 3. Print the labels, or reprint them when the order is labelled already. After a print with an unknown
 *    outcome, read the order: labelled → reprint; still unlabelled → print.
 */
export async function bookShipment(client: StarshipitClient, request: BookingRequest, options: BookingOptions = {}): Promise<Booking> {
  const resolved = resolveBookingOptions(options);
  const order = (await client.findOrder(request.orderNumber)) ?? (await createOnce(client, request, resolved));
  if (order.archived) {
    throw new CarrierRejected(409, [{ message: 'Order archived', details: `Order ${order.orderNumber} was cancelled; book under a new order number` }], 'bookShipment');
  }
  const labels = await labelsOf(client, order, resolved);
  const priceCents = order.shippingPriceCents ?? (await priceAfterLabels(client, order.orderId));
  return {
    orderId: order.orderId,
    orderNumber: order.orderNumber,
    carrierName: labels.carrierName || (order.carrierName ?? ''),
    trackingNumbers: labels.trackingNumbers,
    labels: labels.labels,
    ...(priceCents === undefined ? {} : { priceCents }),
  };
}

async function createOnce(client: StarshipitClient, request: BookingRequest, options: ResolvedBookingOptions): Promise<CarrierOrder> {
  try {
    return await client.createOrder({ ...request.order, orderNumber: request.orderNumber });
  } catch (error) {
    const unknownOutcome = error instanceof CarrierUnavailable && error.outcomeUnknown;
    if (!unknownOutcome && !isDuplicateOrderRejection(error)) throw error;
    const found = await lookUp(options, () => client.findOrder(request.orderNumber));
    if (found !== null) return found;
    throw error;
  }
}

async function labelsOf(client: StarshipitClient, order: CarrierOrder, options: ResolvedBookingOptions): Promise<PrintedLabels> {
  if (isLabelled(order)) return client.printLabels(order.orderId, { reprint: true });
  try {
    return await client.printLabels(order.orderId, { reprint: false });
  } catch (error) {
    const unknownOutcome = error instanceof CarrierUnavailable && error.outcomeUnknown;
    if (!unknownOutcome && !isAlreadyPrinted(error)) throw error;
    const labelled = await lookUp(options, async () => {
      const current = await client.getOrder(order.orderId);
      return current !== null && isLabelled(current) ? current : null;
    });
    if (labelled !== null) return client.printLabels(order.orderId, { reprint: true });
    // Every lookup showed the order unlabelled: the print was not applied, so printing is the first print.
    try {
      return await client.printLabels(order.orderId, { reprint: false });
    } catch (again) {
      if (isAlreadyPrinted(again)) return client.printLabels(order.orderId, { reprint: true });
      throw again;
    }
  }
}

/** Looks until `find` answers something; a lookup that fails as unavailable counts as "not seen yet". */
async function lookUp<T>(options: ResolvedBookingOptions, find: () => Promise<T | null>): Promise<T | null> {
  for (let attempt = 1; attempt <= options.lookupAttempts; attempt++) {
    if (attempt > 1) await options.sleep(options.delayMs(attempt - 1));
    try {
      const found = await find();
      if (found !== null) return found;
    } catch (error) {
      if (!(error instanceof CarrierUnavailable)) throw error;
    }
  }
  return null;
}

/** Printing an order that has labels: a 409, or a message saying so at any status. */
export function isAlreadyPrinted(error: unknown): boolean {
  if (!(error instanceof CarrierRejected)) return false;
  return error.errors.some((entry) => /already\s+(been\s+)?(printed|labelled|shipped)/i.test(`${entry.message} ${entry.details}`));
}

async function priceAfterLabels(client: StarshipitClient, orderId: number): Promise<number | undefined> {
  try {
    return (await client.getOrder(orderId))?.shippingPriceCents;
  } catch (error) {
    if (error instanceof CarrierError) return undefined;
    throw error;
  }
}

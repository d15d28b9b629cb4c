import type { Address } from '../dto/address.js';
import type { PrintedLabels, PrintOptions } from '../dto/labels.js';
import type { CarrierOrder, NewCarrierOrder } from '../dto/order.js';
import type { Parcel } from '../dto/parcel.js';
import type { CarrierQuote } from '../dto/quote.js';
import type { TrackingInfo, TrackingQuery } from '../dto/tracking.js';
import { CarrierRejected } from '../errors.js';
import { foundOrderFromStarshipit, newOrderToStarshipit, orderFromStarshipit } from '../mapping/order.mapping.js';
import { quotesFromStarshipit, rateRequestToStarshipit } from '../mapping/rates.mapping.js';
import { labelsFromStarshipit, printRequestToStarshipit } from '../mapping/shipment.mapping.js';
import { trackingFromStarshipit, trackQueryToStarshipit } from '../mapping/tracking.mapping.js';
import { RequestPipeline, type StarshipitClientConfig } from '../http/request-pipeline.js';

export interface QuoteOptions {
  /** ISO 4217; default the account's. */
  currency?: string;
}

/**
 * Typed access to one Starshipit account. Speaks only this library's types (grams, millimetres, cents);
 * Starshipit's JSON stays in `mapping/`. Every failure is a CarrierError.
 */
export class StarshipitClient {
  private readonly http: RequestPipeline;

  constructor(readonly config: StarshipitClientConfig) {
    this.http = new RequestPipeline(config);
  }

  /** Prices for sending `parcels` from `from` to `to`, cheapest first. A read: retried. */
  async quote(from: Address, to: Address, parcels: Parcel[], options: QuoteOptions = {}): Promise<CarrierQuote[]> {
    const body = await this.http.send({ method: 'POST', path: '/api/rates', body: rateRequestToStarshipit(from, to, parcels, options.currency), idempotent: true });
    return quotesFromStarshipit(body);
  }

  /** The order with this number, or null when Starshipit has none (its 404, or a "not found" success:false). */
  async findOrder(orderNumber: string): Promise<CarrierOrder | null> {
    return this.orderOrNull({ order_number: orderNumber }, { orderNumber });
  }

  async getOrder(orderId: number): Promise<CarrierOrder | null> {
    return this.orderOrNull({ order_id: orderId }, { orderId });
  }

  /**
   * Creates an unshipped order. Not retried after a 5xx or a timeout (it may have been created): use
   * `bookShipment`, which looks the order up by number instead of posting twice.
   */
  async createOrder(order: NewCarrierOrder): Promise<CarrierOrder> {
    const body = await this.http.send({ method: 'POST', path: '/api/orders', body: newOrderToStarshipit(order), idempotent: false });
    return orderFromStarshipit(body);
  }

  /** Labels for the order: new ones, or with `reprint` the ones already printed. A new print is not retried. */
  async printLabels(orderId: number, options: PrintOptions): Promise<PrintedLabels> {
    const body = await this.http.send({
      method: 'POST',
      path: '/api/orders/shipment',
      body: printRequestToStarshipit(orderId, options.reprint),
      idempotent: options.reprint,
    });
    return labelsFromStarshipit(body);
  }

  /** Deletes an unshipped order (it frees the order number). A retry that finds it gone counts as done. */
  async deleteOrder(orderId: number): Promise<void> {
    try {
      await this.http.send({ method: 'DELETE', path: '/api/orders/delete', query: { order_id: orderId }, idempotent: true });
    } catch (error) {
      if (isNotFound(error)) return;
      throw error;
    }
  }

  /** Archives a labelled order (the only way to withdraw it; the carrier itself is not told). */
  async archiveOrder(orderId: number): Promise<void> {
    try {
      await this.http.send({ method: 'POST', path: '/api/orders/archive', query: { order_id: orderId }, idempotent: true });
    } catch (error) {
      // A retry after a lost answer may be refused because the first attempt archived it.
      if (error instanceof CarrierRejected && (await this.getOrder(orderId))?.archived === true) return;
      throw error;
    }
  }

  /** Where the shipment is. A read: retried. */
  async track(query: TrackingQuery): Promise<TrackingInfo> {
    const body = await this.http.send({ method: 'GET', path: '/api/track', query: trackQueryToStarshipit(query), idempotent: true });
    return trackingFromStarshipit(body, query);
  }

  private async orderOrNull(query: Record<string, string | number>, wanted: { orderNumber?: string; orderId?: number }): Promise<CarrierOrder | null> {
    try {
      return foundOrderFromStarshipit(await this.http.send({ method: 'GET', path: '/api/orders', query, idempotent: true }), wanted);
    } catch (error) {
      if (isNotFound(error)) return null;
      throw error;
    }
  }
}

/** A 404, or a success:false saying "not found" (the real service may answer business errors with 200). */
export function isNotFound(error: unknown): error is CarrierRejected {
  return error instanceof CarrierRejected && (error.status === 404 || /not found/i.test(error.reason));
}

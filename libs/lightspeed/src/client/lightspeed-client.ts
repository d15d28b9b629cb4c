import type { RemoteOutlet, RemoteProduct, RemoteSupplier } from '../dto/catalogue.js';
import type {
  BulkLineResult,
  ConsignmentLineValues,
  ConsignmentStatus,
  ConsignmentType,
  ConsignmentUpdate,
  NewConsignment,
  NewConsignmentLine,
  RemoteConsignment,
  RemoteConsignmentLine,
} from '../dto/consignment.js';
import type { Page, PageRequest } from '../dto/page.js';
import { LightspeedError } from '../errors.js';
import { outletFromLightspeed, productFromLightspeed, supplierFromLightspeed } from '../mapping/catalogue.mapping.js';
import {
  bulkResultFromLightspeed,
  consignmentLineFromLightspeed,
  consignmentLineValuesToLightspeed,
  newConsignmentLineToLightspeed,
} from '../mapping/consignment-line.mapping.js';
import {
  consignmentFromLightspeed,
  consignmentUpdateToLightspeed,
  newConsignmentToLightspeed,
} from '../mapping/consignment.mapping.js';
import { pageFromLightspeed, unwrapData } from '../mapping/envelope.js';
import { RequestPipeline, type LightspeedHttpOptions, type RequestSpec } from '../http/request-pipeline.js';
import { pagesSince } from './pages-since.js';

export type LightspeedClientOptions = LightspeedHttpOptions;

export interface ConsignmentQuery extends PageRequest {
  type?: ConsignmentType;
  status?: ConsignmentStatus;
  outletId?: string;
  /**
   * Include deleted consignments. The list documents no such filter; a known client sends
   * `deleted=1` to see deletions, so this sends that. A store may ignore it: a deletion then shows
   * when the consignment is read by id (404, or `deleted_at` set).
   */
  deleted?: boolean;
}

export interface CatalogueQuery extends PageRequest {
  /** Include soft-deleted records (needed to see deletions in an incremental sync). */
  deleted?: boolean;
}

/** Lightspeed keeps bulk calls at ≤ 500 lines or they time out. */
export const BULK_CHUNK_SIZE = 500;

/** The key a write carries as `Idempotency-Key`: the one the caller recorded for it. */
export interface WriteOptions {
  idempotencyKey?: string;
}

/**
 * Typed access to Lightspeed Retail X-Series consignments (API 2.0) and the catalogue they refer
 * to. Speaks only this library's DTOs; Lightspeed's JSON stays in `mapping/`.
 */
export class LightspeedClient {
  private readonly http: RequestPipeline;

  /** Kept so that a client for another budget lane of the same store can be made from it. */
  constructor(readonly options: LightspeedClientOptions) {
    this.http = new RequestPipeline(options);
  }

  // — consignments —

  async listConsignments(query: ConsignmentQuery = {}): Promise<Page<RemoteConsignment>> {
    const body = await this.get('/consignments', {}, {
      type: query.type,
      status: query.status,
      outlet_id: query.outletId,
      deleted: query.deleted ? '1' : undefined,
      ...pageQuery(query),
    });
    return pageFromLightspeed(body, 'consignments', consignmentFromLightspeed);
  }

  /** Null when Lightspeed has no such consignment (404). */
  async getConsignment(id: string): Promise<RemoteConsignment | null> {
    const body = await this.getOrNull('/consignments/:id', { id });
    return body === null ? null : consignmentFromLightspeed(unwrapData(body, 'consignment'));
  }

  /**
   * Not idempotent: after an ambiguous failure (5xx, timeout) it is not retried; look the
   * consignment up (e.g. by a marker in `name`) before creating it again.
   */
  async createConsignment(consignment: NewConsignment, options: WriteOptions = {}): Promise<RemoteConsignment> {
    const { body } = await this.http.send({
      method: 'POST',
      route: '/consignments',
      body: this.http.envelope(newConsignmentToLightspeed(consignment)),
      ...options,
    });
    return consignmentFromLightspeed(unwrapData(body, 'consignment'));
  }

  /**
   * PUT with only the given fields. A status change is not re-sent after a 5xx, a timeout or a lost answer: it
   * may have been applied, and Lightspeed refuses a repeat once the status is final. Read the consignment and
   * skip the change when it is already there (REFERENCE §9 (4)).
   */
  async updateConsignment(id: string, update: ConsignmentUpdate, options: WriteOptions = {}): Promise<RemoteConsignment> {
    const { body } = await this.http.send({
      method: 'PUT',
      route: '/consignments/:id',
      params: { id },
      body: this.http.envelope(consignmentUpdateToLightspeed(update)),
      idempotent: update.status === undefined,
      ...options,
    });
    return consignmentFromLightspeed(unwrapData(body, 'consignment'));
  }

  async deleteConsignment(id: string): Promise<void> {
    await this.http.send({ method: 'DELETE', route: '/consignments/:id', params: { id }, deleteIsDoneWhenGone: true });
  }

  // — consignment lines —

  async listConsignmentProducts(id: string, page: PageRequest = {}): Promise<Page<RemoteConsignmentLine>> {
    const body = await this.get('/consignments/:id/products', { id }, pageQuery(page));
    return pageFromLightspeed(body, 'consignment_products', consignmentLineFromLightspeed);
  }

  /** Every line, following the version cursor to the end. */
  async listAllConsignmentProducts(id: string, pageSize?: number): Promise<RemoteConsignmentLine[]> {
    const lines: RemoteConsignmentLine[] = [];
    for await (const page of pagesSince(({ after }) => this.listConsignmentProducts(id, { after, pageSize }))) {
      lines.push(...page.items);
    }
    return lines;
  }

  /**
   * POST one line. ADDITIVE in Lightspeed: if the product is already on the consignment its
   * count is increased, not replaced, so repeating this call double-counts. Use
   * `setConsignmentProduct` for absolute values and for anything that may be retried.
   */
  async addConsignmentProduct(id: string, line: NewConsignmentLine): Promise<RemoteConsignmentLine> {
    const { body } = await this.http.send({
      method: 'POST',
      route: '/consignments/:id/products',
      params: { id },
      body: this.http.envelope(newConsignmentLineToLightspeed(line)),
    });
    return consignmentLineFromLightspeed(unwrapData(body, 'consignment_product'));
  }

  /**
   * PUT absolute values for one product's line (the line must exist: 404 otherwise): idempotent,
   * safe to retry. Sending `received`
   * on a SENT supplier order moves the order to DISPATCHED.
   */
  async setConsignmentProduct(
    id: string,
    productId: string,
    values: ConsignmentLineValues,
    options: WriteOptions = {},
  ): Promise<RemoteConsignmentLine> {
    const { body } = await this.http.send({
      method: 'PUT',
      route: '/consignments/:id/products/:productId',
      params: { id, productId },
      body: this.http.envelope(consignmentLineValuesToLightspeed(values)),
      ...options,
    });
    return consignmentLineFromLightspeed(unwrapData(body, 'consignment_product'));
  }

  async deleteConsignmentProduct(id: string, productId: string): Promise<void> {
    await this.http.send({
      method: 'DELETE',
      route: '/consignments/:id/products/:productId',
      params: { id, productId },
      deleteIsDoneWhenGone: true,
    });
  }

  /**
   * POST `/bulk` in chunks of at most 500 lines. THE TRAP: on supplier orders Lightspeed ADDS
   * `count` (OPEN/SENT) and `received` (DISPATCHED) to what the line already holds, and `received`
   * on an OPEN/SENT order dispatches it. Replaying a chunk double-counts, so chunks are never
   * retried after an ambiguous failure; if chunk n fails, chunks before it have been applied.
   */
  async bulkConsignmentProducts(id: string, lines: readonly NewConsignmentLine[], options: WriteOptions = {}): Promise<BulkLineResult[]> {
    const results: BulkLineResult[] = [];
    for (let start = 0; start < lines.length; start += BULK_CHUNK_SIZE) {
      const chunk = lines.slice(start, start + BULK_CHUNK_SIZE).map(newConsignmentLineToLightspeed);
      const chunkKey = options.idempotencyKey && lines.length > BULK_CHUNK_SIZE ? `${options.idempotencyKey}:${start / BULK_CHUNK_SIZE}` : options.idempotencyKey;
      const { body } = await this.http.send({
        method: 'POST',
        route: '/consignments/:id/bulk',
        params: { id },
        body: chunk,
        ...(chunkKey ? { idempotencyKey: chunkKey } : {}),
      });
      const data = body !== null && typeof body === 'object' && 'data' in body ? unwrapData(body, 'bulk') : body;
      results.push(...bulkResultFromLightspeed(data));
    }
    return results;
  }

  // — catalogue —

  async listProducts(query: CatalogueQuery = {}): Promise<Page<RemoteProduct>> {
    const body = await this.get('/products', {}, { ...pageQuery(query), deleted: deletedFlag(query.deleted) });
    return pageFromLightspeed(body, 'products', productFromLightspeed);
  }

  async getProduct(id: string): Promise<RemoteProduct | null> {
    const body = await this.getOrNull('/products/:id', { id });
    return body === null ? null : productFromLightspeed(unwrapData(body, 'product'));
  }

  async listOutlets(query: CatalogueQuery = {}): Promise<Page<RemoteOutlet>> {
    const body = await this.get('/outlets', {}, { ...pageQuery(query), deleted: deletedFlag(query.deleted) });
    return pageFromLightspeed(body, 'outlets', outletFromLightspeed);
  }

  async listSuppliers(query: PageRequest = {}): Promise<Page<RemoteSupplier>> {
    const body = await this.get('/suppliers', {}, pageQuery(query));
    return pageFromLightspeed(body, 'suppliers', supplierFromLightspeed);
  }

  /** Milliseconds this store is still paused after a 429 (shared by every client of the store). */
  pausedForMs(): Promise<number> {
    return this.http.throttle.pausedForMs();
  }

  private async get(route: string, params: Record<string, string>, query: RequestSpec['query']): Promise<unknown> {
    return (await this.http.send({ method: 'GET', route, params, query })).body;
  }

  private async getOrNull(route: string, params: Record<string, string>): Promise<unknown> {
    try {
      return await this.get(route, params, undefined);
    } catch (error) {
      if (error instanceof LightspeedError && error.status === 404) return null;
      throw error;
    }
  }
}

function pageQuery(page: PageRequest): RequestSpec['query'] {
  return { after: page.after, page_size: page.pageSize };
}

function deletedFlag(deleted: boolean | undefined): string | undefined {
  return deleted === undefined ? undefined : String(deleted);
}

import type { FastifyReply, FastifyRequest } from 'fastify';

/** A `/bulk` or line POST that added `count`/`received` onto a line already holding a non-zero value there. */
export interface AdditiveWrite {
  consignmentId: string;
  productId: string;
  field: 'count' | 'received';
  /** What the line held before, and what the call added, in decimal units. */
  held: number;
  added: number;
}

export interface StatsSnapshot {
  total: number;
  /** "METHOD /route/:pattern STATUS" → calls. Dropped calls have the status `dropped`. */
  byRoute: Record<string, number>;
  /** consignment id → "METHOD /route/:pattern STATUS" → calls. */
  byConsignment: Record<string, Record<string, number>>;
  /** Every additive write onto a non-zero field: a client that writes absolute values leaves this empty. */
  additiveWrites: AdditiveWrite[];
}

/** Counts store API calls, for tests that assert how a client behaved (retries, call volumes). */
export class CallStats {
  private snapshot: StatsSnapshot = { total: 0, byRoute: {}, byConsignment: {}, additiveWrites: [] };
  private readonly dropped = new WeakSet<object>();

  recordResponse(request: FastifyRequest, reply: FastifyReply): void {
    if (this.dropped.has(request.raw)) return;
    this.record(request, String(reply.statusCode));
  }

  recordDrop(request: FastifyRequest): void {
    this.dropped.add(request.raw);
    this.record(request, 'dropped');
  }

  get(): StatsSnapshot {
    return structuredClone(this.snapshot);
  }

  reset(): void {
    this.snapshot = { total: 0, byRoute: {}, byConsignment: {}, additiveWrites: [] };
  }

  recordAdditiveWrite(write: AdditiveWrite): void {
    this.snapshot.additiveWrites.push(write);
  }

  private record(request: FastifyRequest, status: string): void {
    const route = request.routeOptions.url ?? '(unmatched)';
    const key = `${request.method} ${route} ${status}`;
    this.snapshot.total += 1;
    this.snapshot.byRoute[key] = (this.snapshot.byRoute[key] ?? 0) + 1;
    const id = (request.params as { id?: string } | undefined)?.id;
    if (id !== undefined && route.includes('/consignments/:id')) {
      const perConsignment = (this.snapshot.byConsignment[id] ??= {});
      perConsignment[key] = (perConsignment[key] ?? 0) + 1;
    }
  }
}

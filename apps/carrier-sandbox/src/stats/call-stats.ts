import type { FastifyReply, FastifyRequest } from 'fastify';

export interface StatsSnapshot {
  total: number;
  /** "METHOD /route STATUS" → calls. */
  byRoute: Record<string, number>;
  /** POST /api/rates calls that were answered, whatever the status. */
  rateQuotes: number;
  /** order_number → orders created with it (over every account): a careful client leaves each at 1. */
  ordersCreated: Record<string, number>;
}

const empty = (): StatsSnapshot => ({ total: 0, byRoute: {}, rateQuotes: 0, ordersCreated: {} });

/** Counts API calls and created orders, for tests that assert how a client behaved. */
export class CallStats {
  private snapshot = empty();

  recordResponse(request: FastifyRequest, reply: FastifyReply): void {
    const route = request.routeOptions.url ?? '(unmatched)';
    const key = `${request.method} ${route} ${reply.statusCode}`;
    this.snapshot.total += 1;
    this.snapshot.byRoute[key] = (this.snapshot.byRoute[key] ?? 0) + 1;
    if (request.method === 'POST' && route === '/api/rates') this.snapshot.rateQuotes += 1;
  }

  recordOrderCreated(orderNumber: string): void {
    this.snapshot.ordersCreated[orderNumber] = (this.snapshot.ordersCreated[orderNumber] ?? 0) + 1;
  }

  get(): StatsSnapshot {
    return structuredClone(this.snapshot);
  }

  reset(): void {
    this.snapshot = empty();
  }
}

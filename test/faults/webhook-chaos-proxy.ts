import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';

interface Delivery {
  body: string;
  signature: string;
  /** `<type>:<id>:<version>` of the object, to see the order deliveries reached the API in. */
  object: string;
}

/**
 * Stands between Lightspeed and the API: acknowledges each webhook at once, then delivers it to
 * the API twice, each copy after its own random delay (0–`maxDelayMs`), so the API sees every
 * delivery duplicated and, across deliveries, out of order. A copy the API refuses is retried.
 */
export class WebhookChaosProxy {
  private server: Server | null = null;
  private inFlight = new Set<Promise<void>>();
  private target = '';
  received = 0;
  forwarded = 0;
  /** API answers by status, and how many copies it called duplicates. */
  answers: Record<string, number> = {};
  duplicatesAcknowledged = 0;
  /** Deliveries that reached the API after a newer delivery of the same object. */
  outOfOrder = 0;
  private newestSeen = new Map<string, number>();

  constructor(private readonly maxDelayMs = 2_000) {}

  async listen(): Promise<string> {
    this.server = createServer((request, response) => {
      void this.read(request).then((body) => {
        response.writeHead(200).end();
        this.received++;
        const delivery = { body, signature: String(request.headers['x-signature'] ?? ''), object: objectOf(body) };
        for (let copy = 0; copy < 2; copy++) this.track(this.forward(delivery));
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/webhooks/lightspeed`;
  }

  /** Where copies go: the API's webhook URL (known once the API has a port). */
  forwardTo(url: string): void {
    this.target = url;
  }

  /** Waits until every copy has been delivered. */
  async drain(): Promise<void> {
    while (this.inFlight.size > 0) await Promise.all([...this.inFlight]);
  }

  async close(): Promise<void> {
    await this.drain();
    await new Promise((resolve) => this.server?.close(resolve));
  }

  private track(work: Promise<void>): void {
    this.inFlight.add(work);
    void work.finally(() => this.inFlight.delete(work));
  }

  private async forward(delivery: Delivery): Promise<void> {
    await sleep(Math.random() * this.maxDelayMs);
    for (let attempt = 1; attempt <= 10; attempt++) {
      const response = await fetch(this.target, {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'X-Signature': delivery.signature },
        body: delivery.body,
      }).catch(() => null);
      const status = response?.status ?? 0;
      this.answers[status] = (this.answers[status] ?? 0) + 1;
      if (response && response.ok) {
        if (((await response.json().catch(() => ({}))) as { duplicate?: boolean }).duplicate) this.duplicatesAcknowledged++;
        this.forwarded++;
        this.noteOrder(delivery.object);
        return;
      }
      await sleep(200 * attempt);
    }
  }

  private noteOrder(object: string): void {
    const [key, version] = [object.slice(0, object.lastIndexOf(':')), Number(object.slice(object.lastIndexOf(':') + 1))];
    const newest = this.newestSeen.get(key) ?? -1;
    if (version < newest) this.outOfOrder++;
    else this.newestSeen.set(key, version);
  }

  private read(request: IncomingMessage): Promise<string> {
    return new Promise((resolve, reject) => {
      let body = '';
      request.setEncoding('utf8');
      request.on('data', (chunk) => (body += chunk));
      request.on('end', () => resolve(body));
      request.on('error', reject);
    });
  }
}

function objectOf(body: string): string {
  try {
    const payload = JSON.parse(new URLSearchParams(body).get('payload') ?? '{}') as { id?: string; version?: number; type?: string };
    return `${payload.type ?? '?'}:${payload.id ?? '?'}:${payload.version ?? 0}`;
  } catch {
    return '?:?:0';
  }
}

import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';

interface Delivery {
  body: string;
  signature: string;
  /** `<type>:<id>:<version>` of the object, to see the order deliveries reached the API in. */
  object: string;
}

export interface WebhookProxyOptions {
  /** Copies of each delivery sent to the API (default 2). */
  copies?: number;
  /** Each copy waits a random 0–maxDelayMs before it goes (default 2,000). */
  maxDelayMs?: number;
}

/**
 * Stands between Lightspeed and the API: acknowledges each webhook at once, then delivers it to
 * the API twice, each copy after its own random delay (0–`maxDelayMs`), so the API sees every
 * delivery duplicated and, across deliveries, out of order. A copy the API refuses is retried.
 * While held (`hold`), deliveries pile up and reach the API only on `release`, all at once, as
 * Lightspeed's backlog does after an outage of the endpoint.
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
  private held: Delivery[] | null = null;
  private readonly copies: number;
  private readonly maxDelayMs: number;

  constructor(options: WebhookProxyOptions = {}) {
    this.copies = options.copies ?? 2;
    this.maxDelayMs = options.maxDelayMs ?? 2_000;
  }

  async listen(): Promise<string> {
    this.server = createServer((request, response) => {
      void this.read(request).then((body) => {
        response.writeHead(200).end();
        this.received++;
        const delivery = { body, signature: String(request.headers['x-signature'] ?? ''), object: objectOf(body) };
        if (this.held) this.held.push(delivery);
        else this.send(delivery);
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/webhooks/lightspeed`;
  }

  /** Where copies go: the API's webhook URL (known once the API has a port). */
  forwardTo(url: string): void {
    this.target = url;
  }

  /** From now on deliveries wait for `release`. */
  hold(): void {
    this.held ??= [];
  }

  /** Sends every held delivery at once (`concurrency` requests at a time), and later ones as they come. */
  async release(concurrency = 16): Promise<number> {
    const backlog = this.held ?? [];
    this.held = null;
    let next = 0;
    const lane = async () => {
      while (next < backlog.length) {
        const delivery = backlog[next++] as Delivery;
        for (let copy = 0; copy < this.copies; copy++) await this.forward(delivery);
      }
    };
    const released = Promise.all(Array.from({ length: concurrency }, lane)).then(() => undefined);
    this.track(released);
    await released;
    return backlog.length;
  }

  /** Deliveries waiting for `release`. */
  get holding(): number {
    return this.held?.length ?? 0;
  }

  private send(delivery: Delivery): void {
    for (let copy = 0; copy < this.copies; copy++) this.track(this.forward(delivery));
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

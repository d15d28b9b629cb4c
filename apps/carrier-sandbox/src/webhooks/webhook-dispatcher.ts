import { signBody } from './sign-body.js';

export interface TrackingWebhook {
  order_number: string;
  carrier_name: string;
  carrier_service: string;
  shipment_date: string;
  tracking_number: string;
  tracking_status: string;
  last_updated_date: string;
  order_reference: string | null;
}

export interface DeliveryRecord {
  url: string;
  body: string;
  attempts: number;
  /** HTTP status of each attempt; 0 = timeout or connection error. */
  statuses: number[];
  state: 'pending' | 'delivered' | 'failed';
}

interface Settings {
  url: string | undefined;
  secret: string | undefined;
  retryBaseMs: number;
  maxAttempts: number;
  timeoutMs: number;
  duplicates: boolean;
}

/**
 * POSTs tracking updates as JSON, signed with `X-Starshipit-Signature` when a secret is set. A receiver must
 * answer 200 within `timeoutMs` (any other answer counts as a failure, as the reference asks for 200); failures
 * are retried after retryBaseMs × 2^(attempt-1), `maxAttempts` in all. With duplicates on (option or fault) each
 * update is delivered twice, as two independent deliveries of the same body.
 */
export class WebhookDispatcher {
  private deliveryLog: DeliveryRecord[] = [];
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly inFlight = new Set<AbortController>();
  private duplicateNext = 0;

  constructor(private readonly settings: Settings) {}

  /** The next `count` webhooks (all, with Infinity) are delivered twice. */
  duplicate(count: number): void {
    this.duplicateNext = count;
  }

  dispatch(payload: TrackingWebhook): void {
    const url = this.settings.url;
    if (url === undefined) return;
    const body = JSON.stringify(payload);
    let copies = 1;
    if (this.settings.duplicates || this.duplicateNext > 0) {
      copies = 2;
      this.duplicateNext = Math.max(0, this.duplicateNext - 1);
    }
    for (let copy = 0; copy < copies; copy += 1) {
      const delivery: DeliveryRecord = { url, body, attempts: 0, statuses: [], state: 'pending' };
      this.deliveryLog.push(delivery);
      void this.attempt(delivery);
    }
  }

  deliveries(): DeliveryRecord[] {
    return this.deliveryLog.map((delivery) => ({ ...delivery, statuses: [...delivery.statuses] }));
  }

  /** Stops retries and in-flight attempts and forgets the log (reset, close). */
  cancelAll(): void {
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    for (const controller of this.inFlight) controller.abort();
    this.inFlight.clear();
    this.deliveryLog = [];
    this.duplicateNext = 0;
  }

  private async attempt(delivery: DeliveryRecord): Promise<void> {
    delivery.attempts += 1;
    const controller = new AbortController();
    this.inFlight.add(controller);
    const timeout = setTimeout(() => controller.abort(), this.settings.timeoutMs);
    let status = 0;
    try {
      const secret = this.settings.secret;
      const response = await fetch(delivery.url, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json',
          'User-Agent': 'carrier-sandbox-webhooks',
          ...(secret === undefined || secret === '' ? {} : { 'X-Starshipit-Signature': signBody(delivery.body, secret) }),
        },
        body: delivery.body,
        signal: controller.signal,
      });
      status = response.status;
      await response.body?.cancel();
    } catch {
      status = 0;
    } finally {
      clearTimeout(timeout);
      this.inFlight.delete(controller);
    }
    if (!this.deliveryLog.includes(delivery)) return;
    delivery.statuses.push(status);
    if (status === 200) {
      delivery.state = 'delivered';
    } else if (delivery.attempts >= this.settings.maxAttempts) {
      delivery.state = 'failed';
    } else {
      const timer = setTimeout(() => {
        this.timers.delete(timer);
        void this.attempt(delivery);
      }, this.settings.retryBaseMs * 2 ** (delivery.attempts - 1));
      this.timers.add(timer);
    }
  }
}

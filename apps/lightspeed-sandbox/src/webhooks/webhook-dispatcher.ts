import type { StoreEvent } from '../store/store.js';
import { signatureHeader } from './sign-body.js';
import { webhookPayload } from './webhook-payloads.js';
import type { WebhookSubscriptions } from './webhook-subscriptions.js';

export interface DeliveryRecord {
  url: string;
  type: StoreEvent['type'];
  body: string;
  attempts: number;
  /** HTTP status of each attempt; 0 = timeout or connection error. */
  statuses: number[];
  state: 'pending' | 'delivered' | 'failed';
}

interface Settings {
  secret: string;
  domainPrefix: string;
  retryBaseMs: number;
  maxAttempts: number;
  timeoutMs: number;
}

/**
 * POSTs events as `application/x-www-form-urlencoded` with a `payload` field, signed with `X-Signature`. A receiver
 * must answer 2xx within `timeoutMs`; otherwise the delivery is retried after retryBaseMs × 2^(attempt-1), up to
 * `maxAttempts` attempts. No delivery id; each delivery retries on its own, so order is not kept.
 */
export class WebhookDispatcher {
  private deliveryLog: DeliveryRecord[] = [];
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly inFlight = new Set<AbortController>();

  constructor(
    private readonly subscriptions: WebhookSubscriptions,
    private readonly settings: Settings,
  ) {}

  dispatch(event: StoreEvent): void {
    const body = new URLSearchParams({
      payload: JSON.stringify(webhookPayload(event)),
      domain_prefix: this.settings.domainPrefix,
    }).toString();
    for (const url of this.subscriptions.targets(event.type)) {
      const delivery: DeliveryRecord = { url, type: event.type, body, attempts: 0, statuses: [], state: 'pending' };
      this.deliveryLog.push(delivery);
      void this.attempt(delivery);
    }
  }

  deliveries(): DeliveryRecord[] {
    return this.deliveryLog.map((delivery) => ({ ...delivery, statuses: [...delivery.statuses] }));
  }

  /** Stops retries and in-flight attempts (reset, close). */
  cancelAll(): void {
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    for (const controller of this.inFlight) controller.abort();
    this.inFlight.clear();
    this.deliveryLog = [];
  }

  private async attempt(delivery: DeliveryRecord): Promise<void> {
    delivery.attempts += 1;
    const controller = new AbortController();
    this.inFlight.add(controller);
    const timeout = setTimeout(() => controller.abort(), this.settings.timeoutMs);
    let status = 0;
    try {
      const response = await fetch(delivery.url, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/x-www-form-urlencoded',
          'X-Signature': signatureHeader(delivery.body, this.settings.secret),
          'User-Agent': 'lightspeed-sandbox-webhooks',
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
    if (status >= 200 && status < 300) {
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

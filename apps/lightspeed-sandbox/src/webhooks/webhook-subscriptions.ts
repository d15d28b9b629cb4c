import { randomUUID } from 'node:crypto';

export const WEBHOOK_TYPES = [
  'sale.update',
  'product.update',
  'customer.update',
  'inventory.update',
  'register_closure.create',
  'consignment.send',
  'consignment.receive',
] as const;

export type WebhookType = (typeof WEBHOOK_TYPES)[number];

export interface WebhookSubscription {
  id: string;
  url: string;
  active: boolean;
  type: WebhookType;
}

/** Webhooks registered through `/api/2.0/webhooks`, plus the configured URL (which takes every emitted type). */
export class WebhookSubscriptions {
  private readonly byId = new Map<string, WebhookSubscription>();

  constructor(private readonly configuredUrl: string | undefined) {}

  list(): WebhookSubscription[] {
    return [...this.byId.values()];
  }

  get(id: string): WebhookSubscription | undefined {
    return this.byId.get(id);
  }

  /** undefined when the same type+URL is already registered (409). */
  create(input: Omit<WebhookSubscription, 'id'>): WebhookSubscription | undefined {
    if (this.isDuplicate(input)) return undefined;
    const subscription = { id: randomUUID(), ...input };
    this.byId.set(subscription.id, subscription);
    return subscription;
  }

  isDuplicate(input: Omit<WebhookSubscription, 'id'>, exceptId?: string): boolean {
    return this.list().some((s) => s.id !== exceptId && s.type === input.type && s.url === input.url);
  }

  delete(id: string): boolean {
    return this.byId.delete(id);
  }

  clear(): void {
    this.byId.clear();
  }

  /** Target URLs for an event type. */
  targets(type: WebhookType): string[] {
    const urls = this.list()
      .filter((s) => s.active && s.type === type)
      .map((s) => s.url);
    return this.configuredUrl === undefined ? urls : [this.configuredUrl, ...urls];
  }
}

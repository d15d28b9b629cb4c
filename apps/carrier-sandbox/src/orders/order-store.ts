import type { OrderRecord } from './order-record.js';

/** Every account's orders, in memory, oldest first. */
export class OrderStore {
  private readonly orders = new Map<number, OrderRecord>();
  private nextOrderId: number;
  private nextChildId = 1;

  constructor(private readonly firstOrderId: number) {
    this.nextOrderId = firstOrderId;
  }

  newOrderId(): number {
    return this.nextOrderId++;
  }

  /** Ids of packages and items. */
  newChildId(): number {
    return this.nextChildId++;
  }

  add(order: OrderRecord): void {
    this.orders.set(order.order_id, order);
  }

  byId(account: string, orderId: number): OrderRecord | undefined {
    const order = this.orders.get(orderId);
    return order?.account === account ? order : undefined;
  }

  /** With duplicates allowed, the oldest of them. */
  byNumber(account: string, orderNumber: string): OrderRecord | undefined {
    return this.all().find((order) => order.account === account && order.order_number === orderNumber);
  }

  byTrackingNumber(account: string, trackingNumber: string): OrderRecord | undefined {
    return this.all().find((order) => order.account === account && order.packages.some((p) => p.tracking_number === trackingNumber));
  }

  /** Across accounts (the admin advance route has no API key). */
  anyByTrackingNumber(trackingNumber: string): OrderRecord | undefined {
    return this.all().find((order) => order.packages.some((p) => p.tracking_number === trackingNumber));
  }

  delete(orderId: number): void {
    this.orders.delete(orderId);
  }

  all(): OrderRecord[] {
    return [...this.orders.values()];
  }

  clear(): void {
    this.orders.clear();
    this.nextOrderId = this.firstOrderId;
    this.nextChildId = 1;
  }
}

import { Gauge, register } from 'prom-client';
import type { FreightBacklog } from '#persistence';

const gauge = (name: string, help: string, labelNames: string[] = []): Gauge =>
  (register.getSingleMetric(name) as Gauge | undefined) ?? new Gauge({ name, help, labelNames });

/**
 * The freight backlog as the leading worker last counted it: a booking that waits long means the
 * carrier is down or refusing us; a delivery nobody received may be stock lost at a back door.
 */
export class FreightMetrics {
  private readonly waiting = gauge('freight_bookings_waiting', 'Bookings (REQUESTED) and cancellations (CANCELLING) the worker has yet to make with the carrier', ['status']);
  private readonly oldestWait = gauge('freight_booking_oldest_wait_seconds', 'How long the longest-waiting booking or cancellation has waited since its last change; 0 when none waits');
  private readonly unreceived = gauge('freight_delivered_unreceived_shipments', 'Shipments delivered more than FREIGHT_UNRECEIVED_AFTER_HOURS ago whose transfer nobody has started receiving');

  show(backlog: FreightBacklog, now = Date.now()): void {
    this.waiting.set({ status: 'REQUESTED' }, backlog.requested);
    this.waiting.set({ status: 'CANCELLING' }, backlog.cancelling);
    this.oldestWait.set(backlog.oldestWaitingSince ? Math.max(0, (now - backlog.oldestWaitingSince.getTime()) / 1000) : 0);
    this.unreceived.set(backlog.deliveredUnreceived);
  }
}

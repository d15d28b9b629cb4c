import { describe, expect, it } from '@jest/globals';
import { register } from 'prom-client';
import { FreightMetrics } from './freight-metrics.js';

const value = async (name: string, labels: Record<string, string> = {}) =>
  (await register.getSingleMetric(name)!.get()).values.find((entry) => Object.entries(labels).every(([key, wanted]) => entry.labels[key] === wanted))?.value;

describe('freight gauges', () => {
  it('show the waiting bookings and cancellations, the longest wait in seconds, and deliveries nobody received', async () => {
    const now = Date.parse('2026-12-07T12:00:00Z');
    new FreightMetrics().show({ requested: 3, cancelling: 1, oldestWaitingSince: new Date(now - 90_000), deliveredUnreceived: 2 }, now);
    expect(await value('freight_bookings_waiting', { status: 'REQUESTED' })).toBe(3);
    expect(await value('freight_bookings_waiting', { status: 'CANCELLING' })).toBe(1);
    expect(await value('freight_booking_oldest_wait_seconds')).toBe(90);
    expect(await value('freight_delivered_unreceived_shipments')).toBe(2);
  });

  it('shows no wait when nothing waits, and a second instance shares the same gauges', async () => {
    new FreightMetrics().show({ requested: 0, cancelling: 0, oldestWaitingSince: null, deliveredUnreceived: 0 });
    expect(await value('freight_booking_oldest_wait_seconds')).toBe(0);
    expect(await value('freight_bookings_waiting', { status: 'REQUESTED' })).toBe(0);
  });
});

import { collectDefaultMetrics, register, type Registry } from 'prom-client';

/** Node's process metrics (CPU, memory, event loop lag, GC), registered once per registry. */
export function collectProcessMetrics(registry: Registry = register): void {
  if (registry.getSingleMetric('process_cpu_user_seconds_total')) return;
  collectDefaultMetrics({ register: registry });
}

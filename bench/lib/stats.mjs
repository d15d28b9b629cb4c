// Latency summaries. Percentiles are nearest-rank over every sample (no histogram buckets).

export function percentile(sorted, p) {
  if (sorted.length === 0) return null;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

/** p50/p95/p99/max in ms (2 decimals) of a list of durations. */
export function summarize(samples) {
  const sorted = Float64Array.from(samples).sort();
  const round = (ms) => (ms === null ? null : Math.round(ms * 100) / 100);
  return {
    count: sorted.length,
    p50: round(percentile(sorted, 50)),
    p95: round(percentile(sorted, 95)),
    p99: round(percentile(sorted, 99)),
    max: round(sorted.length ? sorted[sorted.length - 1] : null),
  };
}

export const perSecond = (count, seconds) => (seconds > 0 ? Math.round(count / seconds) : 0);

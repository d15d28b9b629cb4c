import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { useEffect, useRef } from 'preact/hooks';
import type { SyncHistory } from '../../api.js';

/** Per minute, over every queue: attempts completed, attempts failed, and the error rate (failed ÷ attempts). */
export function seriesOf(history: SyncHistory): { at: number[]; completed: number[]; failed: number[]; errorRate: (number | null)[] } {
  const queues = Object.values(history.queues);
  const minutes = queues[0] ?? [];
  const at = minutes.map((minute) => Date.parse(minute.at) / 1000);
  const sum = (field: 'completed' | 'failed') => minutes.map((_, index) => queues.reduce((total, queue) => total + (queue[index]?.[field] ?? 0), 0));
  const completed = sum('completed');
  const failed = sum('failed');
  const errorRate = completed.map((done, index) => (done + failed[index]! === 0 ? null : failed[index]! / (done + failed[index]!)));
  return { at, completed, failed, errorRate };
}

/** A real chart (uPlot) of the last hour's job attempts and error rate, with a table of the same figures for screen readers. */
export function AttemptsChart({ history }: { history: SyncHistory }) {
  const host = useRef<HTMLDivElement>(null);
  const chart = useRef<uPlot | null>(null);
  const series = seriesOf(history);
  useEffect(() => {
    const data: uPlot.AlignedData = [series.at, series.completed, series.failed, series.errorRate.map((rate) => (rate === null ? null : rate * 100))];
    if (chart.current) {
      chart.current.setData(data);
      return;
    }
    const width = Math.max(280, host.current?.clientWidth ?? 600);
    chart.current = new uPlot(
      {
        width,
        height: 220,
        scales: { x: { time: true }, rate: { range: [0, 100] } },
        axes: [{}, { label: 'attempts / min' }, { scale: 'rate', side: 1, label: 'error %', grid: { show: false } }],
        series: [
          {},
          { label: 'completed', stroke: '#1a7f37', width: 2 },
          { label: 'failed', stroke: '#b42318', width: 2 },
          { label: 'error rate %', stroke: '#9a6700', dash: [6, 4], scale: 'rate' },
        ],
      },
      data,
      host.current as HTMLDivElement,
    );
  }, [history]);
  useEffect(() => () => chart.current?.destroy(), []);
  const totals = { completed: series.completed.reduce((a, b) => a + b, 0), failed: series.failed.reduce((a, b) => a + b, 0) };
  return (
    <figure class="chart">
      <div ref={host} role="img" aria-label={`Job attempts per minute over the last ${history.minutes} minutes: ${totals.completed} completed, ${totals.failed} failed`} data-testid="attempts-chart" />
      <figcaption class="muted">
        Last {history.minutes} minutes: {totals.completed} attempts completed, {totals.failed} failed
        {totals.completed + totals.failed > 0 ? ` (error rate ${((totals.failed / (totals.completed + totals.failed)) * 100).toFixed(1)} %)` : ''}.
      </figcaption>
    </figure>
  );
}

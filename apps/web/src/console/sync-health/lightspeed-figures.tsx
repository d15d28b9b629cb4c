import type { SyncStatusReport } from '../../api.js';

const since = (at: string | null) => (at ? new Date(at).toLocaleString() : 'never');
const duration = (seconds: number | null) => (seconds === null ? '—' : seconds < 120 ? `${seconds.toFixed(1)} s` : `${(seconds / 60).toFixed(1)} min`);

/** The store's request budget in the current window, and how far behind the sync runs (relay and mirror). */
export function LightspeedFigures({ report }: { report: SyncStatusReport }) {
  const { lightspeedBudget: budget, lag } = report;
  const share = budget ? Math.round((budget.used / budget.limit) * 100) : 0;
  return (
    <section aria-labelledby="budget-title">
      <h2 id="budget-title">Lightspeed budget and lag</h2>
      {budget ? (
        <>
          <label class="meter">
            Requests this {budget.windowSeconds / 60}-minute window: {budget.used} of {budget.limit} ({share} %)
            <meter min={0} max={budget.limit} low={budget.limit * 0.5} high={budget.limit * 0.8} optimum={0} value={budget.used} />
          </label>
          <p class="muted">
            {budget.resetsAt ? `The budget is whole again at ${new Date(budget.resetsAt).toLocaleTimeString()}.` : 'No request in this window yet.'}
            {budget.pausedUntil ? ` Lightspeed asked us to wait (429): paused until ${new Date(budget.pausedUntil).toLocaleTimeString()}.` : ''}
          </p>
        </>
      ) : (
        <p class="muted">No request budget is set for the store.</p>
      )}
      <table aria-label="Sync lag">
        <thead>
          <tr><th scope="col">Stage</th><th scope="col">Now</th><th scope="col">Recently</th></tr>
        </thead>
        <tbody>
          <tr>
            <th scope="row">Relay (commit → job queued)</th>
            <td>{lag.relay.waitingEvents === 0 ? 'nothing waiting' : `${lag.relay.waitingEvents} events waiting, oldest ${duration(lag.relay.oldestWaitingSeconds)}`}</td>
            <td>last event queued after {duration(lag.relay.lastQueuedAfterSeconds)} ({since(lag.relay.lastMovedAt)})</td>
          </tr>
          <tr>
            <th scope="row">Sync (commit → mirrored)</th>
            <td>{lag.sync.pendingTransfers === 0 ? 'nothing pending' : `${lag.sync.pendingTransfers} transfers pending, oldest ${duration(lag.sync.oldestPendingSeconds)}`}</td>
            <td>{lag.sync.syncedLastHour === 0 ? 'none mirrored in the last hour' : `${lag.sync.syncedLastHour} mirrored in the last hour: median ${duration(lag.sync.medianSeconds)}, longest ${duration(lag.sync.maxSeconds)}`}</td>
          </tr>
        </tbody>
      </table>
    </section>
  );
}

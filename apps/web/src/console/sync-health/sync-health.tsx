import { syncHistory, syncStatus } from '../../api.js';
import { UnreceivedShipments } from '../../shipment/unreceived.js';
import { DataTable } from '../data-table.js';
import { usePolling } from '../use-polling.js';
import { AttemptsChart } from './attempts-chart.js';
import { DeadLetters } from './dead-letters.js';
import { LightspeedFigures } from './lightspeed-figures.js';

const QUEUE_STATES = ['waiting', 'active', 'delayed', 'failed', 'completed'] as const;
const since = (at: string | null) => (at ? new Date(at).toLocaleString() : 'never');

/** How the Lightspeed sync is doing, live: queues, the last hour's attempts, what needs an operator, dead letters, workers. */
export function SyncHealth() {
  const status = usePolling(syncStatus, 5_000);
  const history = usePolling(() => syncHistory(60), 15_000);
  const report = status.value;
  return (
    <main class="page wide">
      <h1>Sync health</h1>
      <p class="muted" role="status">
        {status.error ? `Not updated: ${status.error}` : report ? `Updated ${new Date(report.generatedAt).toLocaleTimeString()}, every 5 seconds` : 'Loading…'}
      </p>
      {report && (
        <>
          <section aria-labelledby="queues-title">
            <h2 id="queues-title">Queues</h2>
            <table>
              <thead>
                <tr><th scope="col">Queue</th>{QUEUE_STATES.map((state) => <th key={state} scope="col">{state}</th>)}</tr>
              </thead>
              <tbody>
                {Object.entries(report.queues).map(([name, counts]) => (
                  <tr key={name}><th scope="row">{name}</th>{QUEUE_STATES.map((state) => <td key={state}>{counts[state]}</td>)}</tr>
                ))}
              </tbody>
            </table>
            <p>
              Transfers: {report.transfers.SYNCED} synced, {report.transfers.PENDING} pending, {report.transfers.FAILED} failed, {report.transfers.NEEDS_ATTENTION} need attention.
              Relay: {report.relay.stalled ? `stalled since ${since(report.relay.failingSince)} (${report.relay.lastError})` : 'running'}
              {report.relay.setAside > 0 ? `, ${report.relay.setAside} events set aside` : ''}.
            </p>
          </section>
          {history.value && <AttemptsChart history={history.value} />}
          <LightspeedFigures report={report} />
          <section aria-labelledby="attention-title">
            <h2 id="attention-title">Needs attention ({report.needsAttention.length})</h2>
            {report.needsAttention.length === 0 && <p class="muted">Nothing waits for an operator.</p>}
            <ul>
              {report.needsAttention.map((item) => (
                <li key={item.transferId}>
                  <a href={`#/console/transfers/${item.transferId}`}>{item.transferId.slice(0, 8)}</a>: {item.error ?? 'refused'}. <strong>What to do:</strong> {item.action ?? 'see the runbook'}
                </li>
              ))}
            </ul>
          </section>
          <DeadLetters failures={report.recentFailures} onRetried={status.refresh} />
          <UnreceivedShipments linkTo={(id) => `#/console/transfers/${id}`} quietWhenNone={false} />
          <section aria-labelledby="inbound-title">
            <h2 id="inbound-title">From Lightspeed</h2>
            <p>
              Newest webhook: {since(report.inbound.lastWebhookAt)} ({report.inbound.webhooksLastHour} in the last hour, {report.inbound.webhookErrors} with errors). The poller last found something {since(report.inbound.pollerLastMovedAt)}.
            </p>
            {report.inbound.pollerCursors.length > 0 && (
              <DataTable label="Poller cursors" columns={['Resource', 'Read up to version', 'Last moved']} rows={report.inbound.pollerCursors}>
                {(cursor) => <tr key={cursor.resource}><th scope="row">{cursor.resource}</th><td>{cursor.version}</td><td>{since(cursor.updatedAt)}</td></tr>}
              </DataTable>
            )}
          </section>
          <section aria-labelledby="workers-title">
            <h2 id="workers-title">Workers ({report.workers.workers})</h2>
            <p>{report.workers.stale ? 'No worker has reported lately: check that one runs.' : `Newest heartbeat ${report.workers.newestAgeSeconds?.toFixed(0) ?? '—'} s ago.`}</p>
            {report.workers.heartbeats.length > 0 && (
              <DataTable label="Worker heartbeats" columns={['Worker', 'Started', 'Last heartbeat']} rows={report.workers.heartbeats}>
                {(beat) => <tr key={beat.id}><th scope="row">{beat.id}</th><td>{since(beat.startedAt)}</td><td>{beat.ageSeconds.toFixed(0)} s ago</td></tr>}
              </DataTable>
            )}
            <p>
              Every job in detail: <a href="/api/v1/admin/queues/">the queue board</a> (read-only; retry dead letters here, so each retry is recorded).
            </p>
          </section>
        </>
      )}
    </main>
  );
}

import type { AuditEntry } from '../../api.js';
import { shown } from './change-value.js';

/** Every command that changed the transfer, oldest first: who, when, which command, its correlation id, and each field before and after. */
export function Timeline({ entries, onVersion }: { entries: readonly AuditEntry[]; onVersion: (version: number) => void }) {
  return (
    <ol class="timeline" aria-label="History">
      {entries.map((entry) => (
        <li key={entry.toVersion}>
          <p>
            <strong>{entry.command}</strong> by {entry.actor.name ?? entry.actor.id} ({entry.actor.roles.join(', ')}),{' '}
            <time dateTime={entry.occurredAt}>{new Date(entry.occurredAt).toLocaleString()}</time> · version {entry.toVersion}{' '}
            <button type="button" class="quiet" onClick={() => onVersion(entry.toVersion)}>
              See it as it was then
            </button>
          </p>
          <p class="muted">Correlation id {entry.correlationId}</p>
          {entry.changes.length > 0 && (
            <table>
              <thead>
                <tr><th scope="col">Field</th><th scope="col">Before</th><th scope="col">After</th></tr>
              </thead>
              <tbody>
                {entry.changes.map((change) => (
                  <tr key={change.field}><th scope="row">{change.field}</th><td>{shown(change.before)}</td><td>{shown(change.after)}</td></tr>
                ))}
              </tbody>
            </table>
          )}
        </li>
      ))}
    </ol>
  );
}

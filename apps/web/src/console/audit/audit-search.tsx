import { auditPage, type AuditEntry, type AuditFilters } from '../../api.js';
import { currentRoute } from '../../route.js';
import { COMMANDS, oneOf } from '../choices.js';
import { DataTable } from '../data-table.js';
import { isoOf, localOf, withoutEmpty } from '../filter-query.js';
import { PagedList } from '../paged-list.js';
import { useFilteredPages } from '../use-filtered-pages.js';

function filtersFromUrl(): AuditFilters {
  const params = currentRoute().params;
  return withoutEmpty<AuditFilters>({
    actor: params.get('actor') ?? undefined,
    from: params.get('from') ?? undefined,
    to: params.get('to') ?? undefined,
    command: oneOf(COMMANDS, params.get('command')),
    outletId: params.get('outletId') ?? undefined,
  });
}

/** Audit entries across transfers by actor, time range, command and outlet, oldest first, page by page. */
export function AuditSearch() {
  const { draft, setDraft, query, state, more, apply } = useFilteredPages<AuditFilters, AuditEntry>('/console/audit', filtersFromUrl, auditPage);
  const text = (name: 'actor' | 'outletId') => (event: Event) => setDraft({ ...draft, [name]: (event.currentTarget as HTMLInputElement).value.trim() || undefined });
  const time = (name: 'from' | 'to') => (event: Event) => setDraft({ ...draft, [name]: isoOf((event.currentTarget as HTMLInputElement).value) });
  return (
    <main class="page wide">
      <h1>Audit search</h1>
      <form class="filters" onSubmit={apply} aria-label="Search the audit trail">
        <label>Actor <input name="actor" value={draft.actor ?? ''} onInput={text('actor')} /></label>
        <label>From <input type="datetime-local" name="from" value={localOf(draft.from ?? null)} onInput={time('from')} /></label>
        <label>To <input type="datetime-local" name="to" value={localOf(draft.to ?? null)} onInput={time('to')} /></label>
        <label>
          Command{' '}
          <select name="command" value={draft.command ?? ''} onChange={(event) => setDraft({ ...draft, command: oneOf(COMMANDS, event.currentTarget.value) })}>
            <option value="">any</option>
            {COMMANDS.map((command) => <option key={command} value={command}>{command}</option>)}
          </select>
        </label>
        <label>Outlet <input name="outletId" value={draft.outletId ?? ''} onInput={text('outletId')} /></label>
        <div class="actions">
          <button type="submit">Search</button>
          <a href={`/api/v1/exports/audit${query ? `?${query}` : ''}`} download>Export CSV</a>
        </div>
      </form>
      <PagedList state={state} onMore={more} failure="Could not search the audit trail" empty="No audit entry matches this search.">
        {(entries) => (
          <DataTable label="Audit entries" columns={['Time', 'Actor', 'Command', 'Transfer', 'Versions']} rows={entries}>
            {(entry) => (
              <tr key={`${entry.transferId}:${entry.toVersion}`}>
                <td><time dateTime={entry.occurredAt}>{new Date(entry.occurredAt).toLocaleString()}</time></td>
                <td>{entry.actor.name ?? entry.actor.id}</td>
                <td>{entry.command}</td>
                <td><a href={`#/console/history/${entry.transferId}`}>{entry.transferId.slice(0, 8)}</a></td>
                <td>{entry.fromVersion}→{entry.toVersion}</td>
              </tr>
            )}
          </DataTable>
        )}
      </PagedList>
    </main>
  );
}

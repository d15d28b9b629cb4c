import { transferPage, type TransferFilters, type TransferSummary } from '../../api.js';
import { currentRoute } from '../../route.js';
import { SyncStatus } from '../../sync/sync-status.js';
import { CheckboxGroup } from '../checkbox-group.js';
import { STATUSES, TRANSFER_TYPES } from '../choices.js';
import { isoOf, listParam, localOf, withoutEmpty } from '../filter-query.js';
import { PagedList } from '../paged-list.js';
import { useFilteredPages } from '../use-filtered-pages.js';

/** The filters the URL carries: a bookmark of a filtered view opens it again. */
function filtersFromUrl(): TransferFilters {
  const params = currentRoute().params;
  return withoutEmpty<TransferFilters>({
    type: TRANSFER_TYPES.filter((type) => listParam(params, 'type').includes(type)),
    status: STATUSES.filter((status) => listParam(params, 'status').includes(status)),
    outletId: params.get('outletId') ?? undefined,
    supplierId: params.get('supplierId') ?? undefined,
    updatedSince: params.get('updatedSince') ?? undefined,
  });
}

/** Transfers of every kind, filtered as GET /transfers filters them, most recently changed first, page by page. */
export function Transfers() {
  const { draft, setDraft, query, state, more, apply } = useFilteredPages<TransferFilters, TransferSummary>('/console/transfers', filtersFromUrl, transferPage);
  const text = (name: 'outletId' | 'supplierId') => (event: Event) => setDraft({ ...draft, [name]: (event.currentTarget as HTMLInputElement).value.trim() || undefined });
  return (
    <main class="page wide">
      <h1>Transfers</h1>
      <form class="filters" onSubmit={apply} aria-label="Filter transfers">
        <CheckboxGroup legend="Type" name="type" choices={TRANSFER_TYPES} checked={draft.type} onChange={(type) => setDraft({ ...draft, type })} />
        <CheckboxGroup legend="Status" name="status" choices={STATUSES} checked={draft.status} onChange={(status) => setDraft({ ...draft, status })} />
        <label>Outlet <input name="outletId" value={draft.outletId ?? ''} onInput={text('outletId')} /></label>
        <label>Supplier <input name="supplierId" value={draft.supplierId ?? ''} onInput={text('supplierId')} /></label>
        <label>
          Updated since <input type="datetime-local" name="updatedSince" value={localOf(draft.updatedSince ?? null)} onInput={(event) => setDraft({ ...draft, updatedSince: isoOf(event.currentTarget.value) })} />
        </label>
        <div class="actions">
          <button type="submit">Show</button>
          <a href={`/api/v1/exports/transfers${query ? `?${query}` : ''}`} download>Export CSV</a>
        </div>
      </form>
      <PagedList state={state} onMore={more} failure="Could not list transfers" empty="No transfer matches these filters.">
        {(transfers) => (
          <ul class="transfers" aria-label="Transfers">
            {transfers.map((transfer) => (
              <li key={transfer.id}>
                <div class="row">
                  <a href={`#/console/transfers/${transfer.id}`}><strong>{transfer.reference ?? transfer.id.slice(0, 8)}</strong></a>
                  <span class={`status status-${transfer.status.toLowerCase()}`}>{transfer.status}</span>
                </div>
                <div class="muted">
                  {transfer.type} · {transfer.supplierId ? `supplier ${transfer.supplierId}` : (transfer.sourceOutletId ?? '')} → {transfer.destinationOutletId ?? 'supplier'} · {transfer.totals.lineCount} lines · updated {new Date(transfer.updatedAt).toLocaleString()}
                </div>
                <SyncStatus sync={transfer.sync} divergent={transfer.lightspeedDivergence !== null} />
              </li>
            ))}
          </ul>
        )}
      </PagedList>
    </main>
  );
}

import type { Paged } from './use-pages.js';

/** "More" while the list has another page, and why the last one did not come. */
export function MoreButton({ state, onMore }: { state: Extract<Paged<unknown>, { kind: 'loaded' }>; onMore: () => void }) {
  return (
    <>
      {state.moreError && <p class="error" role="alert">Could not read more: {state.moreError}</p>}
      {state.more ? (
        <button type="button" onClick={onMore} disabled={state.loadingMore} aria-busy={state.loadingMore}>
          {state.loadingMore ? 'Loading…' : 'More'}
        </button>
      ) : (
        <p class="muted">That is all ({state.items.length}).</p>
      )}
    </>
  );
}

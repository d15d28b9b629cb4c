import type { ComponentChildren } from 'preact';
import { MoreButton } from './more-button.js';
import type { Paged } from './use-pages.js';

/**
 * A list read page by page, in its three states: loading, failed (saying what could not be done),
 * and loaded, with `empty` when nothing matched and "More" under the items otherwise.
 */
export function PagedList<T>({ state, onMore, failure, empty, children }: {
  state: Paged<T>;
  onMore: () => void;
  /** What could not be done, e.g. "Could not list transfers". */
  failure: string;
  empty: string;
  children: (items: T[]) => ComponentChildren;
}) {
  if (state.kind === 'loading') return <p aria-busy="true">Loading…</p>;
  if (state.kind === 'failed') return <p class="error" role="alert">{failure}: {state.message}</p>;
  if (state.items.length === 0) return <p>{empty}</p>;
  return (
    <>
      {children(state.items)}
      <MoreButton state={state} onMore={onMore} />
    </>
  );
}

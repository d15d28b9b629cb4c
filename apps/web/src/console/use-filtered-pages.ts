import { useState } from 'preact/hooks';
import { queryOf, showFiltersInUrl, type Filters } from './filter-query.js';
import { usePages } from './use-pages.js';

/**
 * A filtered list page: the filters shown (read from the URL at first), the draft being edited in
 * the form, and the pages of what matches. `apply` makes the draft the filters and keeps them in
 * the URL of the screen at `path`; `query` is their query string, for an export link.
 */
export function useFilteredPages<F extends Filters, T>(path: string, fromUrl: () => F, read: (filters: F, cursor: string | undefined) => Promise<{ items: T[]; nextCursor: string | null }>) {
  const [filters, setFilters] = useState<F>(fromUrl);
  const [draft, setDraft] = useState<F>(filters);
  const query = queryOf(filters);
  const { state, more } = usePages<T, string | undefined>(query, undefined, async (cursor) => {
    const page = await read(filters, cursor);
    return { items: page.items, next: page.nextCursor };
  });
  const apply = (event: Event) => {
    event.preventDefault();
    showFiltersInUrl(path, draft);
    setFilters(draft);
  };
  return { draft, setDraft, query, state, more, apply };
}

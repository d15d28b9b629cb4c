export type Filters = Record<string, string | readonly string[] | undefined>;

/**
 * The filters as a query string with the API's own parameter names (lists comma-separated, empty
 * ones left out): the same text goes into the page's URL, so a filtered view can be bookmarked, and
 * into its CSV export link.
 */
export function queryOf(filters: Filters): string {
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(filters)) {
    const text = Array.isArray(value) ? value.join(',') : (value as string | undefined);
    if (text) query.set(name, text);
  }
  return query.toString();
}

/** The filters that have a value (an empty list or text is no filter). */
export const withoutEmpty = <F extends Filters>(filters: F): F =>
  Object.fromEntries(Object.entries(filters).filter(([, value]) => (Array.isArray(value) ? value.length > 0 : Boolean(value)))) as F;

/** The route's query parameter `name` as a list (comma-separated in the URL). */
export const listParam = (params: URLSearchParams, name: string): string[] => (params.get(name) ?? '').split(',').filter(Boolean);

/** Keeps the filters in the URL fragment of the screen at `path`, so a bookmark opens the same view. */
export function showFiltersInUrl(path: string, filters: Filters): void {
  const query = queryOf(filters);
  window.history.replaceState(null, '', `${window.location.pathname}#${path}${query ? `?${query}` : ''}`);
}

/** A datetime-local input's value as ISO-8601 (local time), or undefined when empty. */
export const isoOf = (local: string): string | undefined => (local ? new Date(local).toISOString() : undefined);

/** An ISO-8601 time as a datetime-local input's value (local time, to the minute). */
export function localOf(iso: string | null): string {
  if (!iso) return '';
  const time = new Date(iso);
  if (Number.isNaN(time.getTime())) return '';
  return new Date(time.getTime() - time.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
}

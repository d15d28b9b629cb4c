import { useEffect, useState } from 'preact/hooks';

export type Paged<T> =
  | { kind: 'loading' }
  | { kind: 'failed'; message: string }
  | { kind: 'loaded'; items: T[]; more: boolean; loadingMore: boolean; moreError: string | null };

/**
 * A list read page by page: the first page whenever `key` changes (new filters), the next one on
 * `more()`, appended. `read(next)` answers a page's items and what to pass for the next page
 * (null when there is none). `remove(gone)` takes out of the list shown the items done with here.
 */
export function usePages<T, Next>(key: string, first: Next, read: (next: Next) => Promise<{ items: T[]; next: Next | null }>) {
  const [state, setState] = useState<Paged<T>>({ kind: 'loading' });
  const [next, setNext] = useState<Next | null>(null);
  useEffect(() => {
    let live = true;
    setState({ kind: 'loading' });
    read(first).then(
      (page) => live && (setState({ kind: 'loaded', items: page.items, more: page.next !== null, loadingMore: false, moreError: null }), setNext(page.next)),
      (error: Error) => live && setState({ kind: 'failed', message: error.message }),
    );
    return () => {
      live = false;
    };
  }, [key]);
  const more = async () => {
    if (state.kind !== 'loaded' || next === null) return;
    setState({ ...state, loadingMore: true, moreError: null });
    try {
      const page = await read(next);
      setState({ kind: 'loaded', items: [...state.items, ...page.items], more: page.next !== null, loadingMore: false, moreError: null });
      setNext(page.next);
    } catch (error) {
      setState({ ...state, loadingMore: false, moreError: (error as Error).message });
    }
  };
  const remove = (gone: (item: T) => boolean) =>
    setState((now) => (now.kind === 'loaded' ? { ...now, items: now.items.filter((item) => !gone(item)) } : now));
  return { state, more, remove };
}

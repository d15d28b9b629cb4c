import type { Page } from '../dto/page.js';

export type ResourceLister<T> = (page: { after: number }) => Promise<Page<T>>;

/**
 * Follows Lightspeed's version cursor from `afterVersion`: yields each page, then asks for the
 * next one with `after = version.max`, until a page comes back empty. Persist the last page's
 * `versionMax` to resume an incremental sync there.
 */
export async function* pagesSince<T>(lister: ResourceLister<T>, afterVersion = 0): AsyncGenerator<Page<T>, void, undefined> {
  let after = afterVersion;
  for (;;) {
    const page = await lister({ after });
    if (page.items.length === 0) return;
    yield page;
    // A cursor that does not advance would ask for the same page forever.
    if (page.versionMax === null || page.versionMax <= after) return;
    after = page.versionMax;
  }
}

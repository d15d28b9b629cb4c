/**
 * One page of a version-cursor collection. `versionMax` is the cursor for the next page
 * (`after: versionMax`); it is null when Lightspeed sent no version block (an empty page).
 */
export interface Page<T> {
  items: T[];
  versionMax: number | null;
}

export interface PageRequest {
  /** Exclusive lower version bound; omit or 0 for the first page. */
  after?: number;
  /** Lightspeed documents no maximum for 2.0; stay at or below 1000 and never assume full pages. */
  pageSize?: number;
}

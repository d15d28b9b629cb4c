/** The part of a transfer's sync state with Lightspeed that staff are told about. */
export interface SyncFacts {
  status: 'PENDING' | 'SYNCED' | 'FAILED' | 'NEEDS_ATTENTION';
  syncedVersion: number;
  wantedVersion: number;
}

export interface SyncWords {
  tone: 'done' | 'busy' | 'problem';
  text: string;
}

/**
 * A transfer's sync with Lightspeed as a store person would say it: whether the till's stock
 * already shows what was done here, and whether anyone needs to act.
 */
export function syncInWords(sync: SyncFacts | null | undefined, divergent = false): SyncWords {
  if (divergent) return { tone: 'problem', text: 'Lightspeed shows something different. Head office has been told and will check.' };
  if (!sync) return { tone: 'busy', text: 'Not in Lightspeed yet. It will be added in a moment.' };
  switch (sync.status) {
    case 'SYNCED':
      return sync.syncedVersion >= sync.wantedVersion
        ? { tone: 'done', text: 'Lightspeed is up to date.' }
        : { tone: 'busy', text: 'Updating Lightspeed with the latest changes.' };
    case 'PENDING':
      return { tone: 'busy', text: 'Updating Lightspeed with the latest changes.' };
    case 'FAILED':
      return { tone: 'busy', text: 'Lightspeed did not take the latest change yet. It will be tried again; nothing to do here.' };
    case 'NEEDS_ATTENTION':
      return { tone: 'problem', text: 'Lightspeed could not be updated. Head office has been told; carry on, nothing here is lost.' };
  }
}

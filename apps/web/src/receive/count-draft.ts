import { useEffect, useRef } from 'preact/hooks';
import { deviceDatabase } from '../outbox/device-database.js';
import type { LineCount, Row } from './receive-line.js';

/** A receipt being counted: what staff entered so far, not yet recorded. */
export interface CountDraft {
  transferId: string;
  /** Whose count it is: on a shared phone, another person's count is not given back to the next. */
  actorId: string;
  entries: Record<string, LineCount>;
  extras: Row[];
  photos: Blob[];
}

/** Scans come in bursts: the draft is written once they pause. */
const SAVE_AFTER_MS = 300;

const isEmpty = (draft: CountDraft) => Object.keys(draft.entries).length === 0 && draft.extras.length === 0 && draft.photos.length === 0;

async function save(draft: CountDraft): Promise<void> {
  const database = await deviceDatabase();
  await (isEmpty(draft) ? database.delete('drafts', draft.transferId) : database.put('drafts', draft));
}

/** The count was recorded (or kept as a receipt to send): nothing of it is to come back. */
export const discardDraft = async (transferId: string): Promise<void> => (await deviceDatabase()).delete('drafts', transferId);

/**
 * Keeps the count of a transfer on the device as it is made, and gives it back when the screen
 * opens again (after a reload, a crash or a closed tab). `restore` is called once, with the draft
 * or nothing; saving starts only after it, so an empty screen never overwrites a kept count.
 */
export function useCountDraft(draft: CountDraft, restore: (kept: CountDraft | undefined) => void): void {
  const restored = useRef(false);
  useEffect(() => {
    restored.current = false;
    void deviceDatabase()
      .then((database) => database.get('drafts', draft.transferId))
      .then((kept) => restore(kept?.actorId === draft.actorId ? kept : undefined), () => restore(undefined))
      .finally(() => (restored.current = true));
  }, [draft.transferId]);
  useEffect(() => {
    if (!restored.current) return;
    const timer = window.setTimeout(() => void save(draft), SAVE_AFTER_MS);
    return () => window.clearTimeout(timer);
  }, [draft.entries, draft.extras, draft.photos]);
}

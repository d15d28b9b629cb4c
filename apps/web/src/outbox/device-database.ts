import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { CountDraft } from '../receive/count-draft.js';
import type { OutboxReceipt } from './outbox-record.js';

interface DeviceSchema extends DBSchema {
  /** Receipts made here that the API has not recorded yet. */
  receipts: { key: string; value: OutboxReceipt };
  /** The count being made of each transfer, so a reload or a flat battery loses no scan. */
  drafts: { key: string; value: CountDraft };
}

let opened: Promise<IDBPDatabase<DeviceSchema>> | null = null;

/** One IndexedDB database per origin, for what the phone must not forget. */
export const deviceDatabase = () =>
  (opened ??= openDB<DeviceSchema>('dock-outbox', 2, {
    upgrade(db, oldVersion) {
      if (oldVersion < 1) db.createObjectStore('receipts', { keyPath: 'submission.receiptId' });
      if (oldVersion < 2) db.createObjectStore('drafts', { keyPath: 'transferId' });
    },
  }));

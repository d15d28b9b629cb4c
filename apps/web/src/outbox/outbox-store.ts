import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { OutboxReceipt } from './outbox-record.js';

interface OutboxSchema extends DBSchema {
  receipts: { key: string; value: OutboxReceipt };
}

let opened: Promise<IDBPDatabase<OutboxSchema>> | null = null;

/** One IndexedDB database per origin: what waits to be sent survives a reload, a closed tab or a flat battery. */
const database = () => (opened ??= openDB<OutboxSchema>('dock-outbox', 1, { upgrade: (db) => void db.createObjectStore('receipts', { keyPath: 'submission.receiptId' }) }));

export const keep = async (receipt: OutboxReceipt): Promise<void> => void (await (await database()).put('receipts', receipt));
export const forget = async (receiptId: string): Promise<void> => (await database()).delete('receipts', receiptId);
export const find = async (receiptId: string): Promise<OutboxReceipt | undefined> => (await database()).get('receipts', receiptId);
/** Oldest first, the order they were made in. */
export const everything = async (): Promise<OutboxReceipt[]> => (await (await database()).getAll('receipts')).sort((a, b) => a.createdAt.localeCompare(b.createdAt));

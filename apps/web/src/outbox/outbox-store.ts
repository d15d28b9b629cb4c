import { deviceDatabase } from './device-database.js';
import type { OutboxReceipt } from './outbox-record.js';

export const keep = async (receipt: OutboxReceipt): Promise<void> => void (await (await deviceDatabase()).put('receipts', receipt));
export const forget = async (receiptId: string): Promise<void> => (await deviceDatabase()).delete('receipts', receiptId);
/** Oldest first, the order they were made in. */
export const everything = async (): Promise<OutboxReceipt[]> => (await (await deviceDatabase()).getAll('receipts')).sort((a, b) => a.createdAt.localeCompare(b.createdAt));

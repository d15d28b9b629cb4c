import { MANAGERS_ONLY, type AccessRows } from '../../access-grants.js';

export const CORRECT_RECEIPT_ACCESS = { correctReceipt: MANAGERS_ONLY } satisfies AccessRows;

import { MANAGERS_ONLY, type AccessRows } from '../../access-grants.js';

export const REJECT_TRANSFER_ACCESS = { reject: MANAGERS_ONLY } satisfies AccessRows;

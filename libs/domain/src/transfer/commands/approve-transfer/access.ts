import { MANAGERS_ONLY, type AccessRows } from '../../access-grants.js';

/** Approving is a manager's; receiving surplus value on a purchase order asks the same roles. */
export const APPROVE_TRANSFER_ACCESS = { approve: MANAGERS_ONLY } satisfies AccessRows;

import { SENDING_WORK, type AccessRows } from '../../access-grants.js';

/**
 * Cancelling is the sending outlet's: it abandons that outlet's own work (an outlet transfer can be
 * cancelled only before it is sent); the receiving side asks a manager.
 */
export const CANCEL_TRANSFER_ACCESS = { cancel: SENDING_WORK } satisfies AccessRows;

import type { AccessRows } from '../../access-grants.js';

/**
 * Whoever may read the transfer and works on transfers may note something on it: staff of either of
 * its outlets, managers and admins anywhere (as they read). Auditors only read.
 */
export const ADD_TRANSFER_NOTE_ACCESS = { addNote: { staff: 'eitherOutlet', manager: 'anyOutlet', admin: 'anyOutlet' } } satisfies AccessRows;

import { RECEIVING_WORK, type AccessRows } from '../../access-grants.js';

/** Taking delivery is the receiving outlet's work, never the sender's own confirmation. */
export const RECEIVE_TRANSFER_ACCESS = { receivePartial: RECEIVING_WORK, receiveFinal: RECEIVING_WORK } satisfies AccessRows;

import { SENDING_WORK, type AccessRows } from '../../access-grants.js';

export const SEND_TRANSFER_ACCESS = { send: SENDING_WORK } satisfies AccessRows;

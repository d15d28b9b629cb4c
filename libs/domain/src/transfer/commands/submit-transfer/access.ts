import { SENDING_WORK, type AccessRows } from '../../access-grants.js';

export const SUBMIT_TRANSFER_ACCESS = { submit: SENDING_WORK } satisfies AccessRows;

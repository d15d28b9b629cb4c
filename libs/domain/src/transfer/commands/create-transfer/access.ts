import { SENDING_WORK, type AccessRows } from '../../access-grants.js';

/** A transfer is made up by the outlet that will send it. */
export const CREATE_TRANSFER_ACCESS = { create: SENDING_WORK } satisfies AccessRows;

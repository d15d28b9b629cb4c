import { SENDING_WORK, type AccessRows } from '../../access-grants.js';

export const MARK_PACKED_ACCESS = { pack: SENDING_WORK } satisfies AccessRows;

import type { AccessRows } from '../../access-grants.js';

/** Only the Lightspeed poller and webhook worker note external changes; no person may. */
export const RECORD_EXTERNAL_CHANGE_ACCESS = { noteExternalChange: {} } satisfies AccessRows;

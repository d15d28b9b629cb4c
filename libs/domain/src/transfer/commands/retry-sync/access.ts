import type { AccessRows } from '../../access-grants.js';

/** Operating the sync is the admins' work: they retry what it gave up on, for any outlet. */
export const RETRY_SYNC_ACCESS = { retrySync: { admin: 'anyOutlet' } } satisfies AccessRows;

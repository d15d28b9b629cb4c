/** The Bull queues of the Lightspeed sync, shared by the worker (processors) and the API (ops views). */
export const SYNC_QUEUE_NAME = 'lightspeed-sync';
/** The inbound sync's queue (webhook deliveries, polls), if the worker runs one. */
export const INBOUND_QUEUE_NAME = 'lightspeed-inbound';
/** The outbox relay that feeds SYNC_QUEUE_NAME; its checkpoint and health are stored under this name. */
export const SYNC_RELAY_NAME = 'lightspeed-sync';

export * from './metrics-server.js';
export * from './observability.module.js';
export * from './process-metrics.js';
export * from './sync-metrics.js';
export * from './worker-heartbeat.js';
export * from './queues.js';
export * from './enqueue-within.js';
export * from './sync-jobs.js';

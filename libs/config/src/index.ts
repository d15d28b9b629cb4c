export * from './environment.js';
export * from './logger-options.js';
export * from './config-imports.js';
export * from './http-server-limits.js';

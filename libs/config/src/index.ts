export * from './environment.js';
export * from './logger-options.js';
export * from './config-imports.js';

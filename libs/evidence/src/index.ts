export * from './evidence-kind.js';
export * from './evidence-refusal.js';
export * from './detect-media-type.js';
export * from './inspect-evidence.js';
export { stripLocation } from './metadata/strip-location.js';
export { checkSvg } from './svg/check-svg.js';

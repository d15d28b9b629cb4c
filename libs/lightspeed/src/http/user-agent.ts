/** Lightspeed asks integrations to identify themselves. */
export const DEFAULT_USER_AGENT = 'consignments-lightspeed-client/0.1 (+stock transfers sync; Node.js)';

/** The Azure API Management gateway's body, used for auth, rate limit and injected 5xx answers. */
export function gatewayBody(statusCode: number, message: string) {
  return { statusCode, message };
}

export const INVALID_SUBSCRIPTION_KEY = gatewayBody(
  401,
  'Access denied due to invalid subscription key. Make sure to provide a valid key for an active subscription.',
);
export const INVALID_API_KEY = gatewayBody(403, 'Access denied due to an invalid StarShipIT-Api-Key.');
export const RATE_LIMIT_EXCEEDED = gatewayBody(429, 'Rate limit is exceeded. Try again in 1 seconds.');

export const SERVER_ERRORS: Record<number, { statusCode: number; message: string }> = {
  500: gatewayBody(500, 'Internal server error'),
  502: gatewayBody(502, 'Bad gateway'),
  503: gatewayBody(503, 'Service unavailable'),
  504: gatewayBody(504, 'Gateway timeout'),
};

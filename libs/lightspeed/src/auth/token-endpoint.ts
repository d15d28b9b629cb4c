import { LightspeedError, LightspeedMappingError, LightspeedTransportError } from '../errors.js';
import { JsonObject } from '../mapping/json-object.js';

export const TOKEN_PATH = '/api/1.0/token';

export interface IssuedToken {
  accessToken: string;
  /** Null when Lightspeed did not rotate it (pre-2025 behaviour): keep the old one. */
  refreshToken: string | null;
  expiresAt: Date;
}

export interface TokenRequest {
  baseUrl: string;
  clientId: string;
  clientSecret: string;
  refreshToken: string;
  userAgent: string;
  timeoutMs: number;
  fetch: typeof fetch;
  now: () => number;
}

/**
 * `POST {baseUrl}/api/1.0/token`, form-encoded (never the query string), grant_type=refresh_token.
 * Errors carry Lightspeed's body but never the request's secrets.
 */
export async function requestTokenRefresh(request: TokenRequest): Promise<IssuedToken> {
  const form = new URLSearchParams({
    grant_type: 'refresh_token',
    refresh_token: request.refreshToken,
    client_id: request.clientId,
    client_secret: request.clientSecret,
  });
  let response: Response;
  let text: string;
  const signal = AbortSignal.timeout(request.timeoutMs);
  try {
    response = await request.fetch(`${request.baseUrl}${TOKEN_PATH}`, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        accept: 'application/json',
        'user-agent': request.userAgent,
      },
      body: form.toString(),
      signal,
    });
    text = await response.text();
  } catch (error) {
    throw new LightspeedTransportError(signal.aborted ? 'timeout' : 'network', 'POST', TOKEN_PATH, true, {
      cause: error,
    });
  }
  const body = parseJson(text);
  if (!response.ok) throw new LightspeedError(response.status, body, 'POST', TOKEN_PATH);
  return issuedTokenFromLightspeed(body, request.now());
}

function issuedTokenFromLightspeed(body: unknown, now: number): IssuedToken {
  const object = JsonObject.from(body, 'token');
  const accessToken = object.string('access_token');
  const refreshToken = object.optionalString('refresh_token') || null;
  const expires = object.raw('expires');
  const expiresIn = object.raw('expires_in');
  let expiresAt: number;
  if (typeof expires === 'number' && Number.isFinite(expires)) expiresAt = expires * 1000;
  else if (typeof expiresIn === 'number' && Number.isFinite(expiresIn)) expiresAt = now + expiresIn * 1000;
  else throw new LightspeedMappingError('token.expires', 'neither expires nor expires_in is a number');
  return { accessToken, refreshToken, expiresAt: new Date(expiresAt) };
}

export function parseJson(text: string): unknown {
  if (text === '') return null;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

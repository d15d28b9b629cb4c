import { createRandom, randomToken, type Random } from '../shared/prng.js';

export interface IssuedTokens {
  access_token: string;
  token_type: 'Bearer';
  expires: number;
  expires_in: number;
  refresh_token: string;
  domain_prefix: string;
  scope: string;
}

export const SCOPES =
  'consignments:read consignments:write:stock_order consignments:write:stock_transfer ' +
  'consignments:write:inventory_count products:read outlets:read suppliers:read inventory:read webhooks';

const CODE_TTL_MS = 10 * 60_000;

interface Options {
  accessTokenTtlSeconds: number;
  refreshToken: string;
  personalToken: string | undefined;
  domainPrefix: string;
  seed: number;
  now: () => number;
}

/**
 * Access tokens (expiring), rotating refresh tokens and single-use authorization codes. Every check-and-revoke
 * below is synchronous, so of two concurrent refreshes with the same token exactly one wins.
 */
export class TokenRegistry {
  private readonly accessTokens = new Map<string, number>();
  /** refresh token → still usable. Revoked tokens are kept to answer invalid_grant. */
  private readonly refreshTokens = new Map<string, boolean>();
  private readonly codes = new Map<string, { expiresAt: number; redirectUri: string | undefined }>();
  private random: Random;

  constructor(private readonly options: Options) {
    this.random = createRandom(options.seed ^ 0x70c3);
    this.reset();
  }

  reset(): void {
    this.accessTokens.clear();
    this.refreshTokens.clear();
    this.codes.clear();
    this.random = createRandom(this.options.seed ^ 0x70c3);
    this.refreshTokens.set(this.options.refreshToken, true);
  }

  isValidAccessToken(token: string): boolean {
    if (this.options.personalToken !== undefined && token === this.options.personalToken) return true;
    const expiresAt = this.accessTokens.get(token);
    return expiresAt !== undefined && expiresAt > this.options.now();
  }

  /** The `expire-tokens` fault: every issued access token stops working now (a personal token keeps working). */
  expireAccessTokens(): void {
    this.accessTokens.clear();
  }

  /** Rotation: the presented refresh token is revoked and a new one issued; undefined when unknown or revoked. */
  refresh(refreshToken: string): IssuedTokens | undefined {
    if (this.refreshTokens.get(refreshToken) !== true) return undefined;
    this.refreshTokens.set(refreshToken, false);
    return this.issue();
  }

  createCode(redirectUri: string | undefined): string {
    const code = randomToken(this.random, 16);
    this.codes.set(code, { expiresAt: this.options.now() + CODE_TTL_MS, redirectUri });
    return code;
  }

  /** Single use: the code is gone after the first attempt, right or wrong. */
  exchangeCode(code: string, redirectUri: string | undefined): IssuedTokens | undefined {
    const entry = this.codes.get(code);
    this.codes.delete(code);
    if (entry === undefined || entry.expiresAt <= this.options.now()) return undefined;
    if (entry.redirectUri !== undefined && entry.redirectUri !== redirectUri) return undefined;
    return this.issue();
  }

  /** Mints a token pair directly (for tests and tools). */
  issue(): IssuedTokens {
    const ttl = this.options.accessTokenTtlSeconds;
    const accessToken = randomToken(this.random);
    const refreshToken = randomToken(this.random);
    const nowMs = this.options.now();
    this.accessTokens.set(accessToken, nowMs + ttl * 1000);
    this.refreshTokens.set(refreshToken, true);
    return {
      access_token: accessToken,
      token_type: 'Bearer',
      expires: Math.floor(nowMs / 1000) + ttl,
      expires_in: ttl,
      refresh_token: refreshToken,
      domain_prefix: this.options.domainPrefix,
      scope: SCOPES,
    };
  }
}

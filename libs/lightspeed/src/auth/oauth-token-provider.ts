import { CredentialCipher } from './credential-cipher.js';
import type { CredentialRows } from './credential-rows.js';
import { CredentialsStore, type StoredCredentials } from './credentials-store.js';
import { requestTokenRefresh } from './token-endpoint.js';
import type { TokenProvider } from './token-provider.js';
import { DEFAULT_USER_AGENT } from '../http/user-agent.js';

export interface OAuthTokenProviderOptions {
  /** `https://{domain_prefix}.retail.lightspeed.app`; the token endpoint is `{baseUrl}/api/1.0/token`. */
  baseUrl: string;
  /** Row key in `lightspeed_credentials`, normally the domain prefix. */
  store: string;
  clientId: string;
  clientSecret: string;
  /** Used only when the table holds no row for `store` yet. */
  initialRefreshToken?: string;
  /** Where the store's tokens are kept, encrypted. */
  credentials: CredentialRows;
  /** 32 bytes, base64: the AES-256-GCM key for tokens at rest. */
  encryptionKey: string;
  /** Refresh this long before the access token expires. Default 5 minutes. */
  refreshMarginMs?: number;
  /** Timeout of one token request. Default 15 s. */
  requestTimeoutMs?: number;
  userAgent?: string;
  fetch?: typeof fetch;
  now?: () => number;
}

interface UsableToken {
  token: string;
  expiresAt: number;
}

/**
 * OAuth2 refresh-token flow with rotating refresh tokens. At most one refresh at a time: callers in
 * this process share one in-flight promise, and processes serialise on a PostgreSQL advisory lock,
 * re-reading the row once they hold it because another process may have refreshed meanwhile.
 * The token call runs inside that transaction (bounded by `requestTimeoutMs`), so the rotated pair
 * is written before the lock is released. If Lightspeed rotates the token but the COMMIT then
 * fails, the stored refresh token is revoked and the store must be re-authorised: the window is
 * one UPDATE wide.
 */
export class OAuthTokenProvider implements TokenProvider {
  readonly #options: OAuthTokenProviderOptions;
  readonly #store: CredentialsStore;
  readonly #margin: number;
  readonly #now: () => number;
  #cached: UsableToken | null = null;
  #inflight: Promise<UsableToken> | null = null;

  constructor(options: OAuthTokenProviderOptions) {
    this.#options = { ...options, baseUrl: options.baseUrl.replace(/\/+$/, '') };
    this.#store = new CredentialsStore(options.store, new CredentialCipher(options.encryptionKey), options.credentials);
    this.#margin = options.refreshMarginMs ?? 5 * 60_000;
    this.#now = options.now ?? Date.now;
  }

  async accessToken(): Promise<string> {
    if (this.#cached && this.#fresh(this.#cached)) return this.#cached.token;
    return (await this.#singleFlight(null)).token;
  }

  async renewAfterRejection(rejected: string): Promise<string | null> {
    if (this.#cached?.token === rejected) this.#cached = null;
    const renewed = await this.#singleFlight(rejected);
    return renewed.token === rejected ? null : renewed.token;
  }

  toJSON(): string {
    return `[OAuthTokenProvider ${this.#options.store}]`;
  }

  #fresh(token: UsableToken): boolean {
    return token.expiresAt - this.#margin > this.#now();
  }

  #usable(token: UsableToken, rejected: string | null): boolean {
    return this.#fresh(token) && token.token !== rejected;
  }

  async #singleFlight(rejected: string | null, depth = 0): Promise<UsableToken> {
    const pending = this.#inflight;
    if (pending) {
      const result = await pending.catch(() => undefined);
      if (result && this.#usable(result, rejected)) return result;
    }
    if (!this.#inflight) {
      this.#inflight = this.#obtain(rejected).finally(() => {
        this.#inflight = null;
      });
      return this.#inflight;
    }
    // Someone else started another round while we waited: join it, then judge its result.
    return depth < 2 ? this.#singleFlight(rejected, depth + 1) : this.#inflight;
  }

  async #obtain(rejected: string | null): Promise<UsableToken> {
    const stored = await this.#store.read();
    const current = stored && this.#asUsable(stored);
    if (current && this.#usable(current, rejected)) return (this.#cached = current);

    const renewed = await this.#store.whileRefreshing(async (credentials) => {
      if (this.#options.initialRefreshToken) await credentials.seed(this.#options.initialRefreshToken);
      const locked = await credentials.read();
      if (!locked) throw new Error(`no Lightspeed refresh token is stored for ${this.#options.store} and none was given`);
      const latest = this.#asUsable(locked);
      if (latest && this.#usable(latest, rejected)) return latest;

      const issued = await requestTokenRefresh({
        baseUrl: this.#options.baseUrl,
        clientId: this.#options.clientId,
        clientSecret: this.#options.clientSecret,
        refreshToken: locked.refreshToken,
        userAgent: this.#options.userAgent ?? DEFAULT_USER_AGENT,
        timeoutMs: this.#options.requestTimeoutMs ?? 15_000,
        fetch: this.#options.fetch ?? fetch,
        now: this.#now,
      });
      await credentials.replace({
        refreshToken: issued.refreshToken ?? locked.refreshToken,
        accessToken: issued.accessToken,
        accessTokenExpiresAt: issued.expiresAt,
      });
      return { token: issued.accessToken, expiresAt: issued.expiresAt.getTime() };
    });
    return (this.#cached = renewed);
  }

  #asUsable(stored: StoredCredentials): UsableToken | null {
    if (!stored.accessToken || !stored.accessTokenExpiresAt) return null;
    return { token: stored.accessToken, expiresAt: stored.accessTokenExpiresAt.getTime() };
  }
}

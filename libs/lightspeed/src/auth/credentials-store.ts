import type { CredentialCipher } from './credential-cipher.js';
import type { CredentialRows, EncryptedCredentials, LockedCredentialRows } from './credential-rows.js';

export interface StoredCredentials {
  refreshToken: string;
  accessToken: string | null;
  accessTokenExpiresAt: Date | null;
}

/** One store's credentials inside its refresh transaction, in plain text. */
export interface LockedCredentials {
  seed(refreshToken: string): Promise<void>;
  read(): Promise<StoredCredentials | null>;
  replace(credentials: StoredCredentials & { accessToken: string; accessTokenExpiresAt: Date }): Promise<void>;
}

/** A store's credential rows, decrypted on the way out and encrypted on the way in. */
export class CredentialsStore {
  constructor(
    private readonly store: string,
    private readonly cipher: CredentialCipher,
    private readonly rows: CredentialRows,
  ) {}

  async read(): Promise<StoredCredentials | null> {
    return this.decrypted(await this.rows.read(this.store));
  }

  /** Serialises refreshes of this store across processes for as long as `work` runs (one transaction). */
  whileRefreshing<T>(work: (credentials: LockedCredentials) => Promise<T>): Promise<T> {
    return this.rows.whileRefreshing(this.store, (rows) => work(this.locked(rows)));
  }

  private locked(rows: LockedCredentialRows): LockedCredentials {
    return {
      seed: (refreshToken) => rows.seed(this.cipher.encrypt(refreshToken, this.aad('refresh_token'))),
      read: async () => this.decrypted(await rows.read()),
      replace: (credentials) =>
        rows.replace({
          refreshToken: this.cipher.encrypt(credentials.refreshToken, this.aad('refresh_token')),
          accessToken: this.cipher.encrypt(credentials.accessToken, this.aad('access_token')),
          accessTokenExpiresAt: credentials.accessTokenExpiresAt,
        }),
    };
  }

  private decrypted(row: EncryptedCredentials | null): StoredCredentials | null {
    if (!row) return null;
    return {
      refreshToken: this.cipher.decrypt(row.refreshToken, this.aad('refresh_token')),
      accessToken: row.accessToken ? this.cipher.decrypt(row.accessToken, this.aad('access_token')) : null,
      accessTokenExpiresAt: row.accessTokenExpiresAt,
    };
  }

  private aad(column: string): string {
    return `lightspeed_credentials:${this.store}:${column}`;
  }
}

import type { SqlClient } from '#persistence';
import type { CredentialCipher } from './credential-cipher.js';

/** What the token provider needs from the database; `Database` from #persistence fits. */
export interface CredentialsDatabase {
  transaction<T>(work: (client: SqlClient) => Promise<T>): Promise<T>;
  withClient<T>(work: (client: SqlClient) => Promise<T>): Promise<T>;
}

export interface StoredCredentials {
  refreshToken: string;
  accessToken: string | null;
  accessTokenExpiresAt: Date | null;
}

interface CredentialsRow extends Record<string, unknown> {
  refresh_token_encrypted: Buffer;
  access_token_encrypted: Buffer | null;
  access_token_expires_at: Date | null;
}

/** Rows of `lightspeed_credentials`, decrypted on the way out and encrypted on the way in. */
export class CredentialsStore {
  constructor(
    private readonly store: string,
    private readonly cipher: CredentialCipher,
  ) {}

  async read(client: SqlClient, forUpdate = false): Promise<StoredCredentials | null> {
    const { rows } = await client.query<CredentialsRow>(
      `SELECT refresh_token_encrypted, access_token_encrypted, access_token_expires_at
         FROM lightspeed_credentials WHERE store = $1${forUpdate ? ' FOR UPDATE' : ''}`,
      [this.store],
    );
    const row = rows[0];
    if (!row) return null;
    return {
      refreshToken: this.cipher.decrypt(row.refresh_token_encrypted, this.aad('refresh_token')),
      accessToken: row.access_token_encrypted
        ? this.cipher.decrypt(row.access_token_encrypted, this.aad('access_token'))
        : null,
      accessTokenExpiresAt: row.access_token_expires_at,
    };
  }

  /** Seeds the row with a refresh token unless one is stored already. */
  async seed(client: SqlClient, refreshToken: string): Promise<void> {
    await client.query(
      `INSERT INTO lightspeed_credentials (store, refresh_token_encrypted) VALUES ($1, $2) ON CONFLICT (store) DO NOTHING`,
      [this.store, this.cipher.encrypt(refreshToken, this.aad('refresh_token'))],
    );
  }

  /** Replaces the whole pair in one statement: a rotated refresh token is never stored without its access token. */
  async replace(client: SqlClient, credentials: StoredCredentials & { accessToken: string; accessTokenExpiresAt: Date }): Promise<void> {
    await client.query(
      `UPDATE lightspeed_credentials
          SET refresh_token_encrypted = $2, access_token_encrypted = $3, access_token_expires_at = $4,
              refresh_count = refresh_count + 1, refreshed_at = now(), updated_at = now()
        WHERE store = $1`,
      [
        this.store,
        this.cipher.encrypt(credentials.refreshToken, this.aad('refresh_token')),
        this.cipher.encrypt(credentials.accessToken, this.aad('access_token')),
        credentials.accessTokenExpiresAt,
      ],
    );
  }

  /**
   * Serialises refreshes of this store across processes until the transaction ends. A transaction
   * lock is released by COMMIT/ROLLBACK and by a dropped connection, so a crash never leaves it held.
   */
  async lock(client: SqlClient): Promise<void> {
    await client.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [`lightspeed_credentials:${this.store}`]);
  }

  private aad(column: string): string {
    return `lightspeed_credentials:${this.store}:${column}`;
  }
}

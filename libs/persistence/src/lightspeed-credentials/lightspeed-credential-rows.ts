import type { Database } from '../database/database.js';
import type { SqlClient } from '../database/sql-client.js';

/** A store's row of `lightspeed_credentials`, tokens encrypted (the lightspeed library holds the key). */
export interface CredentialRow {
  refreshToken: Buffer;
  accessToken: Buffer | null;
  accessTokenExpiresAt: Date | null;
}

interface Row extends Record<string, unknown> {
  refresh_token_encrypted: Buffer;
  access_token_encrypted: Buffer | null;
  access_token_expires_at: Date | null;
}

/** The token provider's `CredentialRows` (declared in #lightspeed) over `lightspeed_credentials`. */
export class LightspeedCredentialRows {
  constructor(private readonly database: Database) {}

  read(store: string): Promise<CredentialRow | null> {
    return this.database.withClient((client) => readRow(client, store, false));
  }

  /**
   * A transaction lock serialises refreshes of one store across processes; COMMIT, ROLLBACK and a
   * dropped connection all release it, so a crash never leaves it held.
   */
  whileRefreshing<T>(store: string, work: (rows: LockedLightspeedCredentialRows) => Promise<T>): Promise<T> {
    return this.database.transaction(async (client) => {
      await client.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [`lightspeed_credentials:${store}`]);
      return work(new LockedLightspeedCredentialRows(client, store));
    });
  }
}

export class LockedLightspeedCredentialRows {
  constructor(
    private readonly client: SqlClient,
    private readonly store: string,
  ) {}

  read(): Promise<CredentialRow | null> {
    return readRow(this.client, this.store, true);
  }

  async seed(refreshToken: Buffer): Promise<void> {
    await this.client.query(
      'INSERT INTO lightspeed_credentials (store, refresh_token_encrypted) VALUES ($1, $2) ON CONFLICT (store) DO NOTHING',
      [this.store, refreshToken],
    );
  }

  async replace(credentials: { refreshToken: Buffer; accessToken: Buffer; accessTokenExpiresAt: Date }): Promise<void> {
    await this.client.query(
      `UPDATE lightspeed_credentials
          SET refresh_token_encrypted = $2, access_token_encrypted = $3, access_token_expires_at = $4,
              refresh_count = refresh_count + 1, refreshed_at = now(), updated_at = now()
        WHERE store = $1`,
      [this.store, credentials.refreshToken, credentials.accessToken, credentials.accessTokenExpiresAt],
    );
  }
}

async function readRow(client: SqlClient, store: string, forUpdate: boolean): Promise<CredentialRow | null> {
  const { rows } = await client.query<Row>(
    `SELECT refresh_token_encrypted, access_token_encrypted, access_token_expires_at
       FROM lightspeed_credentials WHERE store = $1${forUpdate ? ' FOR UPDATE' : ''}`,
    [store],
  );
  const row = rows[0];
  return row
    ? { refreshToken: row.refresh_token_encrypted, accessToken: row.access_token_encrypted, accessTokenExpiresAt: row.access_token_expires_at }
    : null;
}

/** One store's tokens as they are at rest: encrypted, each under its own associated data. */
export interface EncryptedCredentials {
  refreshToken: Buffer;
  accessToken: Buffer | null;
  accessTokenExpiresAt: Date | null;
}

/**
 * Where the token provider keeps each store's tokens (the port; `LightspeedCredentialRows` in
 * #persistence implements it over `lightspeed_credentials`).
 */
export interface CredentialRows {
  read(store: string): Promise<EncryptedCredentials | null>;
  /**
   * Runs `work` in one transaction that holds the store's refresh lock until it ends, across
   * processes; a crash or a dropped connection releases it.
   */
  whileRefreshing<T>(store: string, work: (rows: LockedCredentialRows) => Promise<T>): Promise<T>;
}

/** The store's row inside the refresh transaction. */
export interface LockedCredentialRows {
  /** Stores a first refresh token unless one is stored already. */
  seed(refreshToken: Buffer): Promise<void>;
  /** The row, locked until the transaction ends. */
  read(): Promise<EncryptedCredentials | null>;
  /** Replaces the whole pair at once: a rotated refresh token is never stored without its access token. */
  replace(credentials: { refreshToken: Buffer; accessToken: Buffer; accessTokenExpiresAt: Date }): Promise<void>;
}

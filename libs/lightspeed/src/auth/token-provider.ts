/**
 * Where the client gets its bearer token. `renewAfterRejection` is called once when Lightspeed
 * answers 401 to `rejected`: it returns a different token to retry with, or null when there is none.
 */
export interface TokenProvider {
  accessToken(): Promise<string>;
  renewAfterRejection(rejected: string): Promise<string | null>;
}

/** A personal token (Setup → Personal Tokens): a static bearer; a 401 is final. */
export class PersonalTokenProvider implements TokenProvider {
  readonly #token: string;

  constructor(token: string) {
    if (!token) throw new RangeError('a personal token is required');
    this.#token = token;
  }

  async accessToken(): Promise<string> {
    return this.#token;
  }

  async renewAfterRejection(): Promise<string | null> {
    return null;
  }

  toJSON(): string {
    return '[PersonalTokenProvider]';
  }
}

/**
 * Idempotency-Keys by intent ("pack", "packed:<product>:<quantity>"): asking again for the same
 * intent gives the same key until it is forgotten, so a retry after a lost answer is written once.
 */
export class RetryKeys {
  private readonly keys = new Map<string, string>();

  keyFor(intent: string): string {
    let key = this.keys.get(intent);
    if (!key) this.keys.set(intent, (key = crypto.randomUUID()));
    return key;
  }

  /** Forgets every intent starting with `prefix`, once what it asked for is done (or superseded). */
  forget(prefix: string): void {
    for (const intent of [...this.keys.keys()]) if (intent.startsWith(prefix)) this.keys.delete(intent);
  }
}

import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';

/** What the client knows of one command: the key it sent, and the last answer it got. */
export interface CommandRecord {
  idempotencyKey: string;
  transferId: string;
  action: string;
  /** The final HTTP status, or 0 when no answer came before the client gave up. */
  status: number;
  /** The stream version the 2xx answer reported. */
  version: number | null;
  /** Requests sent for this command (more than one: an answer was lost or refused, and it was repeated). */
  attempts: number;
}

const RETRYABLE = (status: number) => status === 0 || status === 429 || status >= 500;

/**
 * A client that behaves as a careful integrator: every command carries an Idempotency-Key (and
 * a fresh X-Correlation-Id per request); a lost answer, a 5xx or a 429 is repeated with the same
 * key until `retryForMs` runs out. Every outcome is recorded, for the exactly-once check.
 */
export class CommandClient {
  readonly records: CommandRecord[] = [];

  constructor(
    private readonly baseUrl: string,
    private readonly authorization: string,
    private readonly retryForMs = 90_000,
  ) {}

  async command(method: 'POST' | 'PUT', path: string, transferId: string, body?: unknown): Promise<CommandRecord> {
    const record: CommandRecord = {
      idempotencyKey: randomUUID(),
      transferId,
      action: `${method} ${path.replace(new RegExp(transferId, 'i'), ':id').replace(/items\/[^/]+/, 'items/:product')}`,
      status: 0,
      version: null,
      attempts: 0,
    };
    this.records.push(record);
    const deadline = Date.now() + this.retryForMs;
    for (;;) {
      record.attempts++;
      const { status, json } = await this.send(method, path, record.idempotencyKey, body);
      record.status = status;
      if (status >= 200 && status < 300) {
        record.version = typeof json?.version === 'number' ? json.version : null;
        return record;
      }
      if (!RETRYABLE(status) || Date.now() > deadline) return record;
      await sleep(Math.min(100 * record.attempts, 1_000));
    }
  }

  /** A read as an admin would make it (no retries). */
  async get<T>(path: string): Promise<T> {
    const response = await fetch(`${this.baseUrl}/api/v1${path}`, { headers: { Authorization: this.authorization }, signal: AbortSignal.timeout(10_000) });
    if (!response.ok) throw new Error(`GET ${path}: HTTP ${response.status}`);
    return (await response.json()) as T;
  }

  private async send(method: string, path: string, key: string, body: unknown): Promise<{ status: number; json: any }> {
    try {
      const response = await fetch(`${this.baseUrl}/api/v1${path}`, {
        method,
        headers: {
          Authorization: this.authorization,
          'Content-Type': 'application/json',
          'Idempotency-Key': key,
          'X-Correlation-Id': randomUUID(),
        },
        body: JSON.stringify(body ?? {}),
        signal: AbortSignal.timeout(15_000),
      });
      const text = await response.text();
      return { status: response.status, json: text ? JSON.parse(text) : null };
    } catch {
      return { status: 0, json: null };
    }
  }

  summary(): { acknowledged: number; refused: number; unanswered: number; repeated: number } {
    const ok = (record: CommandRecord) => record.status >= 200 && record.status < 300;
    return {
      acknowledged: this.records.filter(ok).length,
      refused: this.records.filter((record) => record.status >= 400).length,
      unanswered: this.records.filter((record) => record.status === 0).length,
      repeated: this.records.filter((record) => record.attempts > 1).length,
    };
  }
}

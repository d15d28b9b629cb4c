/** The command was decided on a version that is no longer current: 409 with the current version. */
export class VersionConflictError extends Error {
  constructor(
    readonly transferId: string,
    readonly currentVersion: number,
    readonly expectedVersion: number | null,
  ) {
    super(
      expectedVersion === null
        ? `Transfer ${transferId} kept changing while this command was retried; current version is ${currentVersion}`
        : `Transfer ${transferId} is at version ${currentVersion}, not ${expectedVersion}`,
    );
    this.name = 'VersionConflictError';
  }
}

/** The Idempotency-Key was used before for a different request. */
export class IdempotencyKeyReusedError extends Error {
  constructor(readonly key: string) {
    super(`Idempotency-Key ${key} was already used for a different request`);
    this.name = 'IdempotencyKeyReusedError';
  }
}

/** A concurrent request with the same Idempotency-Key committed first; the retry replays its answer. */
export class IdempotencyRaceError extends Error {
  constructor() {
    super('A concurrent request with the same Idempotency-Key committed first');
    this.name = 'IdempotencyRaceError';
  }
}

/** The command was decided on a version that is no longer current: 409 with the current version. */
export class VersionConflictError extends Error {
  /** `aggregate` names what the id is of, as its streams do (`transfer`, `box-type`). */
  constructor(
    readonly aggregate: string,
    readonly aggregateId: string,
    readonly currentVersion: number,
    readonly expectedVersion: number | null,
  ) {
    const named = `${aggregate.charAt(0).toUpperCase()}${aggregate.slice(1).replace(/-/g, ' ')} ${aggregateId}`;
    super(
      expectedVersion === null
        ? `${named} kept changing while this command was retried; current version is ${currentVersion}`
        : `${named} is at version ${currentVersion}, not ${expectedVersion}`,
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

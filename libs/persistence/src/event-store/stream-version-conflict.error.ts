/** Another writer appended to the stream after the version this one decided on. */
export class StreamVersionConflictError extends Error {
  constructor(
    readonly streamId: string,
    readonly expectedVersion: number,
  ) {
    super(`Stream ${streamId} moved past version ${expectedVersion}`);
    this.name = 'StreamVersionConflictError';
  }
}

/**
 * Published on the in-process EventBus after a command commits. It only nudges in-process
 * listeners; projections and the Lightspeed relay read the event store, never this.
 */
export class TransferChanged {
  constructor(
    readonly transferId: string,
    readonly version: number,
    readonly eventTypes: string[],
    readonly correlationId: string,
  ) {}
}

import { LightspeedError, LightspeedTransportError, type DesiredConsignment, type SyncStep } from '#lightspeed';

/**
 * Lightspeed refused a write with an answer that will not change however often it is sent (a 4xx other than a
 * 401 the token refresh deals with and a 429 the throttle waits out). The transfer waits for an operator.
 */
export class LightspeedRefusalError extends Error {
  override readonly name = 'LightspeedRefusalError';
  constructor(
    /** Lightspeed's own answer, as the HTTP layer reported it. */
    readonly storeMessage: string,
    /** One sentence: what an operator should do. */
    readonly action: string,
  ) {
    super(storeMessage);
  }
}

export function isRefusal(error: unknown): error is LightspeedError {
  return error instanceof LightspeedError && error.status >= 400 && error.status < 500 && error.status !== 401 && error.status !== 429;
}

/** A write that may or may not have been applied: a 5xx, a timeout, an answer lost on the way back. */
export function isAmbiguous(error: unknown): boolean {
  if (error instanceof LightspeedError) return error.status >= 500;
  return error instanceof LightspeedTransportError && error.requestSent;
}

const RETRY = 'then retry the sync (a new command on the transfer, or POST /api/v1/admin/jobs/:id/retry)';

/** What an operator should do about a refusal of this step, per kind of refusal where it is known. */
export function operatorAction(step: SyncStep, desired: DesiredConsignment, error: LightspeedError): string {
  if (error.status === 403) {
    return `Lightspeed denied the app this write (a scope missing?): re-connect the store with the consignment write scopes (runbooks/lightspeed.md), ${RETRY}.`;
  }
  if (error.status === 404) {
    return `The consignment is no longer in Lightspeed (deleted there?): check it there, and if it is gone cancel or recreate the transfer, ${RETRY}.`;
  }
  switch (step.kind) {
    case 'create':
      return `Lightspeed would not create the consignment: check that its outlets and supplier exist and are active in Lightspeed, ${RETRY}.`;
    case 'add-to-lines':
    case 'set-line':
      return `Lightspeed refused the line quantities: compare the consignment's lines in Lightspeed with the transfer, correct them there by hand, ${RETRY}.`;
    case 'set-status':
      if (step.status === 'RECEIVED' && !desired.lines.some((line) => line.received > 0)) {
        return `Lightspeed will not receive a consignment with nothing received: cancel it in Lightspeed (nothing arrived), ${RETRY}.`;
      }
      return `Lightspeed would not move the consignment to ${step.status}: check its status in Lightspeed and move it there by hand, ${RETRY}.`;
    default:
      return `Check the consignment in Lightspeed against the transfer, ${RETRY}.`;
  }
}

import { CarrierAuthError, CarrierError, CarrierRateLimited, CarrierRejected } from '#freight';
import { ProblemException } from '../http/problem.exception.js';

/**
 * What a caller hears when Starshipit refuses or fails: its refusal of what we sent (422, in its
 * words), our credentials refused (502: ops must fix the configuration), or Starshipit busy or
 * down (503: try again). Anything else is not a carrier failure and goes on as it is.
 */
export function carrierProblem(error: unknown): unknown {
  if (!(error instanceof CarrierError)) return error;
  if (error instanceof CarrierRejected) {
    return new ProblemException(422, 'CARRIER_REFUSED', `Starshipit refused it: ${error.reason}`, { carrierErrors: error.errors });
  }
  if (error instanceof CarrierAuthError) {
    return new ProblemException(502, 'CARRIER_AUTH_FAILED', 'Starshipit refused our credentials: ops must check STARSHIPIT_API_KEY and STARSHIPIT_SUBSCRIPTION_KEY');
  }
  const busy = error instanceof CarrierRateLimited;
  return new ProblemException(503, 'CARRIER_UNAVAILABLE', busy ? 'Starshipit is busy: try again in a moment' : 'Starshipit did not answer in time: try again in a moment');
}

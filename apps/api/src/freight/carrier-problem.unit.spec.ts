import { describe, expect, it } from '@jest/globals';
import { CarrierAuthError, CarrierRateLimited, CarrierRejected, CarrierUnavailable } from '#freight';
import { ProblemException } from '../http/problem.exception.js';
import { carrierProblem } from './carrier-problem.js';

const problem = (error: unknown) => carrierProblem(error) as ProblemException;

describe("what a caller hears of Starshipit's refusals and failures", () => {
  it("passes on Starshipit's refusal of what we sent as a 422 in its own words", () => {
    const refused = problem(new CarrierRejected(400, [{ message: 'Invalid postcode', details: 'post_code 99999 is not in AU' }], 'rates'));
    expect([refused.status, refused.code, refused.message]).toEqual([422, 'CARRIER_REFUSED', 'Starshipit refused it: Invalid postcode']);
    expect(refused.extensions).toEqual({ carrierErrors: [{ message: 'Invalid postcode', details: 'post_code 99999 is not in AU' }] });
  });

  it('calls refused credentials a 502 for ops, and a busy or silent Starshipit a 503 to try again', () => {
    expect(problem(new CarrierAuthError(401, 'Access denied', 'rates'))).toMatchObject({ status: 502, code: 'CARRIER_AUTH_FAILED' });
    expect(problem(new CarrierRateLimited('rates', null))).toMatchObject({ status: 503, code: 'CARRIER_UNAVAILABLE', message: expect.stringContaining('busy') });
    expect(problem(new CarrierUnavailable('timeout', 'rates', null, true))).toMatchObject({ status: 503, code: 'CARRIER_UNAVAILABLE', message: expect.stringContaining('in time') });
  });

  it('leaves any other error as it is', () => {
    const other = new Error('database down');
    expect(carrierProblem(other)).toBe(other);
  });
});

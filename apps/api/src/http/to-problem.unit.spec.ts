import { runInNewContext } from 'node:vm';
import { describe, expect, it } from '@jest/globals';
import { ServiceUnavailableException } from '@nestjs/common';
import { toProblem } from './to-problem.js';

describe('turning an unexpected failure into a problem document', () => {
  it('answers 500 without leaking what went wrong inside', () => {
    const problem = toProblem(new Error('connection string postgres://secret@db failed'));
    expect(problem).toEqual({
      type: 'urn:consignments:problem:internal-error',
      title: 'Internal Server Error',
      status: 500,
      code: 'INTERNAL_ERROR',
      detail: 'An unexpected error occurred; it has been logged',
    });
    expect(JSON.stringify(problem)).not.toContain('secret');
  });

  it('keeps a 503 with the failing dependencies named, as readiness checks report them', () => {
    const health = { status: 'error', error: { redis: { status: 'down' } } };
    expect(toProblem(new ServiceUnavailableException(health))).toMatchObject({
      status: 503,
      code: 'SERVICE_UNAVAILABLE',
      health,
    });
  });

  it('answers a body the client stopped sending (gone, or cut off by the request timeout) as a 400, not as our failure', () => {
    const aborted = Object.assign(new Error('aborted'), { code: 'ECONNRESET' });
    expect(toProblem(aborted)).toMatchObject({ status: 400, code: 'REQUEST_ABORTED', detail: 'The request body stopped before its end' });
    expect(toProblem(Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' }))).toMatchObject({ status: 500 });
  });

  it("recognises the aborted body by its shape, also when Node core made the error in another realm (as under jest's vm)", () => {
    const fromAnotherRealm: unknown = runInNewContext("Object.assign(new Error('aborted'), { code: 'ECONNRESET' })");
    expect(fromAnotherRealm instanceof Error).toBe(false);
    expect(toProblem(fromAnotherRealm)).toMatchObject({ status: 400, code: 'REQUEST_ABORTED' });
  });
});

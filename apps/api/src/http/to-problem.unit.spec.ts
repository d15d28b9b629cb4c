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
});

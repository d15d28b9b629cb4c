import { describe, it } from '@jest/globals';
import { given } from '../testing/decider-spec.js';
import {
  send,
} from '../testing/transfer-fixtures.js';

describe('acting on a transfer that does not exist', () => {
  it('is refused as not found', () => {
    given([]).when(send).thenFails('TRANSFER_NOT_FOUND');
  });
});

import { describe, it } from '@jest/globals';
import { given } from '../../../testing/decider-spec.js';
import {
  CLERK,
  MUGS,
  create,
  history,
  markPacked,
  recordPacked,
} from '../../../testing/transfer-fixtures.js';

describe('marking an outlet transfer packed', () => {
  it('marks the transfer packed by whoever packed it', () => {
    given(history(create('OUTLET_TRANSFER'), recordPacked(MUGS, 8)))
      .when(markPacked)
      .then([{ type: 'TransferPacked', data: { packedBy: CLERK } }]);
  });

  it('refuses to mark packed when nothing was packed', () => {
    given(history(create('OUTLET_TRANSFER'), recordPacked(MUGS, 0))).when(markPacked).thenFails('NOTHING_PACKED');
  });
});

import { describe, expect, it } from '@jest/globals';
import { given } from '../../../testing/decider-spec.js';
import { CLERK, historyTo, nameOf } from '../../../testing/transfer-fixtures.js';
import { affectsLightspeed } from '../../event-catalogue.js';
import { allowedTransitions } from '../../transition-policy.js';
import type { AddTransferNote } from './command.js';

const note = (text: string): AddTransferNote => ({ type: 'AddTransferNote', text });

describe('adding a note to a transfer', () => {
  it('records the trimmed text and who wrote it, by id and name', () => {
    given(historyTo('OUTLET_TRANSFER', 'PACKED'))
      .when(note('  Two boxes, the blue one is fragile  '))
      .then([{ type: 'TransferNoteAdded', data: { text: 'Two boxes, the blue one is fragile', by: { id: CLERK, name: nameOf(CLERK) } } }]);
  });

  it('keeps the notes in order with the version each was added at, and leaves the status alone', () => {
    const history = historyTo('OUTLET_TRANSFER', 'SENT');
    const state = given(history).when(note('Courier booked')).thenState();
    expect(state.status).toBe('SENT');
    expect(state.addedNotes).toEqual([{ text: 'Courier booked', by: { id: CLERK, name: nameOf(CLERK) }, at: expect.any(String), version: history.length + 1 }]);
  });

  it.each([
    ['OUTLET_TRANSFER', 'CANCELLED'],
    ['PURCHASE_ORDER', 'CANCELLED'],
    ['STOCKTAKE', 'COMPLETED'],
  ] as const)('is allowed on a %s in the final status %s, which stays final', (type, status) => {
    given(historyTo(type, status)).when(note('Filed')).thenStatus(status);
    expect(allowedTransitions(type, status)).toEqual([]);
  });

  it.each(['', '   '])('needs some text (%j is none)', (text) => {
    given(historyTo('OUTLET_TRANSFER', 'OPEN')).when(note(text)).thenFails('INVALID_TRANSFER', { field: 'text' });
  });

  it('takes up to 2,000 characters after trimming, and refuses more', () => {
    given(historyTo('OUTLET_TRANSFER', 'OPEN')).when(note(` ${'x'.repeat(2000)} `)).thenStatus('OPEN');
    given(historyTo('OUTLET_TRANSFER', 'OPEN')).when(note('x'.repeat(2001))).thenFails('INVALID_TRANSFER', { field: 'text' });
  });

  it('needs a transfer', () => {
    given([]).when(note('Hello')).thenFails('TRANSFER_NOT_FOUND');
  });

  it('is no business of Lightspeed: the sync relay queues nothing for it', () => {
    expect(affectsLightspeed('TransferNoteAdded')).toBe(false);
    expect(affectsLightspeed('TransferSent')).toBe(true);
  });
});

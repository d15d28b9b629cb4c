import { describe, expect, it } from '@jest/globals';
import { given } from '../testing/decider-spec.js';
import {
  CLERK,
  MANAGER,
  MUGS,
  TEA,
  by,
  contextFor,
  correctAs,
  history,
  historyTo,
  line,
  play,
  receiveFinal,
  receivePartial,
  stepsTo,
} from '../testing/transfer-fixtures.js';
import { replayedVersion } from './recorded-deliveries.js';
import { upcast } from './upcasters.js';

const COLLEAGUE = 'clerk-bo';
const after = (...more: Parameters<typeof history>) => history(...stepsTo('OUTLET_TRANSFER', 'SENT'), ...more);
const received = () => historyTo('OUTLET_TRANSFER', 'RECEIVED');

describe('a receipt id used again', () => {
  it("refuses a colleague's delivery under an id another receiver used, naming the original", () => {
    given(after(receivePartial('delivery-1', line(MUGS, 3))))
      .when(receivePartial('delivery-1', line(TEA, 7)), { by: COLLEAGUE })
      .thenFails('RECEIPT_ID_CONFLICT', {
        receiptId: 'delivery-1',
        differences: ['receivedBy', 'lines'],
        original: { receivedBy: CLERK, final: false, lines: [{ productId: MUGS, receivedQuantity: 3, reason: null, note: null }] },
      });
  });

  it('refuses the same receiver sending other lines under the same id', () => {
    given(after(receivePartial('r-1', line(MUGS, 3))))
      .when(receivePartial('r-1', line(MUGS, 7)))
      .thenFails('RECEIPT_ID_CONFLICT', { differences: ['lines'] });
  });

  it('refuses the same delivery sent by someone else: a receipt belongs to who counted it', () => {
    given(after(receivePartial('r-1', line(MUGS, 3))))
      .when(receivePartial('r-1', line(MUGS, 3)), { by: COLLEAGUE })
      .thenFails('RECEIPT_ID_CONFLICT', { differences: ['receivedBy'] });
  });

  it('refuses a final receipt under a partial one’s id rather than leaving the transfer receiving', () => {
    given(after(receivePartial('r-1', line(MUGS, 3))))
      .when(receiveFinal('r-1', line(MUGS, 3)))
      .thenFails('RECEIPT_ID_CONFLICT', { differences: ['final'] });
  });

  it('refuses a reused id with other content even once the transfer is received', () => {
    given(received())
      .when(receivePartial('r-1', line(TEA, 1)))
      .thenFails('RECEIPT_ID_CONFLICT', { receiptId: 'r-1' });
  });

  it('replays the same delivery, its lines in any order and its note as it was stored', () => {
    given(after(receivePartial('r-1', line(MUGS, 3, 'OTHER', 'Box wet'), line(TEA, 1))))
      .when(receivePartial('r-1', line(TEA, 1), line(MUGS, 3, 'OTHER', ' Box wet ')))
      .thenNothingHappens();
  });

  it('tells a product listed twice from the delivery it was recorded as', () => {
    given(after(receivePartial('r-1', line(MUGS, 3), line(TEA, 3))))
      .when(receivePartial('r-1', line(MUGS, 3), line(MUGS, 3)))
      .thenFails('RECEIPT_ID_CONFLICT', { differences: ['lines'] });
  });

  it('answers with the version the original made, however far the transfer has moved on', () => {
    const { state } = play([...stepsTo('OUTLET_TRANSFER', 'SENT'), receivePartial('r-1', line(MUGS, 3)), receivePartial('r-2', line(MUGS, 3))]);
    expect(replayedVersion(state, receivePartial('r-1', line(MUGS, 3)), contextFor())).toBe(state.version - 1);
    expect(replayedVersion(state, receivePartial('r-3', line(MUGS, 3)), contextFor())).toBeNull();
    expect(replayedVersion(null, receivePartial('r-1', line(MUGS, 3)), contextFor())).toBeNull();
  });
});

describe('a correction id used again', () => {
  const corrected = () => history(...stepsTo('OUTLET_TRANSFER', 'RECEIVED'), by(MANAGER, correctAs('c-1', 'Chipped', line(MUGS, 8, 'DAMAGED'))));

  it('replays the same correction by the same manager', () => {
    given(corrected()).when(correctAs('c-1', ' Chipped ', line(MUGS, 8, 'DAMAGED')), { by: MANAGER }).thenNothingHappens();
    const { state } = play([...stepsTo('OUTLET_TRANSFER', 'RECEIVED'), by(MANAGER, correctAs('c-1', 'Chipped', line(MUGS, 8, 'DAMAGED')))]);
    expect(replayedVersion(state, correctAs('c-1', 'Chipped', line(MUGS, 8, 'DAMAGED')), contextFor(MANAGER))).toBe(state.version);
  });

  it('refuses other lines, another reason or another manager under the same id, naming the original', () => {
    given(corrected())
      .when(correctAs('c-1', 'Chipped', line(MUGS, 7, 'DAMAGED')), { by: MANAGER })
      .thenFails('CORRECTION_ID_CONFLICT', {
        correctionId: 'c-1',
        differences: ['lines'],
        original: { correctedBy: MANAGER, reason: 'Chipped', lines: [{ productId: MUGS, receivedQuantity: 8, reason: 'DAMAGED', note: null }] },
      });
    given(corrected()).when(correctAs('c-1', 'Cracked', line(MUGS, 8, 'DAMAGED')), { by: MANAGER }).thenFails('CORRECTION_ID_CONFLICT', {
      differences: ['reason'],
    });
    given(corrected()).when(correctAs('c-1', 'Chipped', line(MUGS, 8, 'DAMAGED')), { by: 'manager-cy' }).thenFails('CORRECTION_ID_CONFLICT', {
      differences: ['correctedBy'],
    });
  });

  it('needs an id', () => {
    given(received()).when(correctAs('  ', 'Chipped', line(MUGS, 8, 'DAMAGED')), { by: MANAGER }).thenFails('INVALID_TRANSFER', { field: 'correctionId' });
  });

  it('is never matched against corrections recorded before they carried ids', () => {
    const legacy = upcast('ReceiptCorrected', 1, {
      correctedBy: MANAGER,
      reason: 'Chipped',
      lines: [{ productId: MUGS, previousReceivedQuantity: 10, receivedQuantity: 8, reason: 'DAMAGED', note: null }],
    });
    expect(legacy.data).toMatchObject({ correctionId: null, correctedBy: MANAGER });
    const state = given([...received(), legacy]).when(correctAs('c-9', 'Found one', line(MUGS, 9, 'DAMAGED')), { by: MANAGER }).thenState();
    expect(state.corrections.map((correction) => correction.correctionId)).toEqual([null, 'c-9']);
  });
});

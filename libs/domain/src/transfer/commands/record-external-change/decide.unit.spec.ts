import { describe, expect, it } from '@jest/globals';
import { given } from '../../../testing/decider-spec.js';
import { externalChange, historyTo } from '../../../testing/transfer-fixtures.js';
import { allowedTransitions } from '../../transition-policy.js';
import { openDivergence } from '../../transfer-state.js';
import type { TransferCommand } from '../../commands.js';

describe('noting a change made directly in Lightspeed', () => {
  const sent = historyTo('OUTLET_TRANSFER', 'SENT');

  it('records the divergence with our status, and leaves the status alone', () => {
    given(sent)
      .when(externalChange('RECEIVED', 'c-1', 42), { by: 'lightspeed-poller' })
      .then([
        {
          type: 'LightspeedDivergenceDetected',
          data: {
            consignmentId: 'c-1',
            lightspeedStatus: 'RECEIVED',
            lightspeedVersion: 42,
            ourStatus: 'SENT',
            source: 'poll',
            detectedAt: '2025-01-01T00:00:00.000Z',
            detectedBy: 'lightspeed-poller',
          },
        },
      ]);
    const state = given(sent).when(externalChange('RECEIVED')).thenState();
    expect(state.status).toBe('SENT');
    expect(openDivergence(state)).toMatchObject({ consignmentId: 'c-1', lightspeedStatus: 'RECEIVED' });
  });

  it('notes the same open divergence once, but a new Lightspeed status again', () => {
    const once = given(sent).when(externalChange('RECEIVED', 'c-1', 42)).thenState();
    const history = [...sent, { type: 'LightspeedDivergenceDetected' as const, data: once.lightspeedDivergences[0]! }];
    given(history).when(externalChange('RECEIVED', 'c-1', 43)).thenNothingHappens();
    expect(given(history).when(externalChange('CANCELLED', 'c-1', 44)).thenState().lightspeedDivergences).toHaveLength(2);
  });

  it('is allowed in a final status, without offering it to users', () => {
    const cancelled = historyTo('OUTLET_TRANSFER', 'CANCELLED');
    given(cancelled).when(externalChange('RECEIVED')).thenStatus('CANCELLED');
    expect(allowedTransitions('OUTLET_TRANSFER', 'CANCELLED')).toEqual([]);
  });

  it('closes once the transfer moves on', () => {
    const noted = given(sent).when(externalChange('CANCELLED')).thenState();
    expect(openDivergence({ ...noted, status: 'RECEIVED' })).toBeNull();
  });

  describe('of a line edited in Lightspeed, noted by the sync before it writes over it', () => {
    const edited = { productId: 'MUG', field: 'count' as const, lightspeedValue: 9, lastWritten: 6, ourValue: 6 };
    const lineChange = (line: object = edited): TransferCommand => ({ ...externalChange('SENT', 'c-1', 50), source: 'sync', line } as TransferCommand);

    it('records the line, what Lightspeed held, what we had written and what we write', () => {
      const state = given(sent).when(lineChange(), { by: 'lightspeed-sync' }).thenState();
      expect(state.lightspeedDivergences).toEqual([expect.objectContaining({ source: 'sync', lightspeedStatus: 'SENT', line: edited, detectedBy: 'lightspeed-sync' })]);
      expect(state.status).toBe('SENT');
    });

    it('notes one edit once (a retried sync), another edit again', () => {
      const once = given(sent).when(lineChange()).thenState();
      const history = [...sent, { type: 'LightspeedDivergenceDetected' as const, data: once.lightspeedDivergences[0]! }];
      given(history).when(lineChange()).thenNothingHappens();
      expect(given(history).when(lineChange({ ...edited, lightspeedValue: 11 })).thenState().lightspeedDivergences).toHaveLength(2);
      expect(given(history).when(externalChange('SENT', 'c-1', 51)).thenState().lightspeedDivergences).toHaveLength(2);
    });

    it('refuses a line without a product, a known field or sane quantities', () => {
      given(sent).when(lineChange({ ...edited, productId: '' })).thenFails('INVALID_TRANSFER', { field: 'line.productId' });
      given(sent).when(lineChange({ ...edited, field: 'cost' })).thenFails('INVALID_TRANSFER', { field: 'line.field' });
      given(sent).when(lineChange({ ...edited, lightspeedValue: -1 })).thenFails('INVALID_TRANSFER', { field: 'line.lightspeedValue' });
    });
  });

  it('refuses a note without a consignment, a status or a sane version', () => {
    given(sent).when(externalChange('RECEIVED', ' ')).thenFails('INVALID_TRANSFER', { field: 'consignmentId' });
    given(sent).when(externalChange('')).thenFails('INVALID_TRANSFER', { field: 'lightspeedStatus' });
    given(sent).when(externalChange('RECEIVED', 'c-1', -1)).thenFails('INVALID_TRANSFER', { field: 'lightspeedVersion' });
  });
});

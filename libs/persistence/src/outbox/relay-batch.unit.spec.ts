import { randomUUID } from 'node:crypto';
import { describe, expect, it } from '@jest/globals';
import type { EventHeader } from '../event-store/stored-event.js';
import { transferIdOfStream, transferStreamId } from '../transfers/transfer-stream.js';
import { syncRequestsFor } from './relay-batch.js';

let position = 0;
function stored(streamId: string, streamVersion: number, eventType = 'ItemAdded'): EventHeader {
  position++;
  return {
    globalPosition: position,
    transactionId: String(1000 + position),
    eventId: randomUUID(),
    streamId,
    streamVersion,
    eventType,
  };
}

describe('transfer stream ids', () => {
  it('are built from the canonical id, so every spelling of a UUID names one stream', () => {
    const id = randomUUID();
    expect(transferStreamId(id.toUpperCase())).toBe(`transfer-${id}`);
    expect(transferIdOfStream(transferStreamId(id.toUpperCase()))).toBe(id);
  });

  it('name no transfer when spelled otherwise or when not a transfer stream', () => {
    const id = randomUUID();
    expect(transferIdOfStream(`transfer-${id.toUpperCase()}`)).toBeNull();
    expect(transferIdOfStream('transfer-not-a-uuid')).toBeNull();
    expect(transferIdOfStream(`stream-${id}`)).toBeNull();
  });
});

describe('a relay batch', () => {
  it('asks once per transfer, for its newest event, and skips divergence notes and other streams', () => {
    const [a, b] = [randomUUID(), randomUUID()];
    const newestOfA = stored(`transfer-${a}`, 2);
    const { requests, unrelayable } = syncRequestsFor([
      stored(`transfer-${a}`, 1),
      stored(`transfer-${b}`, 1),
      newestOfA,
      stored(`transfer-${b}`, 2, 'LightspeedDivergenceDetected'),
      stored('stream-other', 1),
    ]);
    expect(requests).toEqual([
      { jobId: `event-${newestOfA.eventId}`, transferId: a, version: 2 },
      { jobId: expect.stringMatching(/^event-/), transferId: b, version: 1 },
    ]);
    expect(unrelayable).toEqual([]);
  });

  it('sets aside the events of a stream spelled off its canonical id instead of asking twice for one transfer', () => {
    const id = randomUUID();
    const variant = stored(`transfer-${id.toUpperCase()}`, 1);
    const { requests, unrelayable } = syncRequestsFor([stored(`transfer-${id}`, 1), variant]);
    expect(requests.map((request) => request.transferId)).toEqual([id]);
    expect(unrelayable).toEqual([{ event: variant, reason: expect.stringMatching(/canonical/) }]);
  });

  it('passes over box-type events: the catalogue has nothing to sync, and nothing is set aside', () => {
    const transfer = randomUUID();
    const { requests, unrelayable } = syncRequestsFor([
      stored(`box-type-${randomUUID()}`, 1, 'BoxTypeDefined'),
      stored(`transfer-${transfer}`, 1),
      stored(`box-type-${randomUUID()}`, 2, 'BoxTypeRetired'),
    ]);
    expect(requests.map((request) => request.transferId)).toEqual([transfer]);
    expect(unrelayable).toEqual([]);
  });
});

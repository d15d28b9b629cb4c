import { describe, expect, it } from '@jest/globals';
import { syncInWords, type SyncFacts } from './sync-in-words.js';

const facts = (status: SyncFacts['status'], syncedVersion: number, wantedVersion: number): SyncFacts => ({ status, syncedVersion, wantedVersion });

describe('a transfer’s Lightspeed sync, in words for store staff', () => {
  it('says Lightspeed is up to date only when it has the newest version', () => {
    expect(syncInWords(facts('SYNCED', 4, 4))).toEqual({ tone: 'done', text: 'Lightspeed is up to date.' });
    expect(syncInWords(facts('SYNCED', 3, 4)).tone).toBe('busy');
  });

  it('says it is on its way while the relay has not reached it or a job is pending', () => {
    expect(syncInWords(null)).toEqual({ tone: 'busy', text: 'Not in Lightspeed yet. It will be added in a moment.' });
    expect(syncInWords(facts('PENDING', 1, 2)).text).toBe('Updating Lightspeed with the latest changes.');
  });

  it('tells staff a failed attempt will be retried, and that a stuck one is head office’s to fix', () => {
    expect(syncInWords(facts('FAILED', 1, 2))).toEqual({ tone: 'busy', text: expect.stringContaining('tried again') });
    expect(syncInWords(facts('NEEDS_ATTENTION', 1, 2))).toEqual({ tone: 'problem', text: expect.stringContaining('Head office has been told') });
  });

  it('puts a difference Lightspeed shows above any sync state', () => {
    expect(syncInWords(facts('SYNCED', 4, 4), true)).toEqual({ tone: 'problem', text: expect.stringContaining('Lightspeed shows something different') });
  });
});

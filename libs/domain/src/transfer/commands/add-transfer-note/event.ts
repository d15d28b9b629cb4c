import { eventDefinition } from '../../event-definition.js';

/** Who wrote a note, as their token named them. */
export interface NoteAuthor {
  id: string;
  name: string | null;
}

export interface TransferNoteAdded {
  type: 'TransferNoteAdded';
  data: { text: string; by: NoteAuthor };
}

/** A note as the transfer keeps it: when and at which version of the transfer it was added. */
export interface TransferNote {
  text: string;
  by: NoteAuthor;
  at: string;
  version: number;
}

/** A note changes nothing Lightspeed holds, and no status: it has no transition. */
export const TRANSFER_NOTE_ADDED = eventDefinition<TransferNoteAdded>({
  type: 'TransferNoteAdded',
  schemaVersion: 1,
  affectsLightspeed: false,
  apply: (state, event, at) => ({
    ...state,
    addedNotes: [...state.addedNotes, { text: event.data.text, by: event.data.by, at: at.recordedAt, version: at.version }],
  }),
});

/** Adds a note to a transfer, in any status: a remark for the people on either side, not a lifecycle step. */
export interface AddTransferNote {
  type: 'AddTransferNote';
  text: string;
}

/** Its own row of the access table: a note moves no status, so it is no transition. */
export const ADD_TRANSFER_NOTE_ACTION = 'addNote';

export const MAX_NOTE_LENGTH = 2000;

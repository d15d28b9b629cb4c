import type { BoxTypeSnapshot } from '../../boxes.js';

/**
 * Puts a new, empty box on a transfer: a packer scanned a box label or picked a box type. The box
 * type comes as it is now (the application reads it from the box types); the box keeps that copy.
 */
export interface AddBox {
  type: 'AddBox';
  /** Chosen by the client (a uuid), so a retried request names the same box. */
  boxId: string;
  boxType: BoxTypeSnapshot;
  /** The scanned box label code, at most 64 characters, unique on the transfer. */
  label?: string | null;
}

/**
 * The one row of the access table for all box work (adding, filling, emptying, weighing and removing
 * boxes): a box moves no status, so it is no transition. AddBox brings the row; the other box
 * commands take the same action.
 */
export const PACK_BOXES_ACTION = 'packBoxes';

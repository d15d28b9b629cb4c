import { ApiError, refusalText } from '../api.js';

/** Grams as a store person reads them on a scale: kilograms with up to two decimals. */
export const kilograms = (grams: number): string => `${(grams / 1000).toLocaleString('en', { maximumFractionDigits: 2 })} kg`;

/** A box command's refusal in the words of the dock, naming the product by its name. */
export function boxRefusal(error: unknown, nameOf: (productId: string) => string): string {
  if (!(error instanceof ApiError)) return 'No answer (no connection?): nothing changed in the boxes. Try again when the network is back.';
  const problem = error.problem;
  const product = typeof problem.productId === 'string' ? nameOf(problem.productId) : 'that product';
  switch (problem.code) {
    case 'BOXES_FROZEN':
      return 'This transfer has been sent; its boxes can no longer change.';
    case 'BOXED_QUANTITY_EXCEEDED':
      return `The boxes would hold more ${product} than is packed (${String(problem.limit)}). Count it as packed first, or take one out of another box.`;
    case 'NOT_ENOUGH_IN_BOX':
      return `That box holds fewer ${product} than that.`;
    case 'BOX_TOO_HEAVY':
      return typeof problem.maxWeightG === 'number'
        ? `Too heavy: this box may weigh at most ${kilograms(problem.maxWeightG)} packed. Take something out, or check the scale.`
        : `Too heavy for this box: ${error.message}`;
    case 'DUPLICATE_BOX_LABEL':
      return 'Another box of this transfer already has that label: scan the label on the new box.';
    case 'BOX_TYPE_RETIRED':
    case 'BOX_TYPE_NOT_FOUND':
      return 'That box type is no longer offered: pick another.';
    case 'BOX_NOT_FOUND':
      return 'That box is no longer on this transfer (someone removed it): the boxes are shown as they are now.';
    case 'ITEM_NOT_FOUND':
      return 'That product is not on this transfer.';
    case 'BOX_ID_CONFLICT':
      return 'That box was already added differently: the boxes are shown as they are now.';
    default:
      if (error.status === 403) return 'Only staff of the sending outlet (or a manager) can pack its boxes.';
      return refusalText(error);
  }
}

import { useEffect, useRef } from 'preact/hooks';
import { ApiError } from '../api.js';

/** A line the API found above its over-receipt limit (the `lines` of a 422 OVER_RECEIPT_UNCONFIRMED). */
export interface OverLine {
  productId: string;
  sentQuantity: number;
  receivedQuantity: number;
  limit: number;
}

export const overLinesOf = (error: unknown): OverLine[] | null =>
  error instanceof ApiError && error.problem.code === 'OVER_RECEIPT_UNCONFIRMED' && Array.isArray(error.problem.lines) ? (error.problem.lines as OverLine[]) : null;

interface Props {
  lines: readonly OverLine[] | null;
  nameOf: (productId: string) => string;
  onConfirm: () => void;
  onCancel: () => void;
}

/** Asks before a count above the tolerance is recorded; Escape or Cancel records nothing. */
export function OverReceiptDialog({ lines, nameOf, onConfirm, onCancel }: Props) {
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    if (lines && !dialog.current?.open) dialog.current?.showModal();
    if (!lines && dialog.current?.open) dialog.current.close();
  }, [lines]);
  return (
    <dialog ref={dialog} aria-labelledby="over-title" onCancel={onCancel}>
      <h2 id="over-title">More than was sent</h2>
      <ul>
        {(lines ?? []).map((line) => (
          <li key={line.productId}>
            {nameOf(line.productId)}: {line.receivedQuantity} received of {line.sentQuantity} sent (up to {line.limit} without confirming)
          </li>
        ))}
      </ul>
      <button type="button" onClick={onConfirm}>Confirm</button> <button type="button" onClick={onCancel}>Cancel</button>
    </dialog>
  );
}

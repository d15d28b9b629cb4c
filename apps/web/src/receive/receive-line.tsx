import { memo } from 'preact/compat';
import type { VarianceReason } from '../api.js';
import { PhotoInput } from '../evidence/photo-input.js';

export const REASONS: readonly VarianceReason[] = ['DAMAGED', 'MISSING', 'EXTRA', 'WRONG_ITEM', 'OTHER'];

/** A line of the transfer, or a product scanned here that was not sent (an EXTRA line). */
export interface Row {
  productId: string;
  name?: string | null;
  sku?: string | null;
  sentQuantity: number;
  receivedQuantity: number;
  barcodes: readonly string[];
}

export const nameOf = (row: Row) => row.name ?? row.sku ?? row.productId;

/** What staff enter for a line in this receipt. */
export interface LineCount {
  count: number;
  reason?: VarianceReason | '';
  note?: string;
  photos?: readonly Blob[];
}

interface Props {
  row: Row;
  entry: LineCount;
  /** The same function on every render, so a scan redraws only the line it counted. */
  onChange: (productId: string, change: Partial<LineCount>) => void;
}

/** One line: sent and received so far, this delivery's count, and a reason (with a note or photos) when it differs. */
export const ReceiveLine = memo(function ReceiveLine({ row, entry, onChange: changeLine }: Props) {
  const name = nameOf(row);
  const onChange = (change: Partial<LineCount>) => changeLine(row.productId, change);
  return (
    <li>
      <strong>{name}</strong> sent {row.sentQuantity}, received {row.receivedQuantity}
      <label>Count <input type="number" min={0} value={entry.count} onInput={(event) => onChange({ count: Number(event.currentTarget.value) })} /></label>
      <label>
        Reason{' '}
        <select value={entry.reason ?? ''} onChange={(event) => onChange({ reason: event.currentTarget.value as VarianceReason | '' })}>
          <option value="">none</option>
          {REASONS.map((reason) => <option key={reason}>{reason}</option>)}
        </select>
      </label>
      {entry.reason === 'OTHER' && <label>Note <input value={entry.note ?? ''} onInput={(event) => onChange({ note: event.currentTarget.value })} /></label>}
      {entry.reason && <PhotoInput subject={name} photos={entry.photos ?? []} onChange={(photos) => onChange({ photos })} />}
    </li>
  );
});

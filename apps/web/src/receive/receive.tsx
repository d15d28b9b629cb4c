import { useEffect, useMemo, useState } from 'preact/hooks';
import { receive, transfer, type ProductMatch, type ReceiptLine, type ReceiveSubmission, type TransferDetail, type VarianceReason } from '../api.js';
import { indexByCode } from '../counting/code-index.js';
import { ScanField } from '../counting/scan-field.js';
import { useExtraOffer } from './extra-offer.js';
import { OverReceiptDialog, overLinesOf, type OverLine } from './over-receipt-dialog.js';

const REASONS: readonly VarianceReason[] = ['DAMAGED', 'MISSING', 'EXTRA', 'WRONG_ITEM', 'OTHER'];

/** A line of the transfer, or a product scanned here that was not sent (an EXTRA line). */
interface Row {
  productId: string;
  name?: string | null;
  sku?: string | null;
  sentQuantity: number;
  receivedQuantity: number;
  barcodes: readonly string[];
}

const nameOf = (row: Row) => row.name ?? row.sku ?? row.productId;
const extraRow = (product: ProductMatch): Row => ({
  productId: product.id,
  name: product.name,
  sku: product.sku,
  sentQuantity: 0,
  receivedQuantity: 0,
  barcodes: product.codes.map((code) => code.code),
});

/** Counting one inbound transfer: scan or type counts, give reasons for variances, record. */
export function Receive({ transferId }: { transferId: string }) {
  const [detail, setDetail] = useState<TransferDetail | null>(null);
  const [counts, setCounts] = useState<Record<string, number>>({});
  const [reasons, setReasons] = useState<Record<string, VarianceReason>>({});
  const [notes, setNotes] = useState<Record<string, string>>({});
  const [message, setMessage] = useState('');
  const [pending, setPending] = useState<ReceiveSubmission | null>(null);
  const [extras, setExtras] = useState<Row[]>([]);
  const [over, setOver] = useState<OverLine[] | null>(null);
  const extra = useExtraOffer(setMessage);

  useEffect(() => {
    transfer(transferId).then(setDetail, (error: Error) => setMessage(error.message));
  }, [transferId]);

  const rows: Row[] = useMemo(() => [...(detail?.lines ?? []), ...extras.filter((row) => !detail?.lines.some((line) => line.productId === row.productId))], [detail, extras]);
  const byCode = useMemo(() => indexByCode(rows), [rows]);
  /** Any change to what would be sent makes the next submission a new one. */
  const edit = <T,>(set: (update: (now: Record<string, T>) => Record<string, T>) => void, productId: string, value: T) => {
    setPending(null);
    set((now) => ({ ...now, [productId]: value }));
  };

  const addExtra = (product: ProductMatch) => {
    extra.dismiss();
    setExtras((now) => [...now, extraRow(product)]);
    edit(setCounts, product.id, 1);
    edit(setReasons, product.id, 'EXTRA');
    setMessage(`Added ${product.name} as an extra line, counted 1.`);
  };

  const scan = (code: string) => {
    const productId = byCode.get(code);
    extra.dismiss();
    if (!productId) return void extra.lookUp(code);
    setPending(null);
    setCounts((now) => ({ ...now, [productId]: (now[productId] ?? 0) + 1 }));
    setMessage(`+1 ${code}`);
  };

  const reasonOf = (productId: string): Pick<ReceiptLine, 'reason' | 'note'> => {
    const reason = reasons[productId];
    if (!reason) return {};
    return reason === 'OTHER' ? { reason, note: (notes[productId] ?? '').trim() } : { reason };
  };

  const submit = async (final: boolean) => {
    if (!detail) return;
    const unexplained = rows.find((line) => final && line.receivedQuantity + (counts[line.productId] ?? 0) !== line.sentQuantity && !reasons[line.productId]);
    if (unexplained) return setMessage(`Give a reason for ${nameOf(unexplained)}: its count differs from what was sent.`);
    const unnoted = rows.find((line) => reasons[line.productId] === 'OTHER' && !notes[line.productId]?.trim());
    if (unnoted) return setMessage(`Add a note for ${nameOf(unnoted)}: reason OTHER needs one.`);
    const submission = pending?.final === final ? pending : {
      receiptId: crypto.randomUUID(),
      idempotencyKey: crypto.randomUUID(),
      final,
      lines: rows.map((line) => ({ productId: line.productId, receivedQuantity: counts[line.productId] ?? 0, ...reasonOf(line.productId) })),
    };
    await send(submission);
  };

  /**
   * The 422 wrote nothing, and confirmOverReceipt is not part of what makes a receipt the same:
   * the confirmed resend keeps the receiptId (so any retry of it is recorded once) but is another
   * body, so it takes a new Idempotency-Key.
   */
  const confirmOver = async () => {
    setOver(null);
    if (pending) await send({ ...pending, confirmOverReceipt: true, idempotencyKey: crypto.randomUUID() });
  };

  const cancelOver = () => {
    setOver(null);
    setMessage('Not recorded: check the counts.');
  };

  const send = async (submission: ReceiveSubmission) => {
    setPending(submission);
    try {
      const result = await receive(transferId, submission);
      setPending(null);
      // What this delivery counted is now in the transfer's received quantities: the next count starts at 0.
      setDetail(result);
      setCounts({});
      setReasons({});
      setNotes({});
      setExtras([]);
      setMessage(`Recorded: ${result.status ?? 'done'}`);
    } catch (error) {
      setOver(overLinesOf(error));
      setMessage((error as Error).message);
    }
  };

  if (!detail) return <main class="page"><p role="status">{message || 'Loading…'}</p></main>;
  const rowNamed = (productId: string) => nameOf(rows.find((row) => row.productId === productId) ?? { productId, sentQuantity: 0, receivedQuantity: 0, barcodes: [] });
  return (
    <main class="page">
      <h1>Receive {detail.reference ?? detail.id.slice(0, 8)}</h1>
      <ScanField onCode={scan} />
      <p role="status" aria-live="polite">{message}</p>
      {extra.offer && <button type="button" onClick={() => addExtra(extra.offer!)}>Add {extra.offer.name} as an extra line</button>}
      <ul class="lines">
        {rows.map((line) => (
          <li key={line.productId}>
            <strong>{nameOf(line)}</strong> sent {line.sentQuantity}, received {line.receivedQuantity}
            <label>Count <input type="number" min={0} value={counts[line.productId] ?? 0} onInput={(event) => edit(setCounts, line.productId, Number(event.currentTarget.value))} /></label>
            <label>Reason <select value={reasons[line.productId] ?? ''} onChange={(event) => edit(setReasons, line.productId, event.currentTarget.value as VarianceReason)}><option value="">none</option>{REASONS.map((reason) => <option key={reason}>{reason}</option>)}</select></label>
            {reasons[line.productId] === 'OTHER' && (
              <label>Note <input value={notes[line.productId] ?? ''} onInput={(event) => edit(setNotes, line.productId, event.currentTarget.value)} /></label>
            )}
          </li>
        ))}
      </ul>
      <button type="button" onClick={() => void submit(false)}>Record partial receipt</button>
      <button type="button" onClick={() => void submit(true)}>Finish receiving</button>
      <OverReceiptDialog lines={over} nameOf={rowNamed} onConfirm={() => void confirmOver()} onCancel={cancelOver} />
    </main>
  );
}

import { useEffect, useMemo, useState } from 'preact/hooks';
import { receive, transfer, type ReceiveSubmission, type TransferDetail, type VarianceReason } from './api.js';

const REASONS: readonly VarianceReason[] = ['DAMAGED', 'MISSING', 'EXTRA', 'WRONG_ITEM', 'OTHER'];

/** Counting one inbound transfer: scan or type counts, give reasons for variances, record. */
export function Receive({ transferId }: { transferId: string }) {
  const [detail, setDetail] = useState<TransferDetail | null>(null);
  const [counts, setCounts] = useState<Record<string, number>>({});
  const [reasons, setReasons] = useState<Record<string, VarianceReason>>({});
  const [message, setMessage] = useState('');
  const [pending, setPending] = useState<ReceiveSubmission | null>(null);

  useEffect(() => {
    transfer(transferId).then(setDetail, (error: Error) => setMessage(error.message));
  }, [transferId]);

  const byCode = useMemo(() => {
    const map = new Map<string, string>();
    for (const line of detail?.lines ?? []) for (const code of [...line.barcodes, line.sku ?? '']) if (code) map.set(code, line.productId);
    return map;
  }, [detail]);

  const scan = (code: string) => {
    const productId = byCode.get(code);
    if (!productId) return setMessage(`No line has code ${code}.`);
    setPending(null);
    setCounts((now) => ({ ...now, [productId]: (now[productId] ?? 0) + 1 }));
    setMessage(`+1 ${code}`);
  };

  const submit = async (final: boolean) => {
    if (!detail) return;
    const unexplained = detail.lines.find((line) => final && line.receivedQuantity + (counts[line.productId] ?? 0) !== line.sentQuantity && !reasons[line.productId]);
    if (unexplained) return setMessage(`Give a reason for ${unexplained.name ?? unexplained.sku ?? unexplained.productId}: its count differs from what was sent.`);
    const submission = pending?.final === final ? pending : {
      receiptId: crypto.randomUUID(),
      idempotencyKey: crypto.randomUUID(),
      final,
      lines: detail.lines.map((line) => ({ productId: line.productId, receivedQuantity: counts[line.productId] ?? 0, ...(reasons[line.productId] ? { reason: reasons[line.productId] } : {}) })),
    };
    setPending(submission);
    try {
      const result = await receive(transferId, submission);
      setPending(null);
      setMessage(`Recorded: ${result.status ?? 'done'}`);
    } catch (error) {
      setMessage((error as Error).message);
    }
  };

  if (!detail) return <main class="page"><p role="status">{message || 'Loading…'}</p></main>;
  return (
    <main class="page">
      <h1>Receive {detail.reference ?? detail.id.slice(0, 8)}</h1>
      <form onSubmit={(event) => { event.preventDefault(); const field = (event.currentTarget as HTMLFormElement).elements.namedItem('code') as HTMLInputElement; scan(field.value.trim()); field.value = ''; }}>
        <label>Scan <input name="code" autoFocus autoComplete="off" /></label>
      </form>
      <p role="status" aria-live="polite">{message}</p>
      <ul class="lines">
        {detail.lines.map((line) => (
          <li key={line.productId}>
            <strong>{line.name ?? line.sku ?? line.productId}</strong> sent {line.sentQuantity}, received {line.receivedQuantity}
            <label>Count <input type="number" min={0} value={counts[line.productId] ?? 0} onInput={(event) => (setPending(null), setCounts({ ...counts, [line.productId]: Number(event.currentTarget.value) }))} /></label>
            <label>Reason <select value={reasons[line.productId] ?? ''} onChange={(event) => (setPending(null), setReasons({ ...reasons, [line.productId]: event.currentTarget.value as VarianceReason }))}><option value="">none</option>{REASONS.map((reason) => <option key={reason}>{reason}</option>)}</select></label>
          </li>
        ))}
      </ul>
      <button type="button" onClick={() => void submit(false)}>Record partial receipt</button>
      <button type="button" onClick={() => void submit(true)}>Finish receiving</button>
    </main>
  );
}

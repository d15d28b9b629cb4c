import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { ApiError, markPacked, recordPacked, sendTransfer, transfer, type TransferDetail } from '../api.js';
import { indexByCode } from '../counting/code-index.js';
import { ScanField } from '../counting/scan-field.js';
import { changedLines, countOf, shortLines, type Counts } from './pack-counts.js';
import { PackLineRow } from './pack-line-row.js';
import { RetryKeys } from './retry-keys.js';
import { ShortLinesNote } from './short-lines-note.js';

type Message = { text: string; refused?: boolean };

const DONE = {
  save: (result: TransferDetail) => `Saved: ${result.totals.packedQuantity} units packed (${result.status}).`,
  pack: (result: TransferDetail) => `Marked packed (${result.status}): ready to send.`,
  send: (result: TransferDetail) => `Sent (${result.status}): ${result.totals.sentQuantity} units on their way.`,
};

const withoutCount = (counts: Counts, productId: string): Counts => Object.fromEntries(Object.entries(counts).filter(([id]) => id !== productId));

/** Packing one outbound transfer by scanning, then marking it packed and sending it. */
export function Pack({ transferId }: { transferId: string }) {
  const [detail, setDetail] = useState<TransferDetail | null>(null);
  const [counts, setCounts] = useState<Counts>({});
  const [message, setMessage] = useState<Message>({ text: '' });
  const [busy, setBusy] = useState(false);
  const keys = useRef(new RetryKeys()).current;

  const load = () => transfer(transferId).then(setDetail, (error: Error) => setMessage({ text: error.message, refused: true }));
  useEffect(() => void load(), [transferId]);

  const lines = detail?.lines ?? [];
  const byCode = useMemo(() => indexByCode(lines), [lines]);
  const count = (productId: string, value: number) => setCounts((now) => ({ ...now, [productId]: value }));

  const scan = (code: string) => {
    const line = lines.find((candidate) => candidate.productId === byCode.get(code));
    if (!line) return setMessage({ text: `No line has code ${code}.`, refused: true });
    setCounts((now) => ({ ...now, [line.productId]: countOf(line, now) + 1 }));
    setMessage({ text: `+1 ${code}` });
  };

  /** Writes each changed count, one after the other, each against the version the last answer gave. */
  const saveCounts = async (from: TransferDetail): Promise<TransferDetail> => {
    let current = from;
    for (const line of changedLines(from.lines, counts)) {
      const packedQuantity = countOf(line, counts);
      const intent = `packed:${line.productId}:`;
      current = await recordPacked(transferId, line.productId, { packedQuantity }, { version: current.version, idempotencyKey: keys.keyFor(`${intent}${packedQuantity}`) });
      keys.forget(intent);
      setDetail(current);
      // A scan made while saving stays; only the count that was written gives way to the API's.
      setCounts((now) => (now[line.productId] === packedQuantity ? withoutCount(now, line.productId) : now));
    }
    return current;
  };

  const act = async (what: 'save' | 'pack' | 'send') => {
    if (!detail || busy) return;
    setBusy(true);
    try {
      let result = await saveCounts(detail);
      if (what === 'pack') result = await markPacked(transferId, { version: result.version, idempotencyKey: keys.keyFor('pack') });
      if (what === 'send') result = await sendTransfer(transferId, { version: result.version, idempotencyKey: keys.keyFor('send') });
      keys.forget(what);
      setDetail(result);
      setMessage({ text: DONE[what](result) });
    } catch (error) {
      const moved = error instanceof ApiError && error.status === 409;
      setMessage({ text: moved ? `${(error as Error).message} The transfer is shown as it is now: check the counts and try again.` : (error as Error).message, refused: true });
      if (moved) await load();
    } finally {
      setBusy(false);
    }
  };

  if (!detail) return <main class="page"><p role="status">{message.text || 'Loading…'}</p></main>;
  const short = shortLines(lines, counts);
  return (
    <main class="page">
      <h1>Pack {detail.reference ?? detail.id.slice(0, 8)}</h1>
      <p class="muted">
        to {detail.destinationOutletId} · <span data-testid="pack-status">{detail.status}</span>
      </p>
      <ScanField onCode={scan} />
      <p role="status" aria-live="polite" class={message.refused ? 'error' : undefined}>
        {message.text}
      </p>
      <ul class="lines" aria-label="Lines to pack">
        {lines.map((line) => (
          <PackLineRow key={line.productId} line={line} count={countOf(line, counts)} onCount={(value) => count(line.productId, value)} />
        ))}
      </ul>
      <ShortLinesNote lines={short} countOf={(line) => countOf(line, counts)} />
      <div class="actions">
        <button type="button" disabled={busy} onClick={() => void act('save')}>Save packed counts</button>
        <button type="button" disabled={busy} onClick={() => void act('pack')}>Mark packed</button>
        <button type="button" disabled={busy} onClick={() => void act('send')}>Send</button>
      </div>
    </main>
  );
}

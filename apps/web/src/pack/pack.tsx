import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { addBox, ApiError, markPacked, putInBox, recordPacked, removeBox, sendTransfer, takeOutOfBox, transfer, weighBox, type TransferDetail } from '../api.js';
import type { BoxActions } from '../boxes/box-card.js';
import { boxRefusal, kilograms } from '../boxes/box-refusal.js';
import { Boxes } from '../boxes/boxes.js';
import { indexByCode } from '../counting/code-index.js';
import { ScanField } from '../counting/scan-field.js';
import { Shipping } from '../shipment/shipping.js';
import { OverPackConfirm, overPackOf, type OverPack } from './over-pack.js';
import { changedLines, countOf, nameOf, shortLines, type Counts } from './pack-counts.js';
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
  const [counts, setCountsState] = useState<Counts>({});
  // The box queue reads the counts and the transfer as they are now, not as the last render saw them.
  const countsRef = useRef<Counts>({});
  const setCounts = (change: (now: Counts) => Counts) => {
    countsRef.current = change(countsRef.current);
    setCountsState(countsRef.current);
  };
  const detailRef = useRef<TransferDetail | null>(null);
  detailRef.current = detail;
  const boxQueue = useRef<Promise<void>>(Promise.resolve());
  const [openBoxId, setOpenBoxId] = useState<string | null>(null);
  const [labelFor, setLabelFor] = useState<string | null>(null);
  const [message, setMessage] = useState<Message>({ text: '' });
  const [busy, setBusy] = useState(false);
  const [overPack, setOverPack] = useState<OverPack | null>(null);
  const keys = useRef(new RetryKeys()).current;

  const load = () => transfer(transferId).then(setDetail, (error: Error) => setMessage({ text: error.message, refused: true }));
  useEffect(() => void load(), [transferId]);

  const lines = detail?.lines ?? [];
  const byCode = useMemo(() => indexByCode(lines), [lines]);
  const count = (productId: string, value: number) => {
    setOverPack(null);
    setCounts((now) => ({ ...now, [productId]: value }));
  };

  const productName = (productId: string) => nameOf(lines.find((line) => line.productId === productId) ?? { productId });
  const boxNumber = (boxId: string | null, of = detailRef.current) => (of?.boxes.findIndex((box) => box.boxId === boxId) ?? -1) + 1;

  /** Box commands run one after the other, in the order pressed or scanned, each on the answer of the last. */
  const boxWork = (work: () => Promise<TransferDetail>, done: (result: TransferDetail) => string) => {
    boxQueue.current = boxQueue.current.then(async () => {
      try {
        const result = await work();
        detailRef.current = result;
        setDetail(result);
        setMessage({ text: done(result) });
      } catch (error) {
        setMessage({ text: boxRefusal(error, productName), refused: true });
        setOverPack(overPackOf(error));
        if (error instanceof ApiError && (error.status === 404 || error.status === 409)) await load();
      }
    });
  };

  const newBox = (boxTypeId: string, label?: string) => {
    const boxId = crypto.randomUUID();
    setLabelFor(null);
    boxWork(
      () => addBox(transferId, { boxId, boxTypeId, ...(label ? { label } : {}) }),
      (result) => {
        setOpenBoxId(boxId);
        return `Box ${boxNumber(boxId, result)} is open: scan the products that go in it.`;
      },
    );
  };

  /** With a box open, a scan counts the unit as packed (saved at once) and puts it in that box. */
  const scanIntoBox = (productId: string, code: string, boxId: string) => {
    boxWork(
      async () => {
        let current = detailRef.current!;
        const line = current.lines.find((candidate) => candidate.productId === productId)!;
        const wanted = countsRef.current[productId];
        if (wanted !== undefined && wanted !== line.packedQuantity) {
          const intent = `packed:${productId}:`;
          current = await recordPacked(transferId, productId, { packedQuantity: wanted }, { version: current.version, idempotencyKey: keys.keyFor(`${intent}${wanted}`) });
          keys.forget(intent);
          detailRef.current = current;
          setDetail(current);
          setCounts((now) => (now[productId] === wanted ? withoutCount(now, productId) : now));
        }
        return putInBox(transferId, boxId, productId, 1);
      },
      (result) => `+1 ${code} into box ${boxNumber(boxId, result)}`,
    );
  };

  const scan = (code: string) => {
    const line = lines.find((candidate) => candidate.productId === byCode.get(code));
    if (labelFor) {
      if (line) return setMessage({ text: `${code} is the code of ${nameOf(line)}, not a box: scan the label on the new box, or press Cancel.`, refused: true });
      return newBox(labelFor, code);
    }
    if (!line) return setMessage({ text: `No line has code ${code}.`, refused: true });
    setOverPack(null);
    setCounts((now) => ({ ...now, [line.productId]: countOf(line, now) + 1 }));
    if (openBoxId && detail?.boxes.some((box) => box.boxId === openBoxId)) return scanIntoBox(line.productId, code, openBoxId);
    setMessage({ text: `+1 ${code}` });
  };

  const boxActions: BoxActions = {
    open: (boxId) => {
      setOpenBoxId(boxId);
      setMessage({ text: `Box ${boxNumber(boxId)} is open: scan the products that go in it.` });
    },
    takeOneOut: (boxId, productId) =>
      boxWork(() => takeOutOfBox(transferId, boxId, productId, 1), (result) => `Took one ${productName(productId)} out of box ${boxNumber(boxId, result)}: it is not boxed now.`),
    weigh: (boxId, weightG) => boxWork(() => weighBox(transferId, boxId, weightG), (result) => `Box ${boxNumber(boxId, result)} weighs ${kilograms(weightG)}.`),
    remove: (boxId) => {
      const number = boxNumber(boxId);
      if (openBoxId === boxId) setOpenBoxId(null);
      boxWork(() => removeBox(transferId, boxId), () => `Box ${number} removed: what was in it is not boxed now.`);
    },
  };

  /** Writes each changed count, one after the other, each against the version the last answer gave. */
  const saveCounts = async (from: TransferDetail): Promise<TransferDetail> => {
    let current = from;
    for (const line of changedLines(from.lines, countsRef.current)) {
      const packedQuantity = countOf(line, countsRef.current);
      const intent = `packed:${line.productId}:`;
      current = await recordPacked(transferId, line.productId, { packedQuantity }, { version: current.version, idempotencyKey: keys.keyFor(`${intent}${packedQuantity}`) });
      keys.forget(intent);
      setDetail(current);
      // A scan made while saving stays; only the count that was written gives way to the API's.
      setCounts((now) => (now[line.productId] === packedQuantity ? withoutCount(now, line.productId) : now));
    }
    return current;
  };

  /** Runs one press of a button: the API's answer, or its refusal, goes to the status line. */
  const run = async (work: () => Promise<string>) => {
    if (busy) return;
    setBusy(true);
    setOverPack(null);
    try {
      setMessage({ text: await work() });
    } catch (error) {
      const moved = error instanceof ApiError && error.status === 409;
      const unreachable = !(error instanceof ApiError);
      const text = unreachable
        ? 'No answer (no connection?): the counts stay on the screen. Press again when the network is back; whatever already reached the service is not saved twice.'
        : moved
          ? `${(error as Error).message} The transfer is shown as it is now: check the counts and try again.`
          : (error as Error).message;
      setMessage({ text, refused: true });
      setOverPack(overPackOf(error));
      if (moved) await load();
    } finally {
      setBusy(false);
    }
  };

  const act = (what: 'save' | 'pack' | 'send') =>
    run(async () => {
      await boxQueue.current;
      if (!detailRef.current) return '';
      let result = await saveCounts(detailRef.current);
      if (what === 'pack') result = await markPacked(transferId, { version: result.version, idempotencyKey: keys.keyFor('action:pack') });
      if (what === 'send') result = await sendTransfer(transferId, { version: result.version, idempotencyKey: keys.keyFor('action:send') });
      keys.forget(`action:${what}`);
      setDetail(result);
      return DONE[what](result);
    });

  /** The same count, confirmed: another body, so another Idempotency-Key than the refused one. */
  const confirmOverPack = ({ productId, packedQuantity }: OverPack) =>
    run(async () => {
      if (!detail) return '';
      const intent = `packed:${productId}:`;
      const body = { packedQuantity, confirmOverPack: true };
      const result = await recordPacked(transferId, productId, body, { version: detail.version, idempotencyKey: keys.keyFor(`${intent}${packedQuantity}:confirmed`) });
      keys.forget(intent);
      setDetail(result);
      setCounts((now) => (now[productId] === packedQuantity ? withoutCount(now, productId) : now));
      return DONE.save(result);
    });

  if (!detail) return <main class="page"><p role="status">{message.text || 'Loading…'}</p></main>;
  const short = shortLines(lines, counts);
  return (
    <main class="page">
      <h1>Pack {detail.reference ?? detail.id.slice(0, 8)}</h1>
      <p class="muted">
        to {detail.destinationOutletId} · {detail.status}
      </p>
      {labelFor && <p class="notice">Scan the label on the new box.</p>}
      <ScanField onCode={scan} />
      <p role="status" aria-live="polite" class={message.refused ? 'error' : undefined}>
        {message.text}
      </p>
      <ul class="lines" aria-label="Lines to pack">
        {lines.map((line) => (
          <PackLineRow key={line.productId} line={line} count={countOf(line, counts)} onCount={(value) => count(line.productId, value)} />
        ))}
      </ul>
      <OverPackConfirm
        over={overPack}
        name={overPack ? nameOf(lines.find((line) => line.productId === overPack.productId) ?? overPack) : ''}
        disabled={busy}
        onConfirm={(over) => void confirmOverPack(over)}
      />
      <ShortLinesNote lines={short} countOf={(line) => countOf(line, counts)} />
      <Boxes
        detail={detail}
        packedUnits={lines.reduce((sum, line) => sum + countOf(line, counts), 0)}
        openBoxId={openBoxId}
        labelFor={labelFor}
        nameOf={productName}
        onLabelFor={(boxTypeId) => {
          setLabelFor(boxTypeId);
          setMessage({ text: boxTypeId ? 'Scan the label on the new box.' : 'Scanning products again.' });
        }}
        onNewBox={(boxTypeId) => newBox(boxTypeId)}
        actions={boxActions}
      />
      <Shipping detail={detail} onChanged={setDetail} />
      <div class="actions">
        <button type="button" disabled={busy} onClick={() => void act('save')}>Save packed counts</button>
        <button type="button" disabled={busy} onClick={() => void act('pack')}>Mark packed</button>
        <button type="button" disabled={busy} onClick={() => void act('send')}>Send</button>
      </div>
    </main>
  );
}

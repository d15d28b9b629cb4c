import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { transfer, whoIsSignedIn, type ProductMatch, type ReceiptLine, type TransferDetail } from '../api.js';
import { indexByCode } from '../counting/code-index.js';
import { ScanField } from '../counting/scan-field.js';
import { PhotoInput } from '../evidence/photo-input.js';
import { SignatureField } from '../evidence/signature-field.js';
import { deliver } from '../outbox/deliver.js';
import { announceChange } from '../outbox/outbox-events.js';
import type { Attachment, OutboxReceipt } from '../outbox/outbox-record.js';
import { forget, keep } from '../outbox/outbox-store.js';
import { useOutbox } from '../outbox/use-outbox.js';
import { WaitingReceipts } from '../outbox/waiting-receipts.js';
import { ShipmentPanel } from '../shipment/shipment-panel.js';
import { SyncStatus } from '../sync/sync-status.js';
import { discardDraft, useCountDraft } from './count-draft.js';
import { useExtraOffer } from './extra-offer.js';
import { OverReceiptDialog, overLinesOf, type OverLine } from './over-receipt-dialog.js';
import { nameOf, ReceiveLine, type LineCount, type Row } from './receive-line.js';

const extraRow = (product: ProductMatch): Row => ({
  productId: product.id,
  name: product.name,
  sku: product.sku,
  sentQuantity: 0,
  receivedQuantity: 0,
  barcodes: product.codes.map((code) => code.code),
});

/** As the API allows (receive's `evidence`, at most 20). */
const MAX_EVIDENCE_PER_RECEIPT = 20;

/** One object for every line not yet counted, so an untouched line is not redrawn. */
const NOTHING_COUNTED: LineCount = { count: 0 };

const lineOf = (productId: string, entry: LineCount | undefined): ReceiptLine => {
  const line: ReceiptLine = { productId, receivedQuantity: entry?.count ?? 0 };
  if (!entry?.reason) return line;
  return entry.reason === 'OTHER' ? { ...line, reason: entry.reason, note: (entry.note ?? '').trim() } : { ...line, reason: entry.reason };
};

/** Counting one inbound transfer: scan or type counts, give reasons for variances, add photos and a signature, record. */
export function Receive({ transferId }: { transferId: string }) {
  const [detail, setDetail] = useState<TransferDetail | null>(null);
  const [entries, setEntries] = useState<Record<string, LineCount>>({});
  const [extras, setExtras] = useState<Row[]>([]);
  const [photos, setPhotos] = useState<Blob[]>([]);
  const [signature, setSignature] = useState<Blob | null>(null);
  const [message, setMessage] = useState('');
  const [busy, setBusy] = useState(false);
  /** The receipt the API found above the over-receipt tolerance, until staff confirm or cancel it. */
  const [over, setOver] = useState<{ receipt: OutboxReceipt; lines: OverLine[] } | null>(null);
  const [signatureKey, setSignatureKey] = useState(0);
  const extra = useExtraOffer(setMessage);
  const waitingHere = useOutbox().filter((receipt) => receipt.transferId === transferId);
  const waitingCount = useRef(waitingHere.length);

  useCountDraft({ transferId, actorId: whoIsSignedIn()?.id ?? '', entries, extras, photos }, (kept) => {
    if (!kept) return;
    setEntries(kept.entries);
    setExtras(kept.extras);
    setPhotos(kept.photos);
    setMessage('The count made earlier on this device is back: carry on.');
  });

  const load = () => transfer(transferId).then(setDetail, (error: Error) => setMessage(error.message));
  useEffect(() => void load(), [transferId]);
  // A receipt sent in the background changes what was received: show it.
  useEffect(() => {
    if (waitingHere.length < waitingCount.current && navigator.onLine) void load();
    waitingCount.current = waitingHere.length;
  }, [waitingHere.length]);

  const rows: Row[] = useMemo(() => [...(detail?.lines ?? []), ...extras.filter((row) => !detail?.lines.some((line) => line.productId === row.productId))], [detail, extras]);
  const byCode = useMemo(() => indexByCode(rows), [rows]);
  const entryOf = (productId: string): LineCount => entries[productId] ?? NOTHING_COUNTED;
  const change = useCallback((productId: string, update: Partial<LineCount>) => setEntries((now) => ({ ...now, [productId]: { ...(now[productId] ?? NOTHING_COUNTED), ...update } })), []);

  const addExtra = (product: ProductMatch) => {
    extra.dismiss();
    setExtras((now) => [...now, extraRow(product)]);
    change(product.id, { count: 1, reason: 'EXTRA' });
    setMessage(`Added ${product.name} as an extra line, counted 1.`);
  };

  const scan = (code: string) => {
    const productId = byCode.get(code);
    extra.dismiss();
    if (!productId) return void extra.lookUp(code);
    setEntries((now) => ({ ...now, [productId]: { ...(now[productId] ?? NOTHING_COUNTED), count: (now[productId]?.count ?? 0) + 1 } }));
    setMessage(`+1 ${code}`);
  };

  /** What this delivery counted is now recorded or kept on the device: the next count starts at 0. */
  const startAgain = () => {
    void discardDraft(transferId);
    setEntries({});
    setExtras([]);
    setPhotos([]);
    setSignature(null);
    setSignatureKey((key) => key + 1);
  };

  const settle = async (receipt: OutboxReceipt) => {
    setBusy(true);
    const delivery = await deliver(receipt).finally(() => setBusy(false));
    if (delivery.kind === 'recorded') {
      setDetail(delivery.transfer);
      startAgain();
      return setMessage(`Recorded: ${delivery.transfer.status}`);
    }
    if (delivery.kind === 'waiting') {
      startAgain();
      return setMessage(
        navigator.onLine
          ? 'Not sent yet, the service did not answer: the receipt is saved on this device and will be sent again shortly.'
          : 'No connection: the receipt is saved on this device and will be sent when the network returns.',
      );
    }
    const lines = overLinesOf(delivery.error);
    if (lines) {
      setOver({ receipt, lines });
    } else {
      // Staff are here, with the counts still on screen: they fix them and record again.
      await forget(receipt.submission.receiptId);
      announceChange();
    }
    setMessage(delivery.error.message);
  };

  const submit = async (final: boolean) => {
    if (!detail || busy) return;
    const unexplained = rows.find((row) => final && row.receivedQuantity + entryOf(row.productId).count !== row.sentQuantity && !entryOf(row.productId).reason);
    if (unexplained) return setMessage(`Give a reason for ${nameOf(unexplained)}: its count differs from what was sent.`);
    const unnoted = rows.find((row) => entryOf(row.productId).reason === 'OTHER' && !entryOf(row.productId).note?.trim());
    if (unnoted) return setMessage(`Add a note for ${nameOf(unnoted)}: reason OTHER needs one.`);
    const attachments: Attachment[] = [
      ...rows.flatMap((row) => (entryOf(row.productId).reason ? (entryOf(row.productId).photos ?? []) : []).map((blob) => ({ kind: 'photo' as const, blob, productId: row.productId }))),
      ...photos.map((blob) => ({ kind: 'photo' as const, blob })),
      ...(signature ? [{ kind: 'signature' as const, blob: signature }] : []),
    ];
    if (attachments.length > MAX_EVIDENCE_PER_RECEIPT) {
      return setMessage(`A receipt takes at most ${MAX_EVIDENCE_PER_RECEIPT} photos and signature: remove ${attachments.length - MAX_EVIDENCE_PER_RECEIPT}.`);
    }
    const me = whoIsSignedIn();
    if (!me) return setMessage('Sign in again to record this receipt: the counts stay on this device.');
    const receipt: OutboxReceipt = {
      by: { id: me.id, name: me.name ?? null },
      transferId,
      transferLabel: detail.reference ?? detail.id.slice(0, 8),
      submission: { receiptId: crypto.randomUUID(), idempotencyKey: crypto.randomUUID(), final, lines: rows.map((row) => lineOf(row.productId, entries[row.productId])) },
      attachments,
      createdAt: new Date().toISOString(),
    };
    // Kept before it is sent: a tab closed or a network lost mid-request loses nothing.
    await keep(receipt);
    announceChange();
    await settle(receipt);
  };

  /**
   * The 422 wrote nothing, and confirmOverReceipt is not part of what makes a receipt the same:
   * the confirmed resend keeps the receiptId (so any retry of it is recorded once) but is another
   * body, so it takes a new Idempotency-Key.
   */
  const confirm = async (receipt: OutboxReceipt) => {
    setOver(null);
    const confirmed: OutboxReceipt = { ...receipt, refusal: undefined, submission: { ...receipt.submission, confirmOverReceipt: true, idempotencyKey: crypto.randomUUID() } };
    await keep(confirmed);
    await settle(confirmed);
  };

  const discard = async (receipt: OutboxReceipt, why: string) => {
    setOver(null);
    await forget(receipt.submission.receiptId);
    announceChange();
    setMessage(why);
  };

  if (!detail) return <main class="page"><p role="status">{message || 'Loading…'}</p></main>;
  const rowNamed = (productId: string) => nameOf(rows.find((row) => row.productId === productId) ?? { productId, sentQuantity: 0, receivedQuantity: 0, barcodes: [] });
  return (
    <main class="page">
      <h1>Receive {detail.reference ?? detail.id.slice(0, 8)}</h1>
      <SyncStatus sync={detail.sync} divergent={detail.lightspeedDivergence !== null} />
      <ShipmentPanel detail={detail} />
      <ScanField onCode={scan} />
      <p role="status" aria-live="polite">{message}</p>
      {extra.offer && <button type="button" onClick={() => addExtra(extra.offer!)}>Add {extra.offer.name} as an extra line</button>}
      <WaitingReceipts receipts={waitingHere} onConfirm={(receipt) => void confirm(receipt)} onDiscard={(receipt) => void discard(receipt, 'Discarded: that receipt was not recorded.')} />
      <ul class="lines">
        {rows.map((row) => <ReceiveLine key={row.productId} row={row} entry={entryOf(row.productId)} onChange={change} />)}
      </ul>
      <section class="evidence" aria-label="Evidence for this delivery">
        <PhotoInput subject="the delivery" photos={photos} onChange={setPhotos} />
        <SignatureField key={signatureKey} onChange={setSignature} />
      </section>
      <button type="button" disabled={busy} onClick={() => void submit(false)}>Record partial receipt</button>
      <button type="button" disabled={busy} onClick={() => void submit(true)}>Finish receiving</button>
      <OverReceiptDialog lines={over?.lines ?? null} nameOf={rowNamed} onConfirm={() => over && void confirm(over.receipt)} onCancel={() => over && void discard(over.receipt, 'Not recorded: check the counts.')} />
    </main>
  );
}

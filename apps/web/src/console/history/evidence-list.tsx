import type { TransferEvidence } from '../../api.js';

/** The photos and signatures of a transfer's receipts as thumbnails (read with the session cookie), each with its SHA-256. */
export function EvidenceList({ evidence }: { evidence: readonly TransferEvidence[] }) {
  return (
    <section aria-labelledby="evidence-title">
      <h2 id="evidence-title">Evidence ({evidence.length})</h2>
      {evidence.length === 0 && <p class="muted">No receipt has photos or a signature.</p>}
      <ul class="evidence-list">
        {evidence.map((item) => (
          <li key={item.evidenceId}>
            {item.kind === 'PHOTO' ? <img src={item.href} alt={`Photo of ${item.productId ?? 'the delivery'}`} width={96} height={96} /> : <img src={item.href} alt="Receiver's signature" width={160} height={60} />}
            <span>
              {item.kind.toLowerCase()}
              {item.productId ? ` of ${item.productId}` : ''}, receipt {item.receipt.receiptId.slice(0, 8)} (version {item.receipt.version})
              <br />
              <code>SHA-256 {item.sha256}</code>
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}

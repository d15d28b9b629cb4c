import { evidenceUrl, type Shipment, type TransferDetail } from '../api.js';
import { price } from './money.js';

const STATUS_TEXT: Record<Shipment['status'], string> = {
  REQUESTED: 'Booking with the carrier…',
  BOOKED: 'Booked',
  CANCELLING: 'Cancelling with the carrier…',
};

const when = (iso: string) => <time dateTime={iso}>{new Date(iso).toLocaleString()}</time>;
const words = (status: string) => status.toLowerCase().replace(/_/g, ' ');

/** The carrier booking of a transfer: service, price, labels and where the parcels are; earlier bookings that failed or were cancelled. */
export function ShipmentPanel({ detail }: { detail: Pick<TransferDetail, 'shipment' | 'shipmentHistory' | 'freightCostCents'> }) {
  const { shipment, shipmentHistory } = detail;
  if (!shipment && shipmentHistory.length === 0) return null;
  return (
    <section class="shipment" aria-labelledby="shipment-heading">
      <h2 id="shipment-heading">Shipment</h2>
      {shipment && (
        <>
          <p>
            <span class={`status status-${shipment.status.toLowerCase()}`}>{STATUS_TEXT[shipment.status]}</span> · {shipment.service.name}
            {shipment.carrierName ? ` with ${shipment.carrierName}` : ''} · order <code>{shipment.orderNumber}</code>
          </p>
          <dl class="facts">
            <dt>Freight cost</dt>
            <dd>{detail.freightCostCents === null ? '—' : price(detail.freightCostCents, shipment.currency)}{shipment.priceCents === null ? ' (quoted)' : ''}</dd>
            <dt>Tracking</dt>
            <dd>{shipment.tracking.status ? words(shipment.tracking.status) : 'no update yet'}{shipment.deliveredAt && <> · delivered {when(shipment.deliveredAt)}</>}</dd>
            {shipment.trackingNumbers.length > 0 && (
              <>
                <dt>Tracking numbers</dt>
                <dd>{shipment.trackingNumbers.join(', ')}</dd>
              </>
            )}
          </dl>
          {shipment.cancellationRefusedReason && <p class="error">The carrier refused the cancellation: {shipment.cancellationRefusedReason}</p>}
          {shipment.labelEvidenceIds.length > 0 && (
            <p>
              Carrier labels:{' '}
              {shipment.labelEvidenceIds.map((id, index) => (
                <a key={id} href={evidenceUrl(id)} target="_blank" rel="noopener">
                  {`label ${index + 1}`}{index < shipment.labelEvidenceIds.length - 1 ? ', ' : ''}
                </a>
              ))}
            </p>
          )}
          {shipment.tracking.events.length > 0 && (
            <ol class="tracking" aria-label="Tracking updates">
              {[...shipment.tracking.events].sort((a, b) => Date.parse(b.at) - Date.parse(a.at)).map((event) => (
                <li key={`${event.trackingNumber}-${event.at}-${event.status}`}>
                  {when(event.at)} <strong>{words(event.status)}</strong> {event.trackingNumber}
                  {event.details ? `: ${event.details}` : ''} <span class="muted">({event.source === 'WEBHOOK' ? 'carrier notice' : 'asked the carrier'})</span>
                </li>
              ))}
            </ol>
          )}
        </>
      )}
      {shipmentHistory.length > 0 && (
        <>
          <h3>Earlier bookings</h3>
          <ul>
            {shipmentHistory.map((entry) => (
              <li key={`${entry.orderNumber}-${entry.at}`}>
                <code>{entry.orderNumber}</code> {entry.outcome === 'FAILED' ? 'failed' : 'cancelled'} {when(entry.at)}: {entry.reason}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

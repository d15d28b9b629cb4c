import { useEffect, useState } from 'preact/hooks';
import { cancelBooking, freightQuotes, refusalText, requestBooking, transfer, type FreightQuote, type ServiceQuote, type TransferDetail } from '../api.js';
import { price } from './money.js';
import { ShipmentPanel } from './shipment-panel.js';

/** How often the screen asks how the worker is getting on with a booking or a cancellation. */
const WATCH_MS = 2_000;

/** Shipping on the pack screen: the carrier's prices for the boxes, booking one, its labels and tracking, cancelling it. */
export function Shipping({ detail, onChanged }: { detail: TransferDetail; onChanged(detail: TransferDetail): void }) {
  const [quote, setQuote] = useState<FreightQuote | null>(null);
  const [problem, setProblem] = useState('');
  const [busy, setBusy] = useState(false);
  const [reason, setReason] = useState('');
  const shipment = detail.shipment;
  const working = shipment?.status === 'REQUESTED' || shipment?.status === 'CANCELLING';

  // The worker books and cancels: watch the transfer until it has.
  useEffect(() => {
    if (!working) return;
    const timer = setInterval(() => void transfer(detail.id).then(onChanged, () => undefined), WATCH_MS);
    return () => clearInterval(timer);
  }, [detail.id, working]);

  const run = async (work: () => Promise<void>) => {
    setBusy(true);
    setProblem('');
    try {
      await work();
    } catch (error) {
      setProblem(refusalText(error));
    } finally {
      setBusy(false);
    }
  };
  const getQuotes = () => run(async () => setQuote(await freightQuotes(detail.id)));
  const book = (service: ServiceQuote) =>
    run(async () => {
      onChanged(await requestBooking(detail.id, service));
      setQuote(null);
    });
  const cancel = () =>
    run(async () => {
      onChanged(await cancelBooking(detail.id, reason.trim()));
      setReason('');
    });

  const noBoxes = detail.boxes.length === 0;
  return (
    <section class="shipping" aria-labelledby="shipping-heading">
      <h2 id="shipping-heading">Shipping</h2>
      {problem && <p class="error" role="alert">{problem}</p>}
      {!shipment && (
        <>
          <div class="actions">
            <button type="button" disabled={busy} onClick={() => void getQuotes()}>
              Get carrier prices
            </button>
            {noBoxes && <span class="muted">Prices come from the suggested packing until the goods are in boxes; booking needs boxes.</span>}
          </div>
          {quote && quote.quotes.length > 0 && (
            <table aria-label="Carrier services">
              <caption>
                {quote.parcels.length} {quote.parcels.length === 1 ? 'parcel' : 'parcels'} from {quote.parcelsFrom === 'BOXES' ? 'the boxes' : 'the suggestion'}
                {quote.cached ? ' · price kept from an earlier look' : ''}
              </caption>
              <thead>
                <tr><th scope="col">Service</th><th scope="col">Price</th><th scope="col"><span class="visually-hidden">Book</span></th></tr>
              </thead>
              <tbody>
                {quote.quotes.map((service) => (
                  <tr key={service.serviceCode}>
                    <th scope="row">{service.serviceName}</th>
                    <td>{price(service.priceCents, service.currency)}</td>
                    <td>
                      <button type="button" disabled={busy || noBoxes} onClick={() => void book(service)}>
                        Book {service.serviceName}
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {quote && quote.quotes.length === 0 && <p>The carrier offers no service between these addresses.</p>}
        </>
      )}
      <ShipmentPanel detail={detail} />
      {shipment?.status === 'BOOKED' && !shipment.deliveredAt && (
        <form
          class="cancel-booking"
          onSubmit={(event) => {
            event.preventDefault();
            void cancel();
          }}
        >
          <label>
            Why cancel the booking{' '}
            <input value={reason} required maxLength={1000} onInput={(event) => setReason((event.currentTarget as HTMLInputElement).value)} />
          </label>
          <button type="submit" disabled={busy || reason.trim() === ''}>
            Cancel booking
          </button>
        </form>
      )}
    </section>
  );
}

import { useEffect, useState } from 'preact/hooks';
import { refusalText, unreceivedShipments, type UnreceivedShipment } from '../api.js';

type State = { kind: 'loading' } | { kind: 'failed'; message: string } | { kind: 'loaded'; afterHours: number; items: UnreceivedShipment[] };

/**
 * Deliveries the carrier made more than the set hours ago that nobody has started receiving: stock that may
 * be sitting at a back door. `linkTo` makes each a link (the dock app's receive screen, the console's detail).
 */
export function UnreceivedShipments({ linkTo, quietWhenNone }: { linkTo(transferId: string): string; quietWhenNone: boolean }) {
  const [state, setState] = useState<State>({ kind: 'loading' });
  useEffect(() => {
    unreceivedShipments().then(
      ({ afterHours, items }) => setState({ kind: 'loaded', afterHours, items }),
      (error: unknown) => setState({ kind: 'failed', message: refusalText(error) }),
    );
  }, []);
  if (state.kind === 'loading') return null;
  if (state.kind === 'failed') return <p class="error">Could not check for deliveries waiting to be received: {state.message}</p>;
  if (state.items.length === 0 && quietWhenNone) return null;
  return (
    <section class="unreceived notice" aria-labelledby="unreceived-heading">
      <h2 id="unreceived-heading">Delivered, not received ({state.items.length})</h2>
      <p>The carrier delivered these more than {state.afterHours} hours ago and nobody has started receiving them.</p>
      {state.items.length > 0 && (
        <ul>
          {state.items.map((item) => (
            <li key={item.transferId}>
              <a href={linkTo(item.transferId)}>{item.orderNumber}</a> to {item.destinationOutletId ?? `supplier ${item.supplierId ?? ''}`}, delivered{' '}
              <time dateTime={item.deliveredAt}>{new Date(item.deliveredAt).toLocaleString()}</time> ({item.hoursSinceDelivery} h ago)
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

import { lazy, Suspense } from 'preact/compat';
import { useEffect, useState } from 'preact/hooks';
import { currentSession, signIn, signOut, type Session } from './api.js';
import { Header } from './header.js';
import { InboundList } from './inbound-list.js';
import { OutboxStatus } from './outbox/outbox-status.js';
import { useSendingWhenOnline } from './outbox/use-outbox.js';
import { OutboundList } from './outbound-list.js';
import { Pack } from './pack/pack.js';
import { Receive } from './receive/receive.js';
import { currentRoute, goTo } from './route.js';
import { SignIn } from './sign-in.js';

/** The console's screens are fetched only by those who open them: the dock's first load stays small. */
const SyncHealth = lazy(() => import('./console/sync-health/sync-health.js').then((module) => module.SyncHealth));

const ApprovalsInbox = lazy(() => import('./console/approvals/approvals-inbox.js').then((module) => module.ApprovalsInbox));
const History = lazy(() => import('./console/history/history.js').then((module) => module.History));
const Transfers = lazy(() => import('./console/transfers/transfers.js').then((module) => module.Transfers));
const TransferDetail = lazy(() => import('./console/transfer-detail/transfer-detail.js').then((module) => module.TransferDetail));
const AuditSearch = lazy(() => import('./console/audit/audit-search.js').then((module) => module.AuditSearch));
const EventFeed = lazy(() => import('./console/events/event-feed.js').then((module) => module.EventFeed));
const ProductDimensions = lazy(() => import('./console/dimensions/product-dimensions.js').then((module) => module.ProductDimensions));

type State = { kind: 'loading' } | { kind: 'signedOut'; error?: string } | { kind: 'signedIn'; session: Session };

export function App() {
  const [state, setState] = useState<State>({ kind: 'loading' });
  const [path, setPath] = useState(currentRoute().path);
  useEffect(() => {
    const follow = () => setPath(currentRoute().path);
    window.addEventListener('hashchange', follow);
    return () => window.removeEventListener('hashchange', follow);
  }, []);

  const exchange = async (token: string) => {
    // Someone else's link on a shared device: the previous person's screens go at once, not when the new session arrives.
    setState({ kind: 'loading' });
    try {
      setState({ kind: 'signedIn', session: await signIn(token) });
      goTo('/inbound');
    } catch (error) {
      setState({ kind: 'signedOut', error: (error as Error).message });
    }
  };

  useEffect(() => {
    /** A sign-in link, whether it opened the app or arrived while it was open. */
    const takeTokenFromLink = (): boolean => {
      const token = currentRoute().params.get('token');
      if (!token) return false;
      goTo('/sign-in');
      void exchange(token);
      return true;
    };
    if (!takeTokenFromLink()) {
      currentSession().then(
        (session) => setState({ kind: 'signedIn', session }),
        () => setState({ kind: 'signedOut' }),
      );
    }
    window.addEventListener('hashchange', takeTokenFromLink);
    return () => window.removeEventListener('hashchange', takeTokenFromLink);
  }, []);

  if (state.kind === 'loading') return <main class="page"><p aria-busy="true">Loading…</p></main>;
  if (state.kind === 'signedOut') return <SignIn error={state.error} onToken={exchange} />;
  const leave = async () => {
    await signOut().catch(() => undefined);
    setState({ kind: 'signedOut' });
    goTo('/sign-in');
  };
  return (
    <>
      <Header session={state.session} path={path} onSignOut={leave} />
      <OutboxStatus />
      <SendingWhenOnline actorId={state.session.actor.id} />
      <Suspense fallback={<main class="page"><p aria-busy="true">Loading…</p></main>}>
        <Screen path={path} outletId={state.session.actor.outlets[0] ?? null} roles={state.session.actor.roles} />
      </Suspense>
    </>
  );
}

/** The screen a route names; anything else shows what is inbound. */
function Screen({ path, outletId, roles }: { path: string; outletId: string | null; roles: Session['actor']['roles'] }) {
  const isManager = roles.includes('manager');
  const receivingId = /^\/transfers\/([^/]+)$/.exec(path)?.[1];
  if (receivingId) return <Receive key={receivingId} transferId={receivingId} />;
  const packingId = /^\/pack\/([^/]+)$/.exec(path)?.[1];
  if (packingId) return <Pack key={packingId} transferId={packingId} />;
  if (path === '/outbound') return <OutboundList outletId={outletId} />;
  if (path === '/console/sync') return <SyncHealth />;
  if (path === '/console/approvals') return <ApprovalsInbox />;
  const historyOf = /^\/console\/history\/([^/]+)$/.exec(path)?.[1];
  if (historyOf) return <History key={historyOf} transferId={historyOf} />;
  if (path === '/console/transfers') return <Transfers />;
  const detailOf = /^\/console\/transfers\/([^/]+)$/.exec(path)?.[1];
  if (detailOf) return <TransferDetail key={detailOf} transferId={detailOf} canDecide={isManager} />;
  if (path === '/console/audit') return <AuditSearch />;
  if (path === '/console/events') return <EventFeed />;
  if (path === '/console/dimensions') return isManager || roles.includes('admin') ? <ProductDimensions /> : <NotYours screen="Product sizes" who="managers and admins" />;
  return <InboundList outletId={outletId} />;
}

/** A screen opened by its address by someone whose roles it is not for. */
function NotYours({ screen, who }: { screen: string; who: string }) {
  return (
    <main class="page">
      <h1>{screen}</h1>
      <p class="error" role="alert">This screen is for {who}; your roles do not include it.</p>
    </main>
  );
}

/** Mounted while someone is signed in: the API takes receipts only from a session. */
function SendingWhenOnline({ actorId }: { actorId: string }) {
  useSendingWhenOnline(actorId);
  return null;
}

import type { Session } from './api.js';

interface Props {
  session: Session;
  /** The route shown, so its link is marked as the current page. */
  path: string;
  onSignOut: () => void;
}

type Role = Session['actor']['roles'][number];

/** Each screen, and the roles it is for: a link shows only to those who can use its screen. */
const SCREENS: readonly { path: string; label: string; roles: readonly Role[] }[] = [
  { path: '/inbound', label: 'Inbound', roles: ['staff', 'manager', 'admin'] },
  { path: '/outbound', label: 'Outbound', roles: ['staff', 'manager', 'admin'] },
  { path: '/console/approvals', label: 'Approvals', roles: ['manager'] },
  { path: '/console/sync', label: 'Sync health', roles: ['admin'] },
  { path: '/console/transfers', label: 'Transfers', roles: ['manager', 'auditor', 'admin'] },
  { path: '/console/audit', label: 'Audit', roles: ['manager', 'auditor', 'admin'] },
  { path: '/console/events', label: 'Events', roles: ['manager', 'auditor', 'admin'] },
  { path: '/console/dimensions', label: 'Product sizes', roles: ['manager', 'admin'] },
];

export function Header({ session, path, onSignOut }: Props) {
  const { actor } = session;
  const screens = SCREENS.filter((screen) => screen.roles.some((role) => actor.roles.includes(role)));
  return (
    <header class="bar">
      <div class="who">
        <strong data-testid="actor-name">{actor.name ?? actor.id}</strong>
        <span class="muted"> · {actor.outlets.length ? actor.outlets.join(', ') : 'all outlets'}</span>
      </div>
      <button type="button" onClick={onSignOut}>
        Sign out
      </button>
      {screens.length > 0 && (
      <nav aria-label="Screens">
        {screens.map((screen) => (
          <a key={screen.path} href={`#${screen.path}`} aria-current={path === screen.path ? 'page' : undefined}>
            {screen.label}
          </a>
        ))}
      </nav>
      )}
    </header>
  );
}

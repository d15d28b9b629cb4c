import type { Session } from './api.js';

interface Props {
  session: Session;
  /** The route shown, so its link is marked as the current page. */
  path: string;
  onSignOut: () => void;
}

const SCREENS = [
  { path: '/inbound', label: 'Inbound' },
  { path: '/outbound', label: 'Outbound' },
] as const;

export function Header({ session, path, onSignOut }: Props) {
  const { actor } = session;
  return (
    <header class="bar">
      <div class="who">
        <strong data-testid="actor-name">{actor.name ?? actor.id}</strong>
        <span class="muted"> · {actor.outlets.length ? actor.outlets.join(', ') : 'all outlets'}</span>
      </div>
      <button type="button" onClick={onSignOut}>
        Sign out
      </button>
      <nav aria-label="Screens">
        {SCREENS.map((screen) => (
          <a key={screen.path} href={`#${screen.path}`} aria-current={path === screen.path ? 'page' : undefined}>
            {screen.label}
          </a>
        ))}
      </nav>
    </header>
  );
}

import type { Session } from './api.js';

interface Props {
  session: Session;
  onSignOut: () => void;
}

export function Header({ session, onSignOut }: Props) {
  const { actor } = session;
  return (
    <header class="bar">
      <div>
        <strong data-testid="actor-name">{actor.name ?? actor.id}</strong>
        <span class="muted"> · {actor.outlets.length ? actor.outlets.join(', ') : 'all outlets'}</span>
      </div>
      <button type="button" onClick={onSignOut}>
        Sign out
      </button>
    </header>
  );
}

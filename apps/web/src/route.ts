/** The app's routes live in the URL fragment (`#/sign-in?token=…`), which never reaches a server. */
export interface Route {
  path: string;
  params: URLSearchParams;
}

export function currentRoute(): Route {
  const [path = '', query = ''] = window.location.hash.replace(/^#/, '').split('?');
  return { path: path || '/', params: new URLSearchParams(query) };
}

/** Replaces the fragment (and so forgets a token carried in it) without a new history entry. */
export function goTo(path: string): void {
  window.history.replaceState(null, '', `${window.location.pathname}#${path}`);
  window.dispatchEvent(new HashChangeEvent('hashchange'));
}

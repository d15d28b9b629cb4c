/** Where the dock app is served, under the API's own origin. */
export const WEB_APP_PATH = '/app';

/**
 * A one-click sign-in for the dock app. The token travels in the URL's fragment, which the browser
 * never sends to a server, so it reaches no access log; the app reads it and signs in.
 */
export function signInLink(origin: string, token: string): string {
  return `${origin}${WEB_APP_PATH}/#/sign-in?token=${encodeURIComponent(token)}`;
}

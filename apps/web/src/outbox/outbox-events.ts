const CHANGED = 'dock-outbox-changed';

/** Tells every screen that what waits on this device changed. */
export const announceChange = () => window.dispatchEvent(new Event(CHANGED));

export function onChange(listener: () => void): () => void {
  window.addEventListener(CHANGED, listener);
  return () => window.removeEventListener(CHANGED, listener);
}

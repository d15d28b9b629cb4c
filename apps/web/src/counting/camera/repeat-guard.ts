/**
 * Decides which reads of the camera count: a code counts when it has not been seen for `quietMs`,
 * so an item held in view counts once however many frames show it, and counts again once it has
 * been out of view for that long.
 */
export function repeatGuard(quietMs = 1500): (code: string, now: number) => boolean {
  const lastSeen = new Map<string, number>();
  return (code, now) => {
    const last = lastSeen.get(code);
    lastSeen.set(code, now);
    return last === undefined || now - last >= quietMs;
  };
}

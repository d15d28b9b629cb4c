import { syncInWords, type SyncFacts } from './sync-in-words.js';

/** One line saying where Lightspeed stands with this transfer. */
export function SyncStatus({ sync, divergent }: { sync: SyncFacts | null | undefined; divergent?: boolean }) {
  const words = syncInWords(sync, divergent);
  return <p class={`sync sync-${words.tone}`}>{words.text}</p>;
}

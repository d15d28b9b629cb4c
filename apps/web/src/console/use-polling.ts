import { useEffect, useState } from 'preact/hooks';

export type Polled<T> = { value: T | null; error: string | null; refresh: () => void };

/**
 * Reads `load` now and every `everyMs` while the screen is shown, keeping the last answer when a
 * read fails (and saying why), so a page left open stays live without a reload.
 */
export function usePolling<T>(load: () => Promise<T>, everyMs: number): Polled<T> {
  const [value, setValue] = useState<T | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [tick, setTick] = useState(0);
  useEffect(() => {
    let live = true;
    const read = () =>
      load().then(
        (answer) => live && (setValue(answer), setError(null)),
        (failure: Error) => live && setError(failure.message),
      );
    void read();
    const timer = window.setInterval(() => void read(), everyMs);
    return () => {
      live = false;
      window.clearInterval(timer);
    };
  }, [tick]);
  return { value, error, refresh: () => setTick((now) => now + 1) };
}

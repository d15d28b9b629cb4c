// Runs one load step in a separate process (bench/load/driver.mjs) so the load never shares the
// API's event loop or the orchestrator's.
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const DRIVER = fileURLToPath(new URL('./driver.mjs', import.meta.url));

/** spec: { baseUrl, headers, scenario, concurrency | rate, warmupSeconds, seconds, data }. */
export function runLoad(spec) {
  return new Promise((resolve, reject) => {
    const child = fork(DRIVER, [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    let result = null;
    child.on('message', (message) => (result = message));
    child.on('error', reject);
    child.on('exit', (code) => (result ? resolve(result) : reject(new Error(`load driver exited with ${code} and no result`))));
    child.send(spec);
  });
}

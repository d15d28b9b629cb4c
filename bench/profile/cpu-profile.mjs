// A preload for profiling the running services under the bench's load: `--cpu-prof` is refused in
// NODE_OPTIONS, so this starts the inspector's profiler on SIGWINCH and writes the profile on the next
// SIGWINCH (Nest already uses SIGUSR2 for shutdown). Only the process whose script path contains
// BENCH_PROFILE (default apps/api/src/main.js) profiles.
//   NODE_OPTIONS="--import ./bench/profile/cpu-profile.mjs" BENCH_ONLY=send node bench/run.mjs &
//   kill -WINCH <api pid>; sleep 10; kill -WINCH <api pid>     → bench/results/<pid>-<time>.cpuprofile
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector';
import { fileURLToPath } from 'node:url';

const target = process.env.BENCH_PROFILE ?? 'apps/api/src/main.js';
if (process.argv[1]?.includes(target)) {
  const session = new Session();
  session.connect();
  let profiling = false;
  process.on('SIGWINCH', () => {
    if (!profiling) {
      session.post('Profiler.enable', () => session.post('Profiler.start'));
    } else {
      session.post('Profiler.stop', (error, result) => {
        if (error) return console.error(error);
        const file = fileURLToPath(new URL(`../results/${process.pid}-${Date.now()}.cpuprofile`, import.meta.url));
        writeFileSync(file, JSON.stringify(result.profile));
      });
    }
    profiling = !profiling;
  });
}

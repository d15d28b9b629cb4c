import { ServiceProcess } from './service-process.js';

/** The built worker (dist/apps/worker/src/main.js) as a real OS process, to kill and restart. */
export class WorkerProcess extends ServiceProcess {
  constructor(env: Record<string, string>) {
    super('worker', env);
  }
}

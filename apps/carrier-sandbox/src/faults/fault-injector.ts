import type { FaultPhase, FaultSpec, FaultStatus, FaultTarget } from './fault-spec.js';

export type FaultAction = { kind: 'status'; status: FaultStatus } | { kind: 'delay'; ms: number };

type CallFault = Extract<FaultSpec, { kind: 'status' | 'delay' }> & { id: number; remaining: number };

/** Counted faults injected at run time (POST /admin/faults), each consumed by the calls it targets. */
export class FaultInjector {
  private active: CallFault[] = [];
  private nextId = 1;

  constructor(private readonly duplicateWebhooks: (count: number) => void) {}

  add(spec: FaultSpec): void {
    if (spec.kind === 'duplicate-webhooks') {
      this.duplicateWebhooks(spec.count ?? Number.POSITIVE_INFINITY);
      return;
    }
    this.active.push({ ...spec, id: this.nextId++, remaining: spec.count });
  }

  list(): CallFault[] {
    return this.active.filter((fault) => fault.remaining > 0).map((fault) => ({ ...fault }));
  }

  clear(): void {
    this.active = [];
    this.duplicateWebhooks(0);
  }

  /** The fault (if any) that takes this call in this phase, consumed. */
  take(phase: FaultPhase, call: { method: string; path: string }): FaultAction | undefined {
    const fault = this.active.find((candidate) => candidate.remaining > 0 && candidate.phase === phase && targets(candidate.target, call));
    if (fault === undefined) return undefined;
    fault.remaining -= 1;
    this.active = this.active.filter((candidate) => candidate.remaining > 0);
    return fault.kind === 'status' ? { kind: 'status', status: fault.status } : { kind: 'delay', ms: fault.ms };
  }
}

function targets(target: FaultTarget | undefined, call: { method: string; path: string }): boolean {
  if (target === undefined) return true;
  if (target.method !== undefined && target.method !== call.method) return false;
  return target.path === undefined || new RegExp(target.path).test(call.path);
}

import { createRandom, type Random } from '../shared/prng.js';
import type { FaultPhase, FaultSpec, FaultTarget } from './fault-spec.js';

export type FaultAction = { kind: 'drop' } | { kind: 'status'; status: number; retryAfterSeconds: number };

type ActiveFault = FaultSpec & { remaining?: number; until?: number; id: number };

interface Effects {
  expireTokens(): void;
  setRateLimit(settings: { limit: number; windowMs: number } | undefined): void;
}

/**
 * Faults injected at run time (POST /admin/faults). Counted faults are consumed one store API call at a time;
 * probabilistic ones draw from a PRNG seeded like the store, so a run is reproducible.
 */
export class FaultInjector {
  private active: ActiveFault[] = [];
  private nextId = 1;
  private random: Random;

  constructor(
    private readonly seed: number,
    private readonly now: () => number,
    private readonly effects: Effects,
  ) {
    this.random = createRandom(seed ^ 0xfa17);
  }

  add(spec: FaultSpec): void {
    if (spec.kind === 'expire-tokens') {
      this.effects.expireTokens();
      return;
    }
    if (spec.kind === 'rate-limit') this.effects.setRateLimit(spec);
    const fault: ActiveFault = { ...spec, id: this.nextId++ };
    if (spec.kind === 'status') {
      fault.remaining = spec.count;
      if (spec.durationMs !== undefined) fault.until = this.now() + spec.durationMs;
    }
    if (spec.kind === 'drop') fault.remaining = spec.count;
    this.active.push(fault);
  }

  list(): ActiveFault[] {
    this.prune();
    return this.active.map((fault) => ({ ...fault }));
  }

  clear(): void {
    this.active = [];
    this.random = createRandom(this.seed ^ 0xfa17);
    this.effects.setRateLimit(undefined);
  }

  latencyMs(): number {
    return this.active.reduce((sum, fault) => sum + (fault.kind === 'latency' ? fault.ms : 0), 0);
  }

  /** The fault (if any) that takes this call in this phase; counted faults are consumed. */
  take(phase: FaultPhase, call: { method: string; path: string }): FaultAction | undefined {
    this.prune();
    for (const fault of this.active) {
      if ((fault.kind !== 'status' && fault.kind !== 'drop') || fault.phase !== phase) continue;
      if (!targets(fault.target, call)) continue;
      if (fault.remaining !== undefined) {
        fault.remaining -= 1;
      } else if (fault.kind === 'status' && this.random() >= (fault.probability ?? 0)) {
        continue;
      }
      return fault.kind === 'drop'
        ? { kind: 'drop' }
        : { kind: 'status', status: fault.status, retryAfterSeconds: fault.retryAfterSeconds };
    }
    return undefined;
  }

  private prune(): void {
    const now = this.now();
    this.active = this.active.filter(
      (fault) => !(fault.remaining !== undefined && fault.remaining <= 0) && !(fault.until !== undefined && fault.until <= now),
    );
  }
}

function targets(target: FaultTarget | undefined, call: { method: string; path: string }): boolean {
  if (target === undefined) return true;
  if (target.method !== undefined && target.method !== call.method) return false;
  return target.path === undefined || new RegExp(target.path).test(call.path);
}

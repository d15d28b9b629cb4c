/** Timers the sandbox runs on its own (stocktake processing); cancelled on reset and close. */
export class BackgroundJobs {
  private readonly timers = new Set<NodeJS.Timeout>();

  schedule(delayMs: number, job: () => void): void {
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      job();
    }, delayMs);
    this.timers.add(timer);
  }

  cancelAll(): void {
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
  }
}

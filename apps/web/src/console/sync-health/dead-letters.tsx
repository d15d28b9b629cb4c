import { useState } from 'preact/hooks';
import { retryJob, type SyncStatusReport } from '../../api.js';

type Failure = SyncStatusReport['recentFailures'][number];

/** The first words of an error, which name its kind (e.g. "Lightspeed POST /consignments answered 503"). */
export const kindOf = (failure: Failure) => (failure.error ?? 'unknown error').split(':')[0]!.trim();

interface Props {
  failures: readonly Failure[];
  onRetried: () => void;
}

/** Dead letters with their error and transfer, each with Retry, and Retry all of one kind after a confirmation. */
export function DeadLetters({ failures, onRetried }: Props) {
  const [message, setMessage] = useState('');
  const [confirming, setConfirming] = useState<string | null>(null);
  const retry = async (jobs: readonly Failure[]) => {
    const outcomes = await Promise.allSettled(jobs.map((job) => retryJob(job.jobId)));
    const refused = outcomes.filter((outcome) => outcome.status === 'rejected') as PromiseRejectedResult[];
    setMessage(refused.length === 0 ? `Retried ${jobs.length} job${jobs.length === 1 ? '' : 's'}.` : `Retried ${jobs.length - refused.length}; not retried: ${refused.map((outcome) => (outcome.reason as Error).message).join('; ')}`);
    setConfirming(null);
    onRetried();
  };
  const kinds = [...new Set(failures.map(kindOf))];
  return (
    <section aria-labelledby="dead-letters-title">
      <h2 id="dead-letters-title">Dead letters ({failures.length})</h2>
      <p role="status" aria-live="polite">{message}</p>
      {failures.length === 0 && <p class="muted">No job has given up.</p>}
      {kinds.map((kind) => {
        const ofKind = failures.filter((failure) => kindOf(failure) === kind);
        return (
          <div key={kind} class="kind">
            <h3>{kind} ({ofKind.length})</h3>
            {confirming === kind ? (
              <p>
                Retry all {ofKind.length}? <button type="button" onClick={() => void retry(ofKind)}>Yes, retry all</button>{' '}
                <button type="button" class="quiet" onClick={() => setConfirming(null)}>No</button>
              </p>
            ) : (
              ofKind.length > 1 && <button type="button" class="quiet" onClick={() => setConfirming(kind)}>Retry all {ofKind.length} of this kind</button>
            )}
            <table>
              <thead>
                <tr><th scope="col">Transfer</th><th scope="col">Error</th><th scope="col">Failed</th><th scope="col"><span class="visually-hidden">Action</span></th></tr>
              </thead>
              <tbody>
                {ofKind.map((failure) => (
                  <tr key={failure.jobId}>
                    <td>{failure.transferId ? <a href={`#/console/transfers/${failure.transferId}`}>{failure.transferId.slice(0, 8)}</a> : '—'}</td>
                    <td>{failure.error}</td>
                    <td>{failure.failedAt ? new Date(failure.failedAt).toLocaleTimeString() : '—'}</td>
                    <td><button type="button" onClick={() => void retry([failure])} aria-label={`Retry job ${failure.jobId}`}>Retry</button></td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        );
      })}
    </section>
  );
}

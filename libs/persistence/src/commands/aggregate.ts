import type { Actor, Decider, DomainEvent } from '#domain';
import type { Bind } from '../database/statement.js';
import type { CommittedEvent } from '../event-store/stored-event.js';

/** One command's effect on one aggregate: the state before, the events it appended, the state after. */
export interface AggregateCommit<State> {
  before: State | null;
  after: State;
  events: readonly CommittedEvent[];
}

/**
 * What the command pipeline needs of an aggregate besides its decider. Its SQL is spliced into the pipeline's
 * two statements (the load and the write), so it must be the same text for every command of the aggregate —
 * what varies goes into bound values — and the statements stay named, prepared once per connection.
 */
export interface Aggregate<State, Command extends { type: string }, Event extends DomainEvent, Context, Facts, View, Answer = View> {
  readonly decider: Decider<State, Command, Event, Context>;
  /** What `decide` is told besides the state: who is acting, the deployment's rules, and the loaded facts it judges. */
  decisionContext(actor: Actor, facts: Facts): Context;
  /**
   * Facts the command is checked against besides the stream, read in the same statement as the stream: a SQL
   * expression of one JSON value (`bind` gives parameters; the aggregate's canonical id and the command are
   * known before anything is loaded).
   */
  factsSql(bind: Bind, id: string, command: Command): string;
  parseFacts(json: unknown): Facts;
  /** Refuses a command the loaded facts do not allow (pure; after `authorize`, before anything is decided). */
  checkFacts(command: Command, state: State | null, facts: Facts): void;
  /** The aggregate as its readers see it; a command builds it once, for its projections and its answer. */
  view(state: State): View;
  /** The answer to a command: the view with whatever the facts add (e.g. the transfer's sync state). */
  answer(view: View, facts: Facts): Answer;
  /** The commit's read-model writes, as CTEs of the statement that appends its events. */
  projectionCtes(bind: Bind, commit: AggregateCommit<State>, view: View): string;
}

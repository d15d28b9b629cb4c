import {
  boxTypeDecider,
  specOf,
  type Actor,
  type BoxTypeCommand,
  type BoxTypeDecisionContext,
  type BoxTypeEvent,
  type BoxTypeState,
} from '#domain';
import type { Aggregate, AggregateCommit } from '../commands/aggregate.js';
import type { Bind } from '../database/statement.js';
import { upsertBoxTypeRowsSql } from './box-type-read-model.js';
import { boxTypeRow } from './box-type-row.js';
import type { BoxTypeView } from './box-type.query.js';

/** A box type's command is checked against its stream alone. */
export type BoxTypeFacts = null;

/** The box-type catalogue as the command pipeline runs it: its decider, its view and its read-model row. */
export class BoxTypeAggregate implements Aggregate<BoxTypeState, BoxTypeCommand, BoxTypeEvent, BoxTypeDecisionContext, BoxTypeFacts, BoxTypeView> {
  readonly decider = boxTypeDecider;

  decisionContext(actor: Actor): BoxTypeDecisionContext {
    return { actorId: actor.id };
  }

  factsSql(): string {
    return 'NULL::json';
  }

  parseFacts(): BoxTypeFacts {
    return null;
  }

  checkFacts(): void {}

  view(state: BoxTypeState): BoxTypeView {
    return { id: state.id, ...specOf(state), retired: state.retired, version: state.version, updatedAt: state.updatedAt };
  }

  answer(view: BoxTypeView): BoxTypeView {
    return view;
  }

  projectionCtes(bind: Bind, commit: AggregateCommit<BoxTypeState>): string {
    return `box_type_advanced AS (${upsertBoxTypeRowsSql(`${bind(JSON.stringify([boxTypeRow(commit.after)]))}::jsonb`)})`;
  }
}

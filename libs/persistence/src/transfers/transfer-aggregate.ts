import {
  catalogueQuestion,
  evidenceQuestion,
  requireCatalogueAccepts,
  transferDecider,
  type Actor,
  type CatalogueFindings,
  type DecisionContext,
  type EvidenceFact,
  type TransferCommand,
  type TransferEvent,
  type TransferRules,
  type TransferState,
} from '#domain';
import type { Aggregate, AggregateCommit } from '../commands/aggregate.js';
import type { Bind } from '../database/statement.js';
import { evidenceFactsSql } from '../evidence/evidence-facts.js';
import { catalogueFindingsSql } from '../lightspeed-shadow/catalogue.query.js';
import { lineBarcodesSql, withLineBarcodes, type BarcodesByProduct, type ScannableTransferView } from '../lightspeed-shadow/line-barcodes.js';
import { transferProjectionCtes } from '../projections/project-commit.js';
import { toTransferView, type TransferView } from '../projections/transfer-view.js';
import { parseSyncSummary, syncSummarySql, type SyncSummary } from '../sync-state/sync-overview.js';

/** What a transfer's command is checked against besides its stream, loaded with it. */
export interface TransferFacts {
  catalogue: CatalogueFindings;
  /** The transfer's Lightspeed sync state as GET /transfers/:id shows it (null before the relay reaches it). */
  sync: SyncSummary | null;
  /** The evidence rows the command names (a receipt's photos and signatures), whoever uploaded them. */
  evidence: EvidenceFact[];
  /** The codes of the products on its lines, and of those the command names, as the catalogue holds them. */
  barcodes: BarcodesByProduct;
}

/** A transfer as a command answers it: as GET /transfers/:id shows it. */
export type TransferAnswer = ScannableTransferView & { sync: SyncSummary | null };

/** The transfer as the command pipeline runs it: its decider, its facts, its view and its projections. */
export class TransferAggregate
  implements Aggregate<TransferState, TransferCommand, TransferEvent, DecisionContext, TransferFacts, TransferView, TransferAnswer>
{
  readonly decider = transferDecider;

  constructor(private readonly rules: TransferRules) {}

  decisionContext(actor: Actor, facts: TransferFacts): DecisionContext {
    return { actorId: actor.id, actorName: actor.name, actorRoles: actor.roles, rules: this.rules, evidence: facts.evidence };
  }

  factsSql(bind: Bind, transferId: string, command: TransferCommand): string {
    const question = catalogueQuestion(command);
    return `json_build_object('catalogue', ${catalogueFindingsSql(bind, transferId, question)},
                              'sync', ${syncSummarySql(bind, transferId)},
                              'evidence', ${evidenceFactsSql(bind, evidenceQuestion(command))},
                              'barcodes', ${lineBarcodesSql(bind, transferId, question.productIds)})`;
  }

  parseFacts(json: unknown): TransferFacts {
    const facts = json as { catalogue: CatalogueFindings; sync: unknown; evidence: EvidenceFact[]; barcodes: BarcodesByProduct };
    return { catalogue: facts.catalogue, sync: parseSyncSummary(facts.sync), evidence: facts.evidence, barcodes: facts.barcodes };
  }

  checkFacts(command: TransferCommand, state: TransferState | null, facts: TransferFacts): void {
    requireCatalogueAccepts(command, state, facts.catalogue);
  }

  view(state: TransferState): TransferView {
    return toTransferView(state);
  }

  answer(view: TransferView, facts: TransferFacts): TransferAnswer {
    return { ...withLineBarcodes(view, facts.barcodes), sync: facts.sync };
  }

  projectionCtes(bind: Bind, commit: AggregateCommit<TransferState>, view: TransferView): string {
    return transferProjectionCtes(bind, commit, view);
  }
}

import { ApiProperty, ApiPropertyOptional, OmitType } from '@nestjs/swagger';
import { STATUSES, TRANSFER_TYPES, TRANSITIONS, VARIANCE_REASONS, type DivergentLine, type LightspeedDivergence, type Status, type EvidenceKind, type ReceiptEvidence, type Transition, type TransferState, type TransferType, type VarianceReason } from '#domain';
import type { ReceiptView, ScannableLineView, SyncStatus, SyncSummary, TransferPage, TransferView } from '#persistence';
import type { TransferWithSync } from '../queries/transfer-queries.js';

type TransferNote = TransferState['addedNotes'][number];
type TransferTotals = TransferView['totals'];

const SYNC_STATUSES: readonly SyncStatus[] = ['PENDING', 'SYNCED', 'FAILED', 'NEEDS_ATTENTION'];

export class TransferLineResponse implements ScannableLineView {
  @ApiProperty() productId!: string;
  @ApiProperty({ type: String, nullable: true }) sku!: string | null;
  @ApiProperty({ type: String, nullable: true }) name!: string | null;
  @ApiProperty() plannedQuantity!: number;
  @ApiProperty() packedQuantity!: number;
  @ApiProperty() sentQuantity!: number;
  @ApiProperty() receivedQuantity!: number;
  @ApiProperty() variance!: number;
  @ApiProperty() counted!: boolean;
  @ApiProperty({ type: String, nullable: true, description: 'Money as a decimal string', example: '12.50' }) unitCost!: string | null;
  @ApiProperty({ enum: VARIANCE_REASONS, nullable: true }) varianceReason!: VarianceReason | null;
  @ApiProperty({ type: String, nullable: true }) varianceNote!: string | null;
  @ApiProperty({ type: [String], description: "The product's codes (barcodes and SKU) as the catalogue holds them now" }) barcodes!: string[];
}

export class TransferTotalsResponse implements TransferTotals {
  @ApiProperty() lineCount!: number;
  @ApiProperty() plannedQuantity!: number;
  @ApiProperty() packedQuantity!: number;
  @ApiProperty() sentQuantity!: number;
  @ApiProperty() receivedQuantity!: number;
  @ApiProperty() varianceQuantity!: number;
  @ApiProperty({ example: '125.00' }) totalCost!: string;
  @ApiProperty({ example: '0.00' }) varianceValue!: string;
}

export class ReasonGivenResponse {
  @ApiProperty() by!: string;
  @ApiProperty() reason!: string;
}

export class NoteAuthorResponse {
  @ApiProperty() id!: string;
  @ApiProperty({ type: String, nullable: true }) name!: string | null;
}

export class TransferNoteResponse implements TransferNote {
  @ApiProperty() text!: string;
  @ApiProperty({ type: NoteAuthorResponse }) by!: NoteAuthorResponse;
  @ApiProperty({ format: 'date-time' }) at!: string;
  @ApiProperty({ description: 'The version of the transfer the note made' }) version!: number;
}

export class ReceiptEvidenceResponse implements ReceiptEvidence {
  @ApiProperty({ format: 'uuid' }) evidenceId!: string;
  @ApiProperty({ enum: ['PHOTO', 'SIGNATURE'] }) kind!: EvidenceKind;
  @ApiProperty({ description: 'SHA-256 of the bytes as kept, lower-case hex' }) sha256!: string;
  @ApiProperty({ type: String, nullable: true, description: 'The line it shows; null for the whole receipt' }) productId!: string | null;
}

export class ReceiptResponse implements ReceiptView {
  @ApiProperty({ format: 'uuid' }) receiptId!: string;
  @ApiProperty() by!: string;
  @ApiProperty({ format: 'date-time' }) at!: string;
  @ApiProperty({ description: 'The version of the transfer the receipt made' }) version!: number;
  @ApiProperty() final!: boolean;
  @ApiProperty({ type: [ReceiptEvidenceResponse] }) evidence!: ReceiptEvidenceResponse[];
}

export class DivergentLineResponse implements DivergentLine {
  @ApiProperty() productId!: string;
  @ApiProperty({ enum: ['count', 'received'] }) field!: 'count' | 'received';
  @ApiProperty() lightspeedValue!: number;
  @ApiProperty() lastWritten!: number;
  @ApiProperty() ourValue!: number;
}

export class LightspeedDivergenceResponse implements LightspeedDivergence {
  @ApiProperty() consignmentId!: string;
  @ApiProperty() lightspeedStatus!: string;
  @ApiProperty() lightspeedVersion!: number;
  @ApiProperty({ enum: STATUSES }) ourStatus!: Status;
  @ApiProperty({ enum: ['poll', 'webhook', 'sync'] }) source!: 'poll' | 'webhook' | 'sync';
  @ApiPropertyOptional({ type: DivergentLineResponse }) line?: DivergentLineResponse;
  @ApiProperty({ format: 'date-time' }) detectedAt!: string;
  @ApiProperty() detectedBy!: string;
}

export class SyncSummaryResponse implements SyncSummary {
  @ApiProperty({ enum: SYNC_STATUSES }) status!: SyncStatus;
  @ApiProperty({ type: String, nullable: true }) consignmentId!: string | null;
  @ApiProperty({ type: String, nullable: true }) lastError!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'While NEEDS_ATTENTION: what an operator should do' }) attentionAction!: string | null;
  @ApiProperty() syncedVersion!: number;
  @ApiProperty() wantedVersion!: number;
  @ApiProperty() attempts!: number;
  @ApiProperty({ type: [String] }) warnings!: string[];
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
}

/** A transfer with its lines, totals and the state of its mirror in Lightspeed. */
export class TransferResponse implements TransferWithSync {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: TRANSFER_TYPES }) type!: TransferType;
  @ApiProperty({ enum: STATUSES }) status!: Status;
  @ApiProperty({ type: String, nullable: true }) sourceOutletId!: string | null;
  @ApiProperty({ type: String, nullable: true }) destinationOutletId!: string | null;
  @ApiProperty({ type: String, nullable: true }) supplierId!: string | null;
  @ApiProperty({ type: String, nullable: true }) reference!: string | null;
  @ApiProperty({ type: String, nullable: true }) notes!: string | null;
  @ApiProperty({ description: 'Also the ETag' }) version!: number;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
  @ApiProperty() createdBy!: string;
  @ApiProperty({ type: String, nullable: true }) submittedBy!: string | null;
  @ApiProperty({ type: String, nullable: true }) approvedBy!: string | null;
  @ApiProperty({ type: ReasonGivenResponse, nullable: true }) rejection!: ReasonGivenResponse | null;
  @ApiProperty({ type: ReasonGivenResponse, nullable: true }) cancellation!: ReasonGivenResponse | null;
  @ApiProperty() receiptCount!: number;
  @ApiProperty() correctionCount!: number;
  @ApiProperty({ enum: TRANSITIONS, isArray: true }) allowedActions!: Transition[];
  @ApiProperty({ type: LightspeedDivergenceResponse, nullable: true }) lightspeedDivergence!: LightspeedDivergenceResponse | null;
  @ApiProperty({ type: [LightspeedDivergenceResponse] }) lightspeedDivergences!: LightspeedDivergenceResponse[];
  @ApiProperty({ type: [TransferNoteResponse] }) addedNotes!: TransferNoteResponse[];
  @ApiProperty({ type: [ReceiptResponse] }) receipts!: ReceiptResponse[];
  @ApiProperty({ type: [TransferLineResponse] }) lines!: TransferLineResponse[];
  @ApiProperty({ type: TransferTotalsResponse }) totals!: TransferTotalsResponse;
  @ApiPropertyOptional({ type: SyncSummaryResponse, nullable: true, description: 'null until the sync relay has reached the transfer' })
  sync?: SyncSummaryResponse | null;
}

export class TransferSummaryResponse extends OmitType(TransferResponse, ['lines'] as const) {}

export class TransferPageResponse implements TransferPage {
  @ApiProperty({ type: [TransferSummaryResponse] }) items!: TransferSummaryResponse[];
  @ApiProperty({ type: String, nullable: true, description: 'Pass as ?cursor= for the next page; null on the last' }) nextCursor!: string | null;
}

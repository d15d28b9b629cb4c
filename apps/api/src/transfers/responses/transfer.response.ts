import { ApiProperty, ApiPropertyOptional, OmitType } from '@nestjs/swagger';
import { STATUSES, TRANSFER_TYPES, type BoxItem, type BoxTypeSnapshot, TRACKING_STATUSES, type Shipment, type ShipmentHistoryEntry, type ShipmentTrackingEvent, type ShipmentTrackingStatus, type TransferBox, TRANSITIONS, VARIANCE_REASONS, type DivergentLine, type LightspeedDivergence, type Status, type EvidenceKind, type ReceiptEvidence, type Transition, type TransferState, type TransferType, type VarianceReason } from '#domain';
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

export class BoxTypeSnapshotResponse implements BoxTypeSnapshot {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty() innerLengthMm!: number;
  @ApiProperty() innerWidthMm!: number;
  @ApiProperty() innerHeightMm!: number;
  @ApiProperty({ description: 'The box’s own weight, empty' }) tareWeightG!: number;
  @ApiProperty({ description: 'The most the box may weigh packed' }) maxWeightG!: number;
}

export class BoxItemResponse implements BoxItem {
  @ApiProperty() productId!: string;
  @ApiProperty({ minimum: 1 }) quantity!: number;
}

export class TransferBoxResponse implements TransferBox {
  @ApiProperty({ format: 'uuid' }) boxId!: string;
  @ApiProperty({ type: BoxTypeSnapshotResponse, description: 'The box type as it was when the box was added' }) boxType!: BoxTypeSnapshotResponse;
  @ApiProperty({ type: String, nullable: true, description: 'The scanned box label code; null when the box type was picked' }) label!: string | null;
  @ApiProperty({ type: [BoxItemResponse], description: 'One entry per product in the box' }) contents!: BoxItemResponse[];
  @ApiProperty({ type: Number, nullable: true, description: 'The gross weight a scale measured, in grams; null until weighed' }) measuredWeightG!: number | null;
  @ApiProperty({ format: 'date-time' }) addedAt!: string;
  @ApiProperty({ description: 'The version of the transfer at which the box last changed' }) version!: number;
}

export class BoxActorResponse {
  @ApiProperty() id!: string;
  @ApiProperty({ type: String, nullable: true }) name!: string | null;
}

export class ShipmentServiceResponse {
  @ApiProperty() code!: string;
  @ApiProperty() name!: string;
}

export class ShipmentTrackingEventResponse implements ShipmentTrackingEvent {
  @ApiProperty() trackingNumber!: string;
  @ApiProperty({ enum: TRACKING_STATUSES }) status!: ShipmentTrackingStatus;
  @ApiProperty({ description: 'The carrier’s own words for the status' }) rawStatus!: string;
  @ApiProperty({ format: 'date-time' }) at!: string;
  @ApiProperty({ type: String, nullable: true }) details!: string | null;
  @ApiProperty({ enum: ['WEBHOOK', 'POLL'] }) source!: 'WEBHOOK' | 'POLL';
}

export class ShipmentTrackingResponse {
  @ApiProperty({ enum: TRACKING_STATUSES, nullable: true, description: 'The newest status by the carrier’s time; null before any' }) status!: ShipmentTrackingStatus | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) at!: string | null;
  @ApiProperty({ type: [ShipmentTrackingEventResponse], description: 'Every update recorded, in the order received' }) events!: ShipmentTrackingEventResponse[];
}

export class ShipmentResponse implements Shipment {
  @ApiProperty({ enum: ['REQUESTED', 'BOOKED', 'CANCELLING'] }) status!: 'REQUESTED' | 'BOOKED' | 'CANCELLING';
  @ApiProperty({ description: 'The carrier order number: TR-<transferId>-v<boxSetVersion>' }) orderNumber!: string;
  @ApiProperty({ description: 'The box-set version the booking was asked for' }) boxSetVersion!: number;
  @ApiProperty({ type: ShipmentServiceResponse }) service!: ShipmentServiceResponse;
  @ApiProperty() quotedPriceCents!: number;
  @ApiProperty({ type: String, nullable: true }) currency!: string | null;
  @ApiProperty({ type: String, nullable: true }) carrierOrderId!: string | null;
  @ApiProperty({ type: String, nullable: true }) carrierName!: string | null;
  @ApiProperty({ type: [String] }) trackingNumbers!: string[];
  @ApiProperty({ type: [String], description: 'The evidence ids of the carrier labels' }) labelEvidenceIds!: string[];
  @ApiProperty({ type: Number, nullable: true, description: 'The carrier’s price once booked' }) priceCents!: number | null;
  @ApiProperty({ type: BoxActorResponse }) requestedBy!: BoxActorResponse;
  @ApiProperty({ format: 'date-time' }) requestedAt!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) bookedAt!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'Why the carrier refused the last cancellation asked' }) cancellationRefusedReason!: string | null;
  @ApiProperty({ type: ShipmentTrackingResponse }) tracking!: ShipmentTrackingResponse;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) deliveredAt!: string | null;
}

export class ShipmentHistoryEntryResponse implements ShipmentHistoryEntry {
  @ApiProperty() orderNumber!: string;
  @ApiProperty({ enum: ['FAILED', 'CANCELLED'] }) outcome!: 'FAILED' | 'CANCELLED';
  @ApiProperty({ description: 'The failure’s reason, or the cancellation’s outcome (DELETED, ARCHIVED, NOT_FOUND)' }) reason!: string;
  @ApiProperty({ format: 'date-time' }) at!: string;
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
  @ApiProperty({ type: [TransferBoxResponse], description: 'The boxes the goods are packed in, in the order added' }) boxes!: TransferBoxResponse[];
  @ApiProperty({ description: 'The version at which the boxes last changed (0 before any box)' }) boxSetVersion!: number;
  @ApiProperty({ type: ShipmentResponse, nullable: true, description: 'The carrier booking while asked for, booked or being cancelled; null otherwise' })
  shipment!: ShipmentResponse | null;
  @ApiProperty({ type: [ShipmentHistoryEntryResponse], description: 'Bookings that failed or were cancelled, oldest first' }) shipmentHistory!: ShipmentHistoryEntryResponse[];
  @ApiProperty({ type: Number, nullable: true, description: 'The freight cost: the carrier’s price once booked, else the quote; null without a booking' })
  freightCostCents!: number | null;
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

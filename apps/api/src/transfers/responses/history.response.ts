import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { AuditEntry, FieldChange, StockInTransit } from '#persistence';
import type { toEventResource } from '../event-resource.js';

type EventResource = ReturnType<typeof toEventResource>;

/**
 * Any JSON value, null included. With a combinator, @nestjs/swagger leaves `type` out (it does so
 * only for `type: Array`); without one it would say `object`.
 */
const ANY_JSON = {
  type: Array,
  anyOf: [{ type: 'string', nullable: true }, { type: 'number' }, { type: 'boolean' }, { type: 'object', additionalProperties: true }, { type: 'array', items: {} }],
};

/** An event as stored: `transferId`, `boxTypeId`, `productId` (of a product's dimensions), or `outletId` or `supplierId` (of a shipping address) names its aggregate. */
export class EventResponse implements Omit<EventResource, 'transferId' | 'boxTypeId' | 'productId' | 'outletId' | 'supplierId'> {
  @ApiProperty({ description: 'Its place in the global order' }) position!: number;
  @ApiProperty({ format: 'uuid' }) eventId!: string;
  @ApiPropertyOptional({ format: 'uuid' }) transferId?: string;
  @ApiPropertyOptional({ format: 'uuid' }) boxTypeId?: string;
  @ApiPropertyOptional({ description: 'The product whose dimensions the event is of' }) productId?: string;
  @ApiPropertyOptional({ description: 'The outlet whose shipping address the event is of' }) outletId?: string;
  @ApiPropertyOptional({ description: 'The supplier whose shipping address the event is of' }) supplierId?: string;
  @ApiProperty({ description: 'The version of its aggregate the event made' }) version!: number;
  @ApiProperty({ example: 'TransferCreated' }) type!: string;
  @ApiProperty() schemaVersion!: number;
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'The payload, as written in its schema version' }) data!: EventResource['data'];
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'Actor, correlation and causation ids' }) metadata!: EventResource['metadata'];
  @ApiProperty({ format: 'date-time' }) recordedAt!: string;
}

export class EventListResponse {
  @ApiProperty({ type: [EventResponse] }) items!: EventResponse[];
}

export class EventFeedResponse {
  @ApiProperty({ type: [EventResponse] }) items!: EventResponse[];
  @ApiProperty({ description: 'Pass as ?after= for the next page' }) nextAfter!: number;
}

export class AuditActorResponse {
  @ApiProperty() id!: string;
  @ApiProperty({ type: String, nullable: true }) name!: string | null;
  @ApiProperty({ type: [String] }) roles!: string[];
}

export class FieldChangeResponse implements FieldChange {
  @ApiProperty({ example: 'status' }) field!: string;
  @ApiProperty({ ...ANY_JSON, description: 'The value before the command: any JSON value' }) before!: unknown;
  @ApiProperty({ ...ANY_JSON, description: 'The value after the command: any JSON value' }) after!: unknown;
}

export class AuditEntryResponse implements AuditEntry {
  @ApiProperty({ format: 'uuid' }) transferId!: string;
  @ApiProperty() fromVersion!: number;
  @ApiProperty() toVersion!: number;
  @ApiProperty({ type: AuditActorResponse }) actor!: AuditActorResponse;
  @ApiProperty({ example: 'SendTransfer' }) command!: string;
  @ApiProperty({ format: 'date-time' }) occurredAt!: string;
  @ApiProperty() correlationId!: string;
  @ApiProperty({ type: String, nullable: true }) causationId!: string | null;
  @ApiProperty({ type: [String] }) eventTypes!: string[];
  @ApiProperty({ type: [FieldChangeResponse] }) changes!: FieldChangeResponse[];
}

export class AuditPageResponse {
  @ApiProperty({ type: [AuditEntryResponse] }) items!: AuditEntryResponse[];
  @ApiProperty({ type: String, nullable: true, description: 'Pass as ?cursor= for the next page; null on the last' }) nextCursor!: string | null;
}

export class TransferInTransitResponse {
  @ApiProperty({ format: 'uuid' }) transferId!: string;
  @ApiProperty() quantity!: number;
}

export class StockInTransitResponse implements StockInTransit {
  @ApiProperty() productId!: string;
  @ApiProperty({ type: String, nullable: true }) sku!: string | null;
  @ApiProperty({ type: String, nullable: true }) name!: string | null;
  @ApiProperty() quantity!: number;
  @ApiProperty({ type: [TransferInTransitResponse] }) transfers!: TransferInTransitResponse[];
}

export class OutletStockInTransitResponse {
  @ApiProperty() outletId!: string;
  @ApiProperty({ type: [StockInTransitResponse] }) items!: StockInTransitResponse[];
}

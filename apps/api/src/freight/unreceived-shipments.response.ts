import { ApiProperty } from '@nestjs/swagger';
import type { UnreceivedShipment } from '#persistence';

export class UnreceivedShipmentResponse implements UnreceivedShipment {
  @ApiProperty({ format: 'uuid' }) transferId!: string;
  @ApiProperty({ example: 'TR-3f0c…-v2' }) orderNumber!: string;
  @ApiProperty({ type: String, nullable: true, description: 'The outlet that should receive it; null for a supplier return' }) destinationOutletId!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'The supplier of a return; null otherwise' }) supplierId!: string | null;
  @ApiProperty({ format: 'date-time', description: 'When the carrier reports it delivered' }) deliveredAt!: string;
  @ApiProperty({ description: 'Whole hours since the carrier delivered it' }) hoursSinceDelivery!: number;
}

export class UnreceivedShipmentListResponse {
  @ApiProperty({ description: 'How long a delivered shipment may wait to be received before it is listed, in hours (FREIGHT_UNRECEIVED_AFTER_HOURS)' })
  afterHours!: number;
  @ApiProperty({ type: [UnreceivedShipmentResponse], description: 'Oldest delivery first' }) items!: UnreceivedShipmentResponse[];
}

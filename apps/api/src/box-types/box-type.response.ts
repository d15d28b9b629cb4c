import { ApiProperty } from '@nestjs/swagger';
import type { BoxTypeView } from '#persistence';

export class BoxTypeResponse implements BoxTypeView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty() innerLengthMm!: number;
  @ApiProperty() innerWidthMm!: number;
  @ApiProperty() innerHeightMm!: number;
  @ApiProperty({ description: "The box's own weight, empty" }) tareWeightG!: number;
  @ApiProperty({ description: 'The most the box may weigh packed, its own weight included' }) maxWeightG!: number;
  @ApiProperty({ description: 'Kept for the shipments that used it, offered for no new one' }) retired!: boolean;
  @ApiProperty({ description: 'Also the ETag' }) version!: number;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
}

export class BoxTypeListResponse {
  @ApiProperty({ type: [BoxTypeResponse] }) items!: BoxTypeResponse[];
}

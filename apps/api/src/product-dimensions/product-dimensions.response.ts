import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { ProductDimensionsView, UnmeasuredProduct } from '#persistence';

export class ProductDimensionsResponse implements ProductDimensionsView {
  @ApiProperty() productId!: string;
  @ApiProperty({ type: Number, nullable: true, description: 'Null once cleared' }) lengthMm!: number | null;
  @ApiProperty({ type: Number, nullable: true, description: 'Null once cleared' }) widthMm!: number | null;
  @ApiProperty({ type: Number, nullable: true, description: 'Null once cleared' }) heightMm!: number | null;
  @ApiProperty({ type: Number, nullable: true, description: 'Null once cleared' }) weightG!: number | null;
  @ApiProperty({ type: Number, nullable: true, description: 'lengthMm × widthMm × heightMm; null once cleared' }) volumeMm3!: number | null;
  @ApiProperty({ description: 'Also the ETag' }) version!: number;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
  @ApiProperty({ description: 'Who made the last change' }) updatedBy!: string;
}

export class UnmeasuredProductResponse implements UnmeasuredProduct {
  @ApiProperty() id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ type: String, nullable: true }) variantName!: string | null;
  @ApiProperty({ type: String, nullable: true }) sku!: string | null;
}

export class UnmeasuredProductPageResponse {
  @ApiProperty({ type: [UnmeasuredProductResponse] }) items!: UnmeasuredProductResponse[];
  @ApiPropertyOptional({ type: String, nullable: true, description: 'Pass as `after` for the next page; null on the last' }) nextCursor!: string | null;
}

export class RefusedImportRowResponse {
  @ApiProperty({ description: 'The row in the file, the header being row 1' }) row!: number;
  @ApiProperty() sku!: string;
  @ApiProperty({ description: 'Why the row was not applied, naming what is allowed' }) reason!: string;
  @ApiProperty({ example: 'INVALID_PRODUCT_DIMENSIONS' }) code!: string;
}

export class DimensionsImportReportResponse {
  @ApiProperty({ description: 'Rows that changed a product’s dimensions' }) applied!: number;
  @ApiProperty({ description: 'Rows that stated what the product already had' }) unchanged!: number;
  @ApiProperty({ type: [RefusedImportRowResponse] }) refused!: RefusedImportRowResponse[];
}

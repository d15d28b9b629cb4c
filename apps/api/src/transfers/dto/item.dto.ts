import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { MAX_QUANTITY } from '#domain';
import { ExternalId } from '../../http/canonical-id.js';
import { IsMoney } from './is-money.decorator.js';

export class ItemDto {
  @ApiProperty({ example: '0a1b2c3d-product' })
  @ExternalId()
  productId!: string;

  @ApiPropertyOptional({ example: 'TSHIRT-RED-M' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  sku?: string;

  @ApiPropertyOptional({ example: 'T-shirt red M' })
  @IsOptional()
  @IsString()
  @MaxLength(300)
  name?: string;

  @ApiProperty({ description: 'Planned quantity (expected quantity for a stocktake)', example: 12, minimum: 0 })
  @IsInt()
  @Min(0)
  @Max(MAX_QUANTITY)
  quantity!: number;

  @ApiPropertyOptional({
    description: 'Unit cost, exact decimal; required on purchase orders and stocktakes',
    example: '3.50',
    type: String,
  })
  @IsOptional()
  @IsMoney()
  unitCost?: string | number;
}

export class QuantityDto {
  @ApiProperty({ example: 10, minimum: 0 })
  @IsInt()
  @Min(0)
  @Max(MAX_QUANTITY)
  quantity!: number;
}

export class PackedQuantityDto {
  @ApiProperty({ example: 10, minimum: 0 })
  @IsInt()
  @Min(0)
  @Max(MAX_QUANTITY)
  packedQuantity!: number;

  @ApiPropertyOptional({ description: 'Confirms a packed quantity above the over-pack tolerance' })
  @IsOptional()
  @IsBoolean()
  confirmOverPack?: boolean;
}

export class CountDto {
  @ApiProperty({ example: 7, minimum: 0 })
  @IsInt()
  @Min(0)
  @Max(MAX_QUANTITY)
  countedQuantity!: number;

  @ApiPropertyOptional({ description: 'For a product found but not expected' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  sku?: string;

  @ApiPropertyOptional({ description: 'For a product found but not expected' })
  @IsOptional()
  @IsString()
  @MaxLength(300)
  name?: string;

  @ApiPropertyOptional({ description: 'Required for a product found but not expected', type: String, example: '2.00' })
  @IsOptional()
  @IsMoney()
  unitCost?: string | number;
}

import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { TRANSFER_TYPES, type TransferType } from '#domain';
import { CanonicalId, ExternalId } from '../../http/canonical-id.js';
import { ItemDto } from './item.dto.js';

export const MAX_LINES = 1000;

export class CreateTransferDto {
  @ApiPropertyOptional({ description: 'Client-chosen id; creating the same id twice is a 409', format: 'uuid' })
  @IsOptional()
  @IsUUID()
  @CanonicalId()
  id?: string;

  @ApiProperty({ enum: TRANSFER_TYPES })
  @IsIn(TRANSFER_TYPES)
  type!: TransferType;

  @ApiPropertyOptional({ description: 'OUTLET_TRANSFER and SUPPLIER_RETURN: the sending outlet' })
  @IsOptional()
  @ExternalId()
  sourceOutletId?: string;

  @ApiPropertyOptional({ description: 'OUTLET_TRANSFER and PURCHASE_ORDER: the receiving outlet' })
  @IsOptional()
  @ExternalId()
  destinationOutletId?: string;

  @ApiPropertyOptional({ description: 'STOCKTAKE: the outlet being counted' })
  @IsOptional()
  @ExternalId()
  outletId?: string;

  @ApiPropertyOptional({ description: 'PURCHASE_ORDER and SUPPLIER_RETURN' })
  @IsOptional()
  @ExternalId()
  supplierId?: string;

  @ApiPropertyOptional({ example: 'PO-2026-0042' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  reference?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  notes?: string;

  @ApiPropertyOptional({ type: [ItemDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_LINES)
  @ValidateNested({ each: true })
  @Type(() => ItemDto)
  items?: ItemDto[];
}

import { ApiPropertyOptional, IntersectionType, OmitType } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsDateString, IsIn, IsInt, IsNotEmpty, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { STATUSES, TRANSFER_COMMAND_TYPES, TRANSFER_TYPES, type Status, type TransferType } from '#domain';
import { TRANSFER_SORTS, type TransferSort } from '#persistence';
import { ExternalId } from '../../http/canonical-id.js';

/** Stream versions are PostgreSQL integers; a larger one is a 400, not an out-of-range error. */
const MAX_VERSION = 2_147_483_647;

/** `a,b` or a repeated parameter both give a list. */
const splitList = ({ value }: { value: unknown }) =>
  (Array.isArray(value) ? value : [value]).flatMap((entry) => String(entry).split(',')).filter(Boolean);

export class PageQueryDto {
  @ApiPropertyOptional({ minimum: 1, maximum: 200, default: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  limit: number = 50;

  @ApiPropertyOptional({ description: 'nextCursor of the previous page' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  cursor?: string;
}

export class ListTransfersQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: TRANSFER_TYPES, isArray: true, description: 'One or more, comma-separated' })
  @IsOptional()
  @Transform(splitList)
  @IsIn(TRANSFER_TYPES, { each: true })
  type?: TransferType[];

  @ApiPropertyOptional({ enum: STATUSES, isArray: true, description: 'One or more, comma-separated' })
  @IsOptional()
  @Transform(splitList)
  @IsIn(STATUSES, { each: true })
  status?: Status[];

  @ApiPropertyOptional({ description: 'Transfers from or to this outlet' })
  @IsOptional()
  @ExternalId()
  outletId?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @ExternalId()
  supplierId?: string;

  @ApiPropertyOptional({ description: 'ISO-8601 time; only transfers changed at or after it', example: '2026-11-01T00:00:00Z' })
  @IsOptional()
  @IsDateString({ strict: true })
  updatedSince?: string;

  @ApiPropertyOptional({ enum: TRANSFER_SORTS, default: '-updatedAt' })
  @IsOptional()
  @IsIn(TRANSFER_SORTS)
  sort: TransferSort = '-updatedAt';
}

export class AsOfQueryDto {
  @ApiPropertyOptional({ minimum: 1, maximum: MAX_VERSION, description: 'Rebuild the transfer as it was at this version' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_VERSION)
  asOfVersion?: number;
}

export class EventFeedQueryDto {
  @ApiPropertyOptional({ minimum: 0, maximum: Number.MAX_SAFE_INTEGER, default: 0, description: 'Position of the last event you have; 0 for the start' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(Number.MAX_SAFE_INTEGER)
  after: number = 0;

  @ApiPropertyOptional({ minimum: 1, maximum: 1000, default: 100 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(1000)
  limit: number = 100;
}

/** The filters of `GET /transfers` without paging: an export holds every matching transfer. */
export class ExportTransfersQueryDto extends OmitType(ListTransfersQueryDto, ['limit', 'cursor'] as const) {}

/** The filters of the audit search, shared by `GET /audit` and its CSV export. */
export class AuditFiltersQueryDto {
  @ApiPropertyOptional({ description: 'Actor id (the token subject)' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  actor?: string;

  @ApiPropertyOptional({ description: 'ISO-8601, inclusive' })
  @IsOptional()
  @IsDateString({ strict: true })
  from?: string;

  @ApiPropertyOptional({ description: 'ISO-8601, exclusive' })
  @IsOptional()
  @IsDateString({ strict: true })
  to?: string;

  @ApiPropertyOptional({ enum: TRANSFER_COMMAND_TYPES, description: 'The command, as entries record it', example: 'ReceiveTransfer' })
  @IsOptional()
  @IsIn(TRANSFER_COMMAND_TYPES)
  command?: string;

  @ApiPropertyOptional({ description: 'Entries of transfers from or to this outlet' })
  @IsOptional()
  @ExternalId()
  outletId?: string;
}

export class AuditSearchQueryDto extends IntersectionType(AuditFiltersQueryDto, PageQueryDto) {}

import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiParam, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsBoolean, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { isScannableCode } from '#domain';
import { Database, listOutlets, listSuppliers, productsByBarcode, searchProducts } from '#persistence';
import type { Actor } from '../auth/actor.js';
import { CurrentActor } from '../auth/current-actor.decorator.js';
import { requireRole } from '../auth/access-policy.js';
import { BooleanWord } from '../http/boolean-word.js';
import { ProblemException } from '../http/problem.exception.js';
import { RequestValidationError } from '../http/request-validation.error.js';
import { ApiAnswers } from '../http/openapi/api-answers.decorator.js';
import { OutletListResponse, ProductListResponse, ScannedProductListResponse, SupplierListResponse } from './catalogue.response.js';

export class ProductSearchQueryDto {
  @ApiPropertyOptional({ description: 'Start of a SKU or name, part of a name or SKU (3+ characters), or an exact barcode or SKU' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q: string = '';

  @ApiPropertyOptional({ minimum: 1, maximum: 50, default: 20 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(50)
  limit: number = 20;

  @ApiPropertyOptional({
    type: Boolean,
    default: false,
    description: 'Leave out composite products (Lightspeed takes none on a consignment; add their components instead)',
  })
  @IsOptional()
  @BooleanWord()
  @IsBoolean()
  excludeComposites: boolean = false;
}

/**
 * Lightspeed's catalogue as the worker last synced it (shadow tables), for picking outlets,
 * suppliers and products when creating a transfer or adding lines. Any role may read it.
 */
@ApiTags('catalogue')
@ApiBearerAuth()
@Controller()
export class CatalogueController {
  constructor(private readonly database: Database) {}

  @Get('outlets')
  @ApiOperation({ summary: 'Outlets, from the synced Lightspeed catalogue' })
  @ApiAnswers({ type: OutletListResponse, description: 'Every outlet' }, [401, 403, 429])
  async outlets(@CurrentActor() actor: Actor) {
    requireRole(actor, 'read');
    return { items: await this.database.withClient((client) => listOutlets(client)) };
  }

  @Get('suppliers')
  @ApiOperation({ summary: 'Suppliers, from the synced Lightspeed catalogue' })
  @ApiAnswers({ type: SupplierListResponse, description: 'Every supplier' }, [401, 403, 429])
  async suppliers(@CurrentActor() actor: Actor) {
    requireRole(actor, 'read');
    return { items: await this.database.withClient((client) => listSuppliers(client)) };
  }

  @Get('products')
  @ApiOperation({ summary: 'Product search/autocomplete by name, SKU or barcode; each product says whether it is composite' })
  @ApiAnswers({ type: ProductListResponse, description: 'The products found, best match first' }, [400, 401, 403, 429])
  async products(@Query() query: ProductSearchQueryDto, @CurrentActor() actor: Actor) {
    requireRole(actor, 'read');
    return { items: await this.database.withClient((client) => searchProducts(client, query.q, { limit: query.limit, excludeComposites: query.excludeComposites })) };
  }

  @Get('products/by-barcode/:code')
  @ApiOperation({
    summary: 'The products a scanned code belongs to (a barcode or SKU; a UPC-A also matches its EAN-13 form with a leading 0), each with all its codes',
  })
  @ApiParam({ name: 'code', description: '1 to 64 printable ASCII characters, no space at either end' })
  @ApiAnswers({ type: ScannedProductListResponse, description: 'The products with that code' }, { 400: 'Not a scannable code', 401: 'No valid bearer token or session cookie', 403: 'Your roles do not allow it', 404: 'No product has that code (BARCODE_NOT_FOUND)', 429: 'Too many requests (RATE_LIMITED)' })
  async productsByBarcode(@Param('code') code: string, @CurrentActor() actor: Actor) {
    requireRole(actor, 'read');
    if (!isScannableCode(code)) {
      throw new RequestValidationError([{ field: 'code', messages: ['code must be 1 to 64 printable ASCII characters with no space at either end'] }]);
    }
    const items = await this.database.withClient((client) => productsByBarcode(client, code));
    if (items.length === 0) throw new ProblemException(404, 'BARCODE_NOT_FOUND', `No product has the code ${code}`, { code });
    return { items };
  }
}

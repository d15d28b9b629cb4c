import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put, Query, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { DomainError, measurementOf } from '#domain';
import { Database, findProductDimensions, listProductsMissingDimensions } from '#persistence';
import { requireRole } from '../auth/access-policy.js';
import type { Actor } from '../auth/actor.js';
import { CurrentActor } from '../auth/current-actor.decorator.js';
import { etagOf } from '../http/etag.js';
import { CSV_IMPORT_MAX_BYTES } from '../http/input-limits.js';
import { ApiAnswers } from '../http/openapi/api-answers.decorator.js';
import { DIMENSIONS_CSV_COLUMNS, DIMENSIONS_CSV_MAX_ROWS } from './dimensions-csv.js';
import { DimensionsImportService } from './dimensions-import.service.js';
import { MissingDimensionsQueryDto } from './dto/missing-dimensions-query.dto.js';
import { ProductMeasurementDto } from './dto/product-measurement.dto.js';
import { ProductDimensionsCommandService } from './product-dimensions-command-service.js';
import { ProductDimensionsResponses } from './product-dimensions-responses.decorator.js';
import { DimensionsImportReportResponse, ProductDimensionsResponse, UnmeasuredProductPageResponse } from './product-dimensions.response.js';
import { productIdParam } from './product-id-param.pipe.js';

const PRODUCT_ID = ApiParam({ name: 'productId', description: 'The product’s id in the catalogue (1 to 100 characters)' });

/** Products' dimensions and weight for freight: anyone signed in reads them, managers and admins keep them. */
@ApiTags('product-dimensions')
@ApiBearerAuth()
@Controller('products')
export class ProductDimensionsController {
  constructor(
    private readonly commands: ProductDimensionsCommandService,
    private readonly imports: DimensionsImportService,
    private readonly database: Database,
  ) {}

  @Get('missing-dimensions')
  @ApiOperation({ summary: 'Catalogue products (not composite) with no dimensions yet, by name, a page at a time' })
  @ApiAnswers({ type: UnmeasuredProductPageResponse, description: 'A page of products; nextCursor is null on the last' }, { 400: 'Invalid limit, or a cursor this API did not issue (INVALID_CURSOR)', 401: 'No valid bearer token or session cookie', 403: 'Your roles do not allow it', 429: 'Too many requests (RATE_LIMITED)' })
  async missing(@Query() query: MissingDimensionsQueryDto, @CurrentActor() actor: Actor) {
    requireRole(actor, 'read');
    return this.database.withClient((client) => listProductsMissingDimensions(client, { limit: query.limit, after: query.after }));
  }

  @Get(':productId/dimensions')
  @PRODUCT_ID
  @ApiOperation({ summary: 'A product’s dimensions and weight; ETag is their version' })
  @ApiAnswers({ type: ProductDimensionsResponse, description: 'The dimensions; ETag is their version' }, { 400: 'The id is not 1 to 100 characters', 401: 'No valid bearer token or session cookie', 403: 'Your roles do not allow it', 404: 'The product has no dimensions (PRODUCT_DIMENSIONS_NOT_FOUND)', 429: 'Too many requests (RATE_LIMITED)' })
  async detail(@Param('productId', productIdParam) productId: string, @CurrentActor() actor: Actor, @Res({ passthrough: true }) reply: FastifyReply) {
    requireRole(actor, 'read');
    const dimensions = await this.database.withClient((client) => findProductDimensions(client, productId));
    if (!dimensions) throw new DomainError('PRODUCT_DIMENSIONS_NOT_FOUND', `Product ${productId} has no dimensions`, { productId });
    void reply.header('etag', etagOf(dimensions.version));
    return dimensions;
  }

  @Put(':productId/dimensions')
  @PRODUCT_ID
  @ApiOperation({ summary: 'Set a product’s dimensions and weight (manager, admin): the whole measurement anew; the same again changes nothing' })
  @ProductDimensionsResponses('set')
  set(
    @Param('productId', productIdParam) productId: string,
    @Body() body: ProductMeasurementDto,
    @CurrentActor() actor: Actor,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    return this.commands.send(productId, { type: 'SetProductDimensions', productId, ...measurementOf(body) }, actor, request, reply);
  }

  @Delete(':productId/dimensions')
  @PRODUCT_ID
  @ApiOperation({ summary: 'Clear a product’s dimensions (manager, admin): it is listed as missing them again' })
  @ProductDimensionsResponses('clear')
  clear(@Param('productId', productIdParam) productId: string, @CurrentActor() actor: Actor, @Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    return this.commands.send(productId, { type: 'ClearProductDimensions', productId }, actor, request, reply);
  }

  @Post('dimensions/import')
  @HttpCode(200)
  @ApiConsumes('text/csv')
  @ApiBody({
    schema: { type: 'string', example: `${DIMENSIONS_CSV_COLUMNS.join(',')}\nKETTLE-1,250,200,300,1600\n` },
    description: `CSV in UTF-8 with the header ${DIMENSIONS_CSV_COLUMNS.join(',')}; sku is a product's SKU or barcode. At most ${CSV_IMPORT_MAX_BYTES} bytes and ${DIMENSIONS_CSV_MAX_ROWS} rows.`,
  })
  @ApiOperation({ summary: 'Set many products’ dimensions from a CSV (manager, admin): each row on its own, reported row by row' })
  @ApiAnswers(
    { type: DimensionsImportReportResponse, description: 'How many rows changed a product, how many stated what it had, and each refused row with its reason' },
    {
      400: 'Unreadable CSV (CSV_MALFORMED), or a header other than the expected columns (CSV_HEADER_INVALID, naming them)',
      401: 'No valid bearer token or session cookie',
      403: 'Only managers and admins keep products’ dimensions (FORBIDDEN)',
      413: `The body is larger than ${CSV_IMPORT_MAX_BYTES} bytes, or has more than ${DIMENSIONS_CSV_MAX_ROWS} rows`,
      415: 'The body is not text/csv in UTF-8',
      429: 'Too many requests (RATE_LIMITED)',
    },
  )
  importCsv(@CurrentActor() actor: Actor, @Req() request: FastifyRequest) {
    return this.imports.import(request, actor);
  }
}

import { Injectable } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { DomainError, requireProductDimensionsKeeper } from '#domain';
import { CommandPipeline, Database, ProductDimensionsAggregate, productsByBarcode } from '#persistence';
import type { Actor } from '../auth/actor.js';
import { ProblemException } from '../http/problem.exception.js';
import { readDimensionsCsv, type DimensionsCsvRow } from './dimensions-csv.js';

export interface RefusedImportRow {
  row: number;
  sku: string;
  reason: string;
  code: string;
}

export interface DimensionsImportReport {
  applied: number;
  unchanged: number;
  refused: RefusedImportRow[];
}

const refusalOf = (row: DimensionsCsvRow, code: string, reason: string): RefusedImportRow => ({ row: row.row, sku: row.sku, reason, code });

/** A domain refusal as one line: the messages of its bad fields (which name the bounds), or its message. */
function reasonOf(error: DomainError): string {
  const errors = error.details.errors as { messages: string[] }[] | undefined;
  return errors ? errors.flatMap((entry) => entry.messages).join('; ') : error.message;
}

/**
 * A CSV of measurements applied row by row: each row's product is found by its SKU or barcode, and
 * each good row is its own SetProductDimensions through the command pipeline (recorded with its
 * actor, as any command is). A refused row is reported and never stops the others.
 */
@Injectable()
export class DimensionsImportService {
  constructor(
    private readonly database: Database,
    private readonly pipeline: CommandPipeline,
    private readonly dimensions: ProductDimensionsAggregate,
  ) {}

  async import(request: FastifyRequest, actor: Actor): Promise<DimensionsImportReport> {
    requireProductDimensionsKeeper(actor, 'SetProductDimensions');
    const mediaType = (request.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase();
    if (mediaType !== 'text/csv' || typeof request.body !== 'string') {
      throw new ProblemException(415, 'UNSUPPORTED_MEDIA_TYPE', 'An import must be text/csv in UTF-8');
    }
    const report: DimensionsImportReport = { applied: 0, unchanged: 0, refused: [] };
    for (const row of readDimensionsCsv(request.body)) {
      const refused = await this.applyRow(row, actor, request.id);
      if (refused === 'applied' || refused === 'unchanged') report[refused] += 1;
      else report.refused.push(refused);
    }
    return report;
  }

  private async applyRow(row: DimensionsCsvRow, actor: Actor, correlationId: string): Promise<'applied' | 'unchanged' | RefusedImportRow> {
    if (row.shapeError) return refusalOf(row, 'CSV_ROW_INVALID', row.shapeError);
    if (row.sku === '') return refusalOf(row, 'CSV_ROW_INVALID', 'sku must name the product by its SKU or a barcode');
    const products = await this.database.withClient((client) => productsByBarcode(client, row.sku));
    if (products.length === 0) return refusalOf(row, 'PRODUCT_NOT_FOUND', `No product in the catalogue has the SKU or barcode ${row.sku}`);
    if (products.length > 1) {
      return refusalOf(row, 'AMBIGUOUS_PRODUCT_CODE', `${products.length} products have the code ${row.sku}: set theirs one by one`);
    }
    const productId = (products[0] as { id: string }).id;
    const { lengthMm, widthMm, heightMm, weightG } = row;
    try {
      const result = await this.pipeline.handle(this.dimensions, productId, { type: 'SetProductDimensions', productId, lengthMm, widthMm, heightMm, weightG }, {
        actor,
        correlationId,
        causationId: null,
      });
      return result.changed ? 'applied' : 'unchanged';
    } catch (error) {
      if (error instanceof DomainError) return refusalOf(row, error.code, reasonOf(error));
      throw error;
    }
  }
}

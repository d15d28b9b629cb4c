import { Global, Module } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { DataSource } from 'typeorm';
import { parseMoney, type TransferRules } from '#domain';
import { BoxTypeAggregate } from './box-types/box-type-aggregate.js';
import { CommandPipeline } from './commands/command-pipeline.js';
import { Database } from './database/database.js';
import { ProductDimensionsAggregate } from './product-dimensions/product-dimensions-aggregate.js';
import { ShippingAddressAggregate } from './shipping-addresses/shipping-address-aggregate.js';
import { TransferAggregate } from './transfers/transfer-aggregate.js';

export const TRANSFER_RULES = Symbol('TransferRules');

export function transferRulesFrom(config: ConfigService): TransferRules {
  return {
    purchaseOrderApprovalThreshold: parseMoney(String(config.getOrThrow('PO_APPROVAL_THRESHOLD'))),
    stocktakeReviewThreshold: parseMoney(String(config.getOrThrow('STOCKTAKE_REVIEW_THRESHOLD'))),
    overReceiptTolerancePercent: Number(config.getOrThrow('OVER_RECEIPT_TOLERANCE_PERCENT')),
    unsentItemLimit: Number(config.getOrThrow('UNSENT_ITEM_LIMIT')),
  };
}

/** The event store and read models as Nest providers, for the API and the worker. */
@Global()
@Module({
  providers: [
    { provide: Database, useFactory: (dataSource: DataSource) => new Database(dataSource), inject: [DataSource] },
    { provide: TRANSFER_RULES, useFactory: transferRulesFrom, inject: [ConfigService] },
    { provide: CommandPipeline, useFactory: (database: Database) => new CommandPipeline(database), inject: [Database] },
    { provide: TransferAggregate, useFactory: (rules: TransferRules) => new TransferAggregate(rules), inject: [TRANSFER_RULES] },
    { provide: BoxTypeAggregate, useValue: new BoxTypeAggregate() },
    { provide: ProductDimensionsAggregate, useValue: new ProductDimensionsAggregate() },
    { provide: ShippingAddressAggregate, useValue: new ShippingAddressAggregate() },
  ],
  exports: [Database, CommandPipeline, TransferAggregate, BoxTypeAggregate, ProductDimensionsAggregate, ShippingAddressAggregate, TRANSFER_RULES],
})
export class PersistenceModule {}

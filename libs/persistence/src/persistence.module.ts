import { Global, Module } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { DataSource } from 'typeorm';
import { parseMoney, type TransferRules } from '#domain';
import { TransferCommandExecutor } from './commands/transfer-command-executor.js';
import { Database } from './database/database.js';

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
    {
      provide: TransferCommandExecutor,
      useFactory: (database: Database, rules: TransferRules) => new TransferCommandExecutor(database, rules),
      inject: [Database, TRANSFER_RULES],
    },
  ],
  exports: [Database, TransferCommandExecutor, TRANSFER_RULES],
})
export class PersistenceModule {}

import { Module } from '@nestjs/common';
import { BoxLabelsController } from './box-labels.controller.js';
import { BoxLabelsService } from './box-labels.service.js';
import { carrierProvider } from './carrier.provider.js';
import { FreightQuoteService } from './freight-quote.service.js';
import { FreightQuotesController } from './freight-quotes.controller.js';
import { PackingSuggestionController } from './packing-suggestion.controller.js';
import { PackingSuggestionService } from './packing-suggestion.service.js';
import { QuoteCache } from './quote-cache.js';
import { UnreceivedShipmentsController } from './unreceived-shipments.controller.js';

/** Freight: which boxes a transfer's goods go in, their labels, what a carrier charges to take them, and deliveries nobody received. */
@Module({
  controllers: [PackingSuggestionController, FreightQuotesController, BoxLabelsController, UnreceivedShipmentsController],
  providers: [PackingSuggestionService, FreightQuoteService, QuoteCache, BoxLabelsService, carrierProvider],
})
export class FreightModule {}

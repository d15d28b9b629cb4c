import { Module } from '@nestjs/common';
import { CommandHttp } from '../http/command-http.js';
import { DimensionsImportService } from './dimensions-import.service.js';
import { ProductDimensionsCommandService } from './product-dimensions-command-service.js';
import { ProductDimensionsController } from './product-dimensions.controller.js';

/** Commands go through the CommandPipeline; reads straight to the product_dimensions read model. */
@Module({
  controllers: [ProductDimensionsController],
  providers: [CommandHttp, ProductDimensionsCommandService, DimensionsImportService],
})
export class ProductDimensionsModule {}

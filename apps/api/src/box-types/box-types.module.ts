import { Module } from '@nestjs/common';
import { CommandHttp } from '../http/command-http.js';
import { BoxTypeCommandService } from './box-type-command-service.js';
import { BoxTypesController } from './box-types.controller.js';

/** Commands go through the CommandPipeline; reads straight to the box-type read model. */
@Module({
  controllers: [BoxTypesController],
  providers: [CommandHttp, BoxTypeCommandService],
})
export class BoxTypesModule {}

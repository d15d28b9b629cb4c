import { Module } from '@nestjs/common';
import { CommandHttp } from '../http/command-http.js';
import { ShippingAddressCommandService } from './shipping-address-command-service.js';
import { ShippingAddressesController } from './shipping-addresses.controller.js';

/** Commands go through the CommandPipeline; reads straight to the shipping_addresses read model. */
@Module({
  controllers: [ShippingAddressesController],
  providers: [CommandHttp, ShippingAddressCommandService],
})
export class ShippingAddressesModule {}

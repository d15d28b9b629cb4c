import { Body, Controller, Param, Post, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Actor } from '../../../auth/actor.js';
import { CurrentActor } from '../../../auth/current-actor.decorator.js';
import { uuidParam } from '../../../http/uuid-param.pipe.js';
import { TransferResponses } from '../../transfer-responses.decorator.js';
import { TransferCommandService } from '../transfer-command-service.js';
import { RequestBookingDto } from './request-booking.dto.js';

@ApiTags('transfer shipment')
@ApiBearerAuth()
@Controller('transfers/:id/shipment/booking')
export class RequestBookingRoute {
  constructor(private readonly commands: TransferCommandService) {}

  @Post()
  @ApiOperation({
    summary: 'Ask for the boxes to be booked with a carrier, at a service and price a freight quote offered; a worker makes the booking',
    description:
      'The order number is TR-<transferId>-v<boxSetVersion>. Needs at least one box (422 NOTHING_BOXED) and no empty box (422 EMPTY_BOX, naming them); ' +
      'while a booking is active another is 409 BOOKING_ACTIVE, and the boxes are frozen until it is cancelled.',
  })
  @TransferResponses(false, true)
  request(@Param('id', uuidParam('id')) id: string, @Body() body: RequestBookingDto, @CurrentActor() actor: Actor, @Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    return this.commands.send(
      id,
      { type: 'RequestBooking', serviceCode: body.serviceCode, serviceName: body.serviceName, quotedPriceCents: body.quotedPriceCents, currency: body.currency ?? null },
      actor,
      request,
      reply,
      202,
    );
  }
}

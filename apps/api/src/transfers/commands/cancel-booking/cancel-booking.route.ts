import { Body, Controller, Param, Post, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Actor } from '../../../auth/actor.js';
import { CurrentActor } from '../../../auth/current-actor.decorator.js';
import { uuidParam } from '../../../http/uuid-param.pipe.js';
import { TransferResponses } from '../../transfer-responses.decorator.js';
import { TransferCommandService } from '../transfer-command-service.js';
import { CancelBookingDto } from './cancel-booking.dto.js';

@ApiTags('transfer shipment')
@ApiBearerAuth()
@Controller('transfers/:id/shipment/cancellation')
export class CancelBookingRoute {
  constructor(private readonly commands: TransferCommandService) {}

  @Post()
  @ApiOperation({
    summary: 'Ask for the shipment booking to be cancelled with the carrier; a worker cancels it',
    description: 'Only while a booking is asked for or booked (else 409 BOOKING_NOT_REQUESTED); asking again while it is being cancelled changes nothing.',
  })
  @TransferResponses(false, true)
  cancel(@Param('id', uuidParam('id')) id: string, @Body() body: CancelBookingDto, @CurrentActor() actor: Actor, @Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    return this.commands.send(id, { type: 'CancelBooking', reason: body.reason }, actor, request, reply, 202);
  }
}

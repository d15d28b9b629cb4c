import { Body, Controller, Delete, Get, Param, Put, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { DomainError, shippingAddressKey, type Party, type ShippingAddressInput } from '#domain';
import { Database, findShippingAddress } from '#persistence';
import { requireRole } from '../auth/access-policy.js';
import type { Actor } from '../auth/actor.js';
import { CurrentActor } from '../auth/current-actor.decorator.js';
import { etagOf } from '../http/etag.js';
import { ApiAnswers } from '../http/openapi/api-answers.decorator.js';
import { ShippingAddressDto } from './dto/shipping-address.dto.js';
import { outletIdParam, supplierIdParam } from './party-id-param.pipe.js';
import { ShippingAddressCommandService } from './shipping-address-command-service.js';
import { ShippingAddressResponses } from './shipping-address-responses.decorator.js';
import { ShippingAddressResponse } from './shipping-address.response.js';

const OUTLET_ID = ApiParam({ name: 'outletId', description: 'The outlet’s id in the catalogue (1 to 100 characters)' });
const SUPPLIER_ID = ApiParam({ name: 'supplierId', description: 'The supplier’s id in the catalogue (1 to 100 characters)' });

/** Only the address's own fields, as the DTO has them (the domain trims and nulls them). */
function addressOf(body: ShippingAddressDto): ShippingAddressInput {
  const { contactName, company, street, suburb, city, state, postCode, countryCode, phone, email, deliveryInstructions } = body;
  return { contactName, company, street, suburb, city, state, postCode, countryCode, phone, email, deliveryInstructions };
}

const readAnswers = (kind: string) =>
  ApiAnswers(
    { type: ShippingAddressResponse, description: 'The address; ETag is its version' },
    {
      400: 'The id is not 1 to 100 characters',
      401: 'No valid bearer token or session cookie',
      403: 'Your roles do not allow it',
      404: `The ${kind} has no shipping address (SHIPPING_ADDRESS_NOT_FOUND)`,
      429: 'Too many requests (RATE_LIMITED)',
    },
  );

/**
 * Outlets' and suppliers' shipping addresses, which freight quotes and books from and to: anyone
 * signed in reads them, admins keep them.
 */
@ApiTags('shipping-addresses')
@ApiBearerAuth()
@Controller()
export class ShippingAddressesController {
  constructor(
    private readonly commands: ShippingAddressCommandService,
    private readonly database: Database,
  ) {}

  private async read(party: Party, actor: Actor, reply: FastifyReply) {
    requireRole(actor, 'read');
    const shown = await this.database.withClient((client) => findShippingAddress(client, party));
    if (!shown) {
      throw new DomainError('SHIPPING_ADDRESS_NOT_FOUND', `The ${party.kind} ${party.id} has no shipping address`, {
        partyKind: party.kind,
        partyId: party.id,
        key: shippingAddressKey(party),
      });
    }
    void reply.header('etag', etagOf(shown.version));
    return shown;
  }

  @Get('outlets/:outletId/address')
  @OUTLET_ID
  @ApiOperation({ summary: 'An outlet’s shipping address; ETag is its version' })
  @readAnswers('outlet')
  outletAddress(@Param('outletId', outletIdParam) outletId: string, @CurrentActor() actor: Actor, @Res({ passthrough: true }) reply: FastifyReply) {
    return this.read({ kind: 'outlet', id: outletId }, actor, reply);
  }

  @Put('outlets/:outletId/address')
  @OUTLET_ID
  @ApiOperation({ summary: 'Set an outlet’s shipping address (admin): the whole address anew; the same again changes nothing' })
  @ShippingAddressResponses('outlet', 'set')
  setOutletAddress(
    @Param('outletId', outletIdParam) outletId: string,
    @Body() body: ShippingAddressDto,
    @CurrentActor() actor: Actor,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    return this.commands.send({ type: 'SetShippingAddress', party: { kind: 'outlet', id: outletId }, ...addressOf(body) }, actor, request, reply);
  }

  @Delete('outlets/:outletId/address')
  @OUTLET_ID
  @ApiOperation({ summary: 'Clear an outlet’s shipping address (admin)' })
  @ShippingAddressResponses('outlet', 'clear')
  clearOutletAddress(@Param('outletId', outletIdParam) outletId: string, @CurrentActor() actor: Actor, @Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    return this.commands.send({ type: 'ClearShippingAddress', party: { kind: 'outlet', id: outletId } }, actor, request, reply);
  }

  @Get('suppliers/:supplierId/address')
  @SUPPLIER_ID
  @ApiOperation({ summary: 'A supplier’s shipping address (where returns go); ETag is its version' })
  @readAnswers('supplier')
  supplierAddress(@Param('supplierId', supplierIdParam) supplierId: string, @CurrentActor() actor: Actor, @Res({ passthrough: true }) reply: FastifyReply) {
    return this.read({ kind: 'supplier', id: supplierId }, actor, reply);
  }

  @Put('suppliers/:supplierId/address')
  @SUPPLIER_ID
  @ApiOperation({ summary: 'Set a supplier’s shipping address (admin): the whole address anew; the same again changes nothing' })
  @ShippingAddressResponses('supplier', 'set')
  setSupplierAddress(
    @Param('supplierId', supplierIdParam) supplierId: string,
    @Body() body: ShippingAddressDto,
    @CurrentActor() actor: Actor,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    return this.commands.send({ type: 'SetShippingAddress', party: { kind: 'supplier', id: supplierId }, ...addressOf(body) }, actor, request, reply);
  }

  @Delete('suppliers/:supplierId/address')
  @SUPPLIER_ID
  @ApiOperation({ summary: 'Clear a supplier’s shipping address (admin)' })
  @ShippingAddressResponses('supplier', 'clear')
  clearSupplierAddress(@Param('supplierId', supplierIdParam) supplierId: string, @CurrentActor() actor: Actor, @Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    return this.commands.send({ type: 'ClearShippingAddress', party: { kind: 'supplier', id: supplierId } }, actor, request, reply);
  }
}

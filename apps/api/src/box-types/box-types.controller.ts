import { randomUUID } from 'node:crypto';
import { Body, Controller, Get, Param, Post, Put, Query, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { DomainError, specOf } from '#domain';
import { Database, findBoxType, listBoxTypes } from '#persistence';
import { requireRole } from '../auth/access-policy.js';
import type { Actor } from '../auth/actor.js';
import { CurrentActor } from '../auth/current-actor.decorator.js';
import { etagOf } from '../http/etag.js';
import { uuidParam } from '../http/uuid-param.pipe.js';
import { BoxTypeCommandService } from './box-type-command-service.js';
import { BoxTypeResponses } from './box-type-responses.decorator.js';
import { BoxTypeSpecDto } from './dto/box-type-spec.dto.js';
import { DefineBoxTypeDto } from './dto/define-box-type.dto.js';
import { ListBoxTypesQueryDto } from './dto/list-box-types-query.dto.js';
import { ApiAnswers } from '../http/openapi/api-answers.decorator.js';
import { BoxTypeListResponse, BoxTypeResponse } from './box-type.response.js';

/** The box-type catalogue: anyone signed in reads it, admins keep it. */
@ApiTags('box-types')
@ApiBearerAuth()
@Controller('box-types')
export class BoxTypesController {
  constructor(
    private readonly commands: BoxTypeCommandService,
    private readonly database: Database,
  ) {}

  @Get()
  @ApiOperation({ summary: 'The box types offered for packing, by name; ?includeRetired=true lists retired ones too' })
  @ApiAnswers({ type: BoxTypeListResponse, description: 'The box types, by name' }, [400, 401, 403, 429])
  async list(@Query() query: ListBoxTypesQueryDto, @CurrentActor() actor: Actor) {
    requireRole(actor, 'read');
    return { items: await this.database.withClient((client) => listBoxTypes(client, { includeRetired: query.includeRetired })) };
  }

  @Get(':id')
  @ApiOperation({ summary: 'A box type, retired or not; ETag is its version' })
  @ApiAnswers({ type: BoxTypeResponse, description: 'The box type; ETag is its version' }, { 400: 'The id is not a UUID', 401: 'No valid bearer token or session cookie', 403: 'Your roles do not allow it', 404: 'No such box type (BOX_TYPE_NOT_FOUND)', 429: 'Too many requests (RATE_LIMITED)' })
  async detail(@Param('id', uuidParam('id')) id: string, @CurrentActor() actor: Actor, @Res({ passthrough: true }) reply: FastifyReply) {
    requireRole(actor, 'read');
    const boxType = await this.database.withClient((client) => findBoxType(client, id));
    if (!boxType) throw new DomainError('BOX_TYPE_NOT_FOUND', `No box type ${id}`, { boxTypeId: id });
    void reply.header('etag', etagOf(boxType.version));
    return boxType;
  }

  @Post()
  @ApiOperation({ summary: 'Define a box type (admin)' })
  @BoxTypeResponses(true)
  define(@Body() body: DefineBoxTypeDto, @CurrentActor() actor: Actor, @Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    const id = body.id ?? randomUUID();
    return this.commands.send(id, { type: 'DefineBoxType', boxTypeId: id, ...specOf(body) }, actor, request, reply, 201);
  }

  @Put(':id')
  @ApiOperation({ summary: 'Revise a box type (admin): the whole definition anew' })
  @BoxTypeResponses()
  revise(
    @Param('id', uuidParam('id')) id: string,
    @Body() body: BoxTypeSpecDto,
    @CurrentActor() actor: Actor,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    return this.commands.send(id, { type: 'ReviseBoxType', ...specOf(body) }, actor, request, reply);
  }

  @Post(':id/retire')
  @ApiOperation({ summary: 'Retire a box type (admin): kept for the shipments that used it, offered for no new one' })
  @BoxTypeResponses()
  retire(@Param('id', uuidParam('id')) id: string, @CurrentActor() actor: Actor, @Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    return this.commands.send(id, { type: 'RetireBoxType' }, actor, request, reply);
  }
}

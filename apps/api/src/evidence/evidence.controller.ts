import { Controller, Get, Param, Post, Req, Res } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { EnvironmentVariables } from '#config';
import { ALLOWED_MEDIA_TYPES, EvidenceRefusal, inspectEvidence, SVG_MEDIA_TYPE } from '#evidence';
import { mayReadTransfer } from '#domain';
import { Database, findEvidenceMeta, transfersHoldingEvidence, type EvidenceMeta, type SqlClient } from '#persistence';
import type { Actor } from '../auth/actor.js';
import { CurrentActor } from '../auth/current-actor.decorator.js';
import { requireRole } from '../auth/access-policy.js';
import { ProblemException } from '../http/problem.exception.js';
import { uuidParam } from '../http/uuid-param.pipe.js';
import { KeptEvidence } from './kept-evidence.js';
import { ApiAnswers } from '../http/openapi/api-answers.decorator.js';
import { EvidenceMetaResponse, EvidenceResponse } from './evidence.response.js';
import { readUpload } from './read-upload.js';

const REFUSAL_STATUS = { UNSUPPORTED_MEDIA_TYPE: 415, UNSAFE_SVG: 422, MALFORMED_METADATA: 422 } as const;

/** What may be uploaded, and the carrier labels the booking worker keeps. */
const EVIDENCE_MEDIA_TYPES = [...new Set([...ALLOWED_MEDIA_TYPES.PHOTO, ...ALLOWED_MEDIA_TYPES.SIGNATURE, 'application/pdf'])];

const NOT_FOUND = 'No such evidence, or none the caller may read: its uploader, or a reader of a transfer it is attached to (EVIDENCE_NOT_FOUND)';

const resource = ({ id, kind, mediaType, byteSize, sha256 }: EvidenceMeta) => ({ id, kind, mediaType, byteSize, sha256 });

/** Photos and signatures kept as evidence: see docs/evidence.md. */
@ApiTags('evidence')
@ApiBearerAuth()
@Controller('evidence')
export class EvidenceController {
  constructor(
    private readonly database: Database,
    private readonly kept: KeptEvidence,
    private readonly config: ConfigService<EnvironmentVariables, true>,
  ) {}

  @Post()
  @ApiOperation({
    summary: 'Keep a photo (JPEG, PNG, WebP, HEIC) or a signature (PNG, SVG); its EXIF GPS location is removed',
    description: 'The type is read from the bytes, not the file name. The same bytes sent again by the same user, as the same kind, answer the evidence already kept (200).',
  })
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      required: ['kind', 'file'],
      properties: { kind: { type: 'string', enum: ['photo', 'signature'] }, file: { type: 'string', format: 'binary' } },
    },
  })
  @ApiAnswers(
    [
      { status: 201, type: EvidenceResponse, description: 'Kept; sha256 is of the bytes as kept, Location its address' },
      { status: 200, type: EvidenceResponse, description: 'The same upload again: the evidence kept the first time' },
    ],
    {
      400: 'A part missing or unknown, or a body that is not well-formed multipart (MALFORMED_MULTIPART)',
      401: 'No valid bearer token or session cookie',
      403: 'Only staff, managers and admins upload evidence',
      413: 'The file is larger than EVIDENCE_MAX_BYTES (PAYLOAD_TOO_LARGE)',
      415: 'The bytes are none of the types the kind allows (named in the answer), or the body is not multipart',
      422: 'An SVG with scripts, event handlers, links or external references, or image metadata too broken to remove the location from',
      429: 'Too many requests: Retry-After says when to try again (RATE_LIMITED)',
    },
  )
  async upload(@Req() request: FastifyRequest, @Res() reply: FastifyReply, @CurrentActor() actor: Actor): Promise<void> {
    requireRole(actor, 'uploadEvidence');
    const upload = await readUpload(request, this.config.get('EVIDENCE_MAX_BYTES', { infer: true }));
    const inspected = await inspectEvidence(upload.kind, upload.bytes).catch((error: unknown) => {
      if (!(error instanceof EvidenceRefusal)) throw error;
      throw new ProblemException(REFUSAL_STATUS[error.reason], error.reason, error.message, { allowedMediaTypes: ALLOWED_MEDIA_TYPES[upload.kind] });
    });
    const { evidence, created } = await this.kept.keep({ kind: inspected.kind, mediaType: inspected.mediaType, bytes: inspected.bytes, sha256: inspected.sha256, uploadedBy: actor.id });
    await reply.status(created ? 201 : 200).header('location', `${request.url.replace(/\/$/, '')}/${evidence.id}`).send(resource(evidence));
  }

  @Get(':id')
  @ApiOperation({ summary: 'The evidence as kept, with its media type; ETag is its SHA-256' })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiAnswers(
    {
      description: 'The bytes; served with nosniff, and an SVG under Content-Security-Policy: sandbox',
      content: Object.fromEntries(EVIDENCE_MEDIA_TYPES.map((mediaType) => [mediaType, { type: 'string', format: 'binary' }])),
    },
    { 400: 'The id is not a UUID', 401: 'No valid bearer token or session cookie', 403: 'Your roles do not allow it', 404: NOT_FOUND, 429: 'Too many requests (RATE_LIMITED)' },
  )
  async content(@Param('id', uuidParam('id')) id: string, @Res() reply: FastifyReply, @CurrentActor() actor: Actor): Promise<void> {
    requireRole(actor, 'read');
    const found = await this.kept.content(id, async (evidence) => Boolean(await this.database.withClient((client) => readableBy(client, actor, id, evidence))));
    if (!found) throw notFound(id);
    void reply
      .header('content-type', found.mediaType)
      .header('etag', `"${found.sha256}"`)
      .header('x-content-type-options', 'nosniff')
      .header('cache-control', 'private, max-age=31536000, immutable')
      .header('content-disposition', 'inline');
    if (found.mediaType === SVG_MEDIA_TYPE) void reply.header('content-security-policy', "sandbox; default-src 'none'; style-src 'unsafe-inline'");
    await reply.send(found.bytes);
  }

  @Get(':id/meta')
  @ApiOperation({ summary: 'What the evidence is: {id, kind, mediaType, byteSize, sha256, uploadedBy, createdAt}' })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiAnswers({ type: EvidenceMetaResponse, description: 'What the evidence is' }, { 400: 'The id is not a UUID', 401: 'No valid bearer token or session cookie', 403: 'Your roles do not allow it', 404: NOT_FOUND, 429: 'Too many requests (RATE_LIMITED)' })
  async meta(@Param('id', uuidParam('id')) id: string, @CurrentActor() actor: Actor): Promise<EvidenceMeta> {
    requireRole(actor, 'read');
    const found = await this.database.withClient(async (client) => readableBy(client, actor, id, await findEvidenceMeta(client, id)));
    if (!found) throw notFound(id);
    return found;
  }
}

/**
 * The evidence, if the actor may see it: its uploader, or whoever may read a transfer it is attached
 * to. To anyone else it does not exist, so an id never tells that someone's evidence is there.
 */
async function readableBy<E extends { uploadedBy: string }>(client: SqlClient, actor: Actor, id: string, evidence: E | undefined): Promise<E | undefined> {
  if (!evidence || evidence.uploadedBy === actor.id) return evidence;
  const places = await transfersHoldingEvidence(client, id);
  return places.some((place) => mayReadTransfer(actor, place)) ? evidence : undefined;
}

const notFound = (id: string) => new ProblemException(404, 'EVIDENCE_NOT_FOUND', `No evidence ${id}`);

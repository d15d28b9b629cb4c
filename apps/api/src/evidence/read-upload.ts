import type { FastifyRequest } from 'fastify';
import { EVIDENCE_KINDS, type EvidenceKind } from '#evidence';
import { ProblemException } from '../http/problem.exception.js';
import { RequestValidationError } from '../http/request-validation.error.js';

export interface Upload {
  kind: EvidenceKind;
  bytes: Buffer;
}

const KIND_NAMES = EVIDENCE_KINDS.map((kind) => kind.toLowerCase());

/**
 * Reads the parts `kind` (photo | signature) and `file` of a multipart upload, in either order.
 * The file's bytes are held only up to the configured limit (a 413 beyond it); a missing or
 * unknown part is a 400 naming it.
 */
export async function readUpload(request: FastifyRequest, maxBytes: number): Promise<Upload> {
  if (!request.isMultipart()) throw new ProblemException(415, 'UNSUPPORTED_MEDIA_TYPE', 'An upload must be multipart/form-data with the parts kind and file');
  let kind: string | undefined;
  let bytes: Buffer | undefined;
  try {
    for await (const part of request.parts()) {
      if (part.type === 'file') {
        if (part.fieldname !== 'file') throw invalid(part.fieldname, `${part.fieldname} is not a part of an upload; send the file as file`);
        bytes = await part.toBuffer();
      } else if (part.fieldname === 'kind') {
        kind = String(part.value);
      } else {
        throw invalid(part.fieldname, `${part.fieldname} is not a part of an upload; send kind and file`);
      }
    }
  } catch (error) {
    throw asProblem(error, maxBytes);
  }
  const missing = [...(kind === undefined ? ['kind'] : []), ...(bytes === undefined ? ['file'] : [])];
  if (missing.length > 0) throw new RequestValidationError(missing.map((field) => ({ field, messages: [`${field} is required`] })));
  const name = (kind as string).toLowerCase();
  if (!KIND_NAMES.includes(name)) throw invalid('kind', `kind must be one of ${KIND_NAMES.join(', ')}`);
  return { kind: name.toUpperCase() as EvidenceKind, bytes: bytes as Buffer };
}

const invalid = (field: string, message: string) => new RequestValidationError([{ field, messages: [message] }]);

/** @fastify/multipart's limits answer 413; a body that is not well-formed multipart is a 400. */
function asProblem(error: unknown, maxBytes: number): unknown {
  if (error instanceof RequestValidationError || error instanceof ProblemException) return error;
  const status = (error as { statusCode?: number }).statusCode;
  if (status === 413) {
    return new ProblemException(413, 'PAYLOAD_TOO_LARGE', `An upload holds one file of at most ${maxBytes} bytes and the parts kind and file`, { maxBytes });
  }
  return new ProblemException(400, 'MALFORMED_MULTIPART', `The multipart body cannot be read: ${(error as Error).message}`);
}

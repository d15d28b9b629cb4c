import { applyDecorators } from '@nestjs/common';
import { ApiHeader } from '@nestjs/swagger';
import { ApiAnswers } from '../http/openapi/api-answers.decorator.js';
import { TransferResponse } from './responses/transfer.response.js';

/** The OpenAPI description shared by every transfer command. */
export function TransferResponses(created = false, accepted = false) {
  return applyDecorators(
    ApiHeader({ name: 'If-Match', required: false, description: 'The ETag you last saw; 409 if the transfer has moved on' }),
    ApiHeader({ name: 'Idempotency-Key', required: false, description: 'Same key + same body replays the first answer' }),
    ApiAnswers({ status: created ? 201 : accepted ? 202 : 200, type: TransferResponse, description: accepted ? 'Accepted: the transfer after the command (a worker does the rest); ETag is its version' : 'The transfer after the command; ETag is its version' }, {
      400: 'Invalid request (problem+json naming each bad field)',
      401: 'No valid bearer token or session cookie',
      403: 'Your roles, or the side of the transfer your outlets are on, do not allow it',
      404: 'No such transfer, line or box',
      409: 'Version conflict (If-Match stale, or lost races exhausted), a receipt, correction or box id reused for other content, a box label taken, boxes frozen once sent, or a shipment booking active (BOOKING_ACTIVE) or not asked for',
      413: 'The body is larger than the API takes',
      415: 'The body is not JSON in UTF-8',
      422: 'Illegal transition (names current status and allowed actions) or a business rule',
      429: 'Too many requests: Retry-After says when to try again (RATE_LIMITED)',
    }),
  );
}

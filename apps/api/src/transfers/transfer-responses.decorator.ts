import { applyDecorators } from '@nestjs/common';
import { ApiHeader, ApiResponse } from '@nestjs/swagger';

/** The OpenAPI description shared by every transfer command. */
export function TransferResponses(created = false) {
  return applyDecorators(
    ApiHeader({ name: 'If-Match', required: false, description: 'The ETag you last saw; 409 if the transfer has moved on' }),
    ApiHeader({ name: 'Idempotency-Key', required: false, description: 'Same key + same body replays the first answer' }),
    ApiResponse({ status: created ? 201 : 200, description: 'The transfer after the command; ETag is its version' }),
    ApiResponse({ status: 400, description: 'Invalid request (problem+json naming each bad field)' }),
    ApiResponse({ status: 401, description: 'No valid bearer token' }),
    ApiResponse({ status: 403, description: 'Your roles, or the side of the transfer your outlets are on, do not allow it' }),
    ApiResponse({ status: 404, description: 'No such transfer or line' }),
    ApiResponse({ status: 409, description: 'Version conflict (If-Match stale, or lost races exhausted)' }),
    ApiResponse({ status: 422, description: 'Illegal transition (names current status and allowed actions) or a business rule' }),
  );
}

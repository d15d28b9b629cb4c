import type { DomainErrorCode } from '#domain';

/** The one place a domain rule's failure becomes an HTTP status. */
export const DOMAIN_ERROR_STATUS: Readonly<Record<DomainErrorCode, number>> = {
  ILLEGAL_TRANSITION: 422,
  INVALID_TRANSFER: 400,
  UNIT_COST_REQUIRED: 400,
  TRANSFER_NOT_FOUND: 404,
  ITEM_NOT_FOUND: 404,
  TRANSFER_ALREADY_EXISTS: 409,
  DUPLICATE_ITEM: 422,
  NOTHING_TO_SEND: 422,
  NOTHING_PACKED: 422,
  NOTHING_COUNTED: 422,
  UNCOUNTED_LINES: 422,
  APPROVAL_REQUIRED: 422,
  REVIEW_REQUIRED: 422,
  SELF_APPROVAL: 422,
  REASON_REQUIRED: 422,
  NOTE_REQUIRED: 422,
  OVER_RECEIPT_UNCONFIRMED: 422,
  UNSENT_ITEM_REASON: 422,
  NOTHING_TO_CORRECT: 422,
};

export const DOMAIN_ERROR_TITLES: Readonly<Record<number, string>> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  408: 'Request Timeout',
  409: 'Conflict',
  413: 'Payload Too Large',
  414: 'URI Too Long',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  428: 'Precondition Required',
  429: 'Too Many Requests',
  431: 'Request Header Fields Too Large',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

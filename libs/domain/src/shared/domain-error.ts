/**
 * Every rule the domain enforces fails with one of these codes. The HTTP layer maps each code to a
 * status in one table, so a new rule never needs a new catch block.
 */
export type DomainErrorCode =
  | 'ILLEGAL_TRANSITION'
  | 'INVALID_TRANSFER'
  | 'TRANSFER_NOT_FOUND'
  | 'TRANSFER_ALREADY_EXISTS'
  | 'ITEM_NOT_FOUND'
  | 'DUPLICATE_ITEM'
  | 'UNIT_COST_REQUIRED'
  | 'NOTHING_TO_SEND'
  | 'NOTHING_PACKED'
  | 'NOTHING_COUNTED'
  | 'UNCOUNTED_LINES'
  | 'APPROVAL_REQUIRED'
  | 'REVIEW_REQUIRED'
  | 'SELF_APPROVAL'
  | 'REASON_REQUIRED'
  | 'NOTE_REQUIRED'
  | 'OVER_RECEIPT_UNCONFIRMED'
  | 'OVER_PACK_UNCONFIRMED'
  | 'QUANTITY_LIMIT_EXCEEDED'
  | 'MANAGER_REQUIRED'
  | 'RECEIPT_ID_CONFLICT'
  | 'CORRECTION_ID_CONFLICT'
  | 'UNSENT_ITEM_REASON'
  | 'NOTHING_TO_CORRECT'
  | 'INVALID_BOX_TYPE'
  | 'BOX_TYPE_NOT_FOUND'
  | 'BOX_TYPE_ALREADY_EXISTS'
  | 'BOX_TYPE_RETIRED'
  | 'ADMIN_REQUIRED'
  | 'INVALID_PRODUCT_DIMENSIONS'
  | 'PRODUCT_NOT_FOUND'
  | 'PRODUCT_DIMENSIONS_NOT_FOUND'
  | 'INVALID_SHIPPING_ADDRESS'
  | 'OUTLET_NOT_FOUND'
  | 'SUPPLIER_NOT_FOUND'
  | 'SHIPPING_ADDRESS_NOT_FOUND'
  | 'FORBIDDEN'
  | 'UNKNOWN_REFERENCE'
  | 'COMPOSITE_PRODUCT'
  | 'EVIDENCE_UNAVAILABLE'
  | 'EVIDENCE_PRODUCT_NOT_ON_TRANSFER'
  | 'BOXES_NOT_SHIPPED'
  | 'BOXES_FROZEN'
  | 'BOX_NOT_FOUND'
  | 'BOX_ID_CONFLICT'
  | 'DUPLICATE_BOX_LABEL'
  | 'BOXED_QUANTITY_EXCEEDED'
  | 'NOT_ENOUGH_IN_BOX'
  | 'BOX_TOO_HEAVY'
  | 'NOTHING_BOXED'
  | 'EMPTY_BOX'
  | 'BOOKING_ACTIVE'
  | 'BOOKING_NOT_REQUESTED'
  | 'UNKNOWN_TRACKING_NUMBER';

export class DomainError extends Error {
  constructor(
    readonly code: DomainErrorCode,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

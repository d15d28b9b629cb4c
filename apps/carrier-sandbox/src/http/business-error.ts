/** Starshipit's own error: answered `{"success":false,"errors":[{message, details}]}` with its status. */
export class BusinessError extends Error {
  constructor(
    readonly statusCode: number,
    message: string,
    readonly details: string,
  ) {
    super(message);
  }
}

/** Malformed or out-of-range input. */
export const validationError = (details: string): BusinessError => new BusinessError(400, 'Validation failed', details);

export const notFound = (what: string, details: string): BusinessError => new BusinessError(404, `${what} not found`, details);

/** Well-formed input the order's state refuses (printed twice, deleting a printed order, a duplicate). */
export const conflict = (message: string, details: string): BusinessError => new BusinessError(409, message, details);

export function businessBody(message: string, details: string) {
  return { success: false, errors: [{ message, details }] };
}

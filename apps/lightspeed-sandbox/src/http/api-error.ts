/** An error answered as `{"error": message}` with its status code. */
export class ApiError extends Error {
  constructor(
    readonly statusCode: number,
    message: string,
  ) {
    super(message);
  }
}

export const notFound = (): ApiError => new ApiError(404, 'Not Found');

/** Malformed input: missing or mistyped fields, unknown references, oversized batches. */
export const badRequest = (message: string): ApiError => new ApiError(400, message);

/** Well-formed input the workflow refuses: illegal transitions, edits not allowed in the current status. */
export const unprocessable = (message: string): ApiError => new ApiError(422, message);

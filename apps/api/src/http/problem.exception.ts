/** An error with its own status and problem code (for routes outside the transfer domain, e.g. /admin). */
export class ProblemException extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly extensions: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'ProblemException';
  }
}

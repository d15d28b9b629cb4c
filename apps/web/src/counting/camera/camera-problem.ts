/** What to tell the person when the camera cannot start, from the error getUserMedia (or its absence) gave. */
export function cameraProblem(error: unknown): string {
  switch ((error as { name?: string } | null)?.name) {
    case 'InsecureContext':
      return 'The camera works only over a secure (https) connection. Use the Scan field instead.';
    case 'NotAllowedError':
    case 'SecurityError':
      return 'The camera is not allowed. Allow it for this site in the browser settings, or use the Scan field.';
    case 'NotFoundError':
    case 'OverconstrainedError':
      return 'No camera was found. Use the Scan field instead.';
    case 'NotReadableError':
    case 'AbortError':
      return 'The camera is in use by another app. Close it and try again, or use the Scan field.';
    case 'ScannerUnavailable':
      return 'The barcode reader could not be loaded. Check the connection and try again, or use the Scan field.';
    default:
      return `The camera could not start${error instanceof Error && error.message ? `: ${error.message}` : ''}. Use the Scan field instead.`;
  }
}

/** An error with the name cameraProblem knows, for failures that are not the browser's own. */
export const namedError = (name: 'InsecureContext' | 'ScannerUnavailable', message = ''): Error => Object.assign(new Error(message), { name });

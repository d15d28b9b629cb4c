/** An RFC 9457 problem document; `code` is the machine-readable reason clients branch on. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: string;
  instance?: string;
  [extension: string]: unknown;
}

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

export function problemType(code: string): string {
  return `urn:consignments:problem:${code.toLowerCase().replace(/_/g, '-')}`;
}

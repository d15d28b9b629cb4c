/**
 * Why an upload is not kept: its bytes are none of the kind's allowed types, an SVG could run or
 * fetch something in a browser, or the image's metadata is too broken to find its location in.
 */
export type EvidenceRefusalReason = 'UNSUPPORTED_MEDIA_TYPE' | 'UNSAFE_SVG' | 'MALFORMED_METADATA';

/** The only error content inspection throws, whatever the bytes. */
export class EvidenceRefusal extends Error {
  constructor(
    readonly reason: EvidenceRefusalReason,
    message: string,
  ) {
    super(message);
    this.name = 'EvidenceRefusal';
  }
}

export const malformed = (what: string): EvidenceRefusal =>
  new EvidenceRefusal('MALFORMED_METADATA', `The image's metadata cannot be read (${what}), so its location could not be removed`);

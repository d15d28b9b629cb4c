import { createHash } from 'node:crypto';
import { detectMediaType } from './detect-media-type.js';
import { ALLOWED_MEDIA_TYPES, SVG_MEDIA_TYPE, type EvidenceKind } from './evidence-kind.js';
import { EvidenceRefusal } from './evidence-refusal.js';
import { stripLocation } from './metadata/strip-location.js';
import { checkSvg } from './svg/check-svg.js';

/** Evidence as it is kept: the bytes with their location removed, and what they are. */
export interface InspectedEvidence {
  kind: EvidenceKind;
  mediaType: string;
  bytes: Buffer;
  byteSize: number;
  /** SHA-256 of `bytes`, lower-case hex. */
  sha256: string;
  locationRemoved: boolean;
}

/**
 * Decides what an upload is from its bytes and makes it safe to keep and serve: refuses a type the
 * kind does not allow and an SVG that could run or fetch anything, and strips the EXIF GPS block
 * from a photo. The input is not changed. Throws only EvidenceRefusal.
 */
export async function inspectEvidence(kind: EvidenceKind, upload: Uint8Array): Promise<InspectedEvidence> {
  const mediaType = await detectMediaType(upload);
  const allowed = ALLOWED_MEDIA_TYPES[kind];
  if (mediaType === undefined || !allowed.includes(mediaType)) {
    throw new EvidenceRefusal(
      'UNSUPPORTED_MEDIA_TYPE',
      `A ${kind.toLowerCase()} must be one of ${allowed.join(', ')}; these bytes are ${mediaType ?? 'of no recognised type'}`,
    );
  }
  if (mediaType === SVG_MEDIA_TYPE) checkSvg(upload);
  const bytes = Buffer.from(upload);
  const locationRemoved = guarded(() => stripLocation(mediaType, bytes));
  return { kind, mediaType, bytes, byteSize: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex'), locationRemoved };
}

/** The walkers check every bound they rely on; a RangeError from a DataView is a bound one missed, and still a refusal. */
function guarded<T>(strip: () => T): T {
  try {
    return strip();
  } catch (error) {
    if (error instanceof EvidenceRefusal) throw error;
    throw new EvidenceRefusal('MALFORMED_METADATA', `The image's metadata cannot be read (${(error as Error).message}), so its location could not be removed`);
  }
}

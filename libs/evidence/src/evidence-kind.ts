export const EVIDENCE_KINDS = ['PHOTO', 'SIGNATURE'] as const;
export type EvidenceKind = (typeof EVIDENCE_KINDS)[number];

export const SVG_MEDIA_TYPE = 'image/svg+xml';

/** The media types each kind of evidence may have, as detected from its bytes. */
export const ALLOWED_MEDIA_TYPES: Readonly<Record<EvidenceKind, readonly string[]>> = {
  PHOTO: ['image/jpeg', 'image/png', 'image/webp', 'image/heic', 'image/heif'],
  SIGNATURE: ['image/png', SVG_MEDIA_TYPE],
};

import { createHash } from 'node:crypto';
import { describe, expect, it } from '@jest/globals';
import { EvidenceRefusal } from './evidence-refusal.js';
import { inspectEvidence } from './inspect-evidence.js';
import {
  CAMERA_MAKE,
  containsBytes,
  exifTiff,
  gpsFingerprint,
  heicWithExif,
  jpegWithExif,
  plainJpeg,
  pngCrcsValid,
  pngWithExif,
  SIGNATURE_SVG,
  webpWithExif,
} from './testing/sample-images.js';

const refusalOf = async (promise: Promise<unknown>): Promise<EvidenceRefusal> => {
  const error = await promise.then(() => undefined, (caught: unknown) => caught);
  expect(error).toBeInstanceOf(EvidenceRefusal);
  return error as EvidenceRefusal;
};

describe('inspecting a photo: its type from its bytes, its location removed', () => {
  it.each([
    ['JPEG', 'image/jpeg', () => jpegWithExif(), false],
    ['PNG', 'image/png', () => pngWithExif(), false],
    ['WebP', 'image/webp', () => webpWithExif(), true],
    ['HEIC (Exif item in mdat)', 'image/heic', () => heicWithExif(), false],
    ['HEIC (Exif item in idat)', 'image/heic', () => heicWithExif(exifTiff(), { inIdat: true }), false],
  ])('%s: detected as %s, GPS gone, camera make kept, nothing moved', async (_format, mediaType, make, littleEndian) => {
    const upload = make();
    const original = Uint8Array.from(upload);

    const evidence = await inspectEvidence('PHOTO', upload);

    expect(evidence).toMatchObject({ kind: 'PHOTO', mediaType, byteSize: upload.length, locationRemoved: true });
    expect(containsBytes(evidence.bytes, gpsFingerprint(littleEndian))).toBe(false);
    expect(evidence.bytes.includes(CAMERA_MAKE)).toBe(true);
    expect(upload).toEqual(original);
  });

  it('changes only metadata bytes: the JPEG image data after the start of scan is untouched', async () => {
    const upload = jpegWithExif();
    const scan = Buffer.from(upload).indexOf(Buffer.from([0xff, 0xda]));

    const { bytes } = await inspectEvidence('PHOTO', upload);

    expect(bytes.subarray(scan)).toEqual(Buffer.from(upload.subarray(scan)));
  });

  it('writes the CRC of the PNG chunk it changed anew', async () => {
    const { bytes } = await inspectEvidence('PHOTO', pngWithExif());

    expect(pngCrcsValid(bytes)).toBe(true);
  });

  it('strips the EXIF blocks of images embedded after the first (a Multi-Picture JPEG)', async () => {
    const upload = Buffer.concat([jpegWithExif(), jpegWithExif()]);

    const { bytes } = await inspectEvidence('PHOTO', upload);

    expect(bytes.indexOf(Buffer.from(gpsFingerprint()))).toBe(-1);
  });

  it('answers the SHA-256 of the bytes it keeps, and keeps a photo without a location byte for byte', async () => {
    const upload = plainJpeg();

    const evidence = await inspectEvidence('PHOTO', upload);

    expect(evidence.locationRemoved).toBe(false);
    expect(evidence.bytes).toEqual(Buffer.from(upload));
    expect(evidence.sha256).toBe(createHash('sha256').update(upload).digest('hex'));
  });

  it('refuses a photo whose EXIF block is broken, as the location could hide in it', async () => {
    const broken = jpegWithExif(Uint8Array.from([0x4d, 0x4d, 0, 42, 0xff, 0xff, 0xff, 0xff]));

    expect((await refusalOf(inspectEvidence('PHOTO', broken))).reason).toBe('MALFORMED_METADATA');
  });
});

describe('what each kind of evidence may be', () => {
  it.each([
    ['an SVG as a photo', 'PHOTO', new TextEncoder().encode(SIGNATURE_SVG), /image\/jpeg, image\/png, image\/webp, image\/heic, image\/heif/],
    ['a JPEG as a signature', 'SIGNATURE', plainJpeg(), /image\/png, image\/svg\+xml; these bytes are image\/jpeg/],
    ['a PDF as a photo', 'PHOTO', new TextEncoder().encode('%PDF-1.7\n%\u00e2\u00e3'), /application\/pdf/],
    ['plain text as a signature', 'SIGNATURE', new TextEncoder().encode('just a name'), /of no recognised type/],
    ['nothing at all', 'PHOTO', new Uint8Array(), /of no recognised type/],
  ] as const)('refuses %s, naming the types the kind allows', async (_case, kind, bytes, message) => {
    const refusal = await refusalOf(inspectEvidence(kind, bytes));

    expect(refusal.reason).toBe('UNSUPPORTED_MEDIA_TYPE');
    expect(refusal.message).toMatch(message);
  });

  it('takes a PNG or a safe SVG as a signature', async () => {
    await expect(inspectEvidence('SIGNATURE', pngWithExif(undefined))).resolves.toMatchObject({ mediaType: 'image/png' });
    await expect(inspectEvidence('SIGNATURE', new TextEncoder().encode(SIGNATURE_SVG))).resolves.toMatchObject({ mediaType: 'image/svg+xml' });
  });

  it('refuses an SVG signature with a script as unsafe', async () => {
    const svg = new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');

    expect((await refusalOf(inspectEvidence('SIGNATURE', svg))).reason).toBe('UNSAFE_SVG');
  });
});

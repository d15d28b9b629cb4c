import { describe, expect, it } from '@jest/globals';
import { EvidenceRefusal } from '../evidence-refusal.js';
import { CAMERA_MAKE, containsBytes, exifTiff, gpsFingerprint } from '../testing/sample-images.js';
import { stripGpsFromTiff } from './tiff-gps.js';

const ifd0EntryTags = (tiff: Uint8Array, little: boolean): number[] => {
  const view = new DataView(tiff.buffer, tiff.byteOffset);
  const ifd = view.getUint32(4, little);
  return Array.from({ length: view.getUint16(ifd, little) }, (_, index) => view.getUint16(ifd + 2 + index * 12, little));
};

describe('stripping the GPS IFD from a TIFF structure', () => {
  it.each([
    ['big-endian (Motorola)', false],
    ['little-endian (Intel)', true],
  ])('%s: the GPS pointer leaves IFD0, the position is zeroed, the make stays, the length is unchanged', (_order, littleEndian) => {
    const tiff = exifTiff({ littleEndian });
    const length = tiff.length;

    expect(stripGpsFromTiff(tiff)).toBe(true);

    expect(tiff.length).toBe(length);
    expect(ifd0EntryTags(tiff, littleEndian)).toEqual([0x010f]);
    expect(containsBytes(tiff, gpsFingerprint(littleEndian))).toBe(false);
    expect(Buffer.from(tiff).includes(CAMERA_MAKE)).toBe(true);
  });

  it('is idempotent: a stripped structure has no location left to find', () => {
    const tiff = exifTiff();
    stripGpsFromTiff(tiff);
    const once = Uint8Array.from(tiff);

    expect(stripGpsFromTiff(tiff)).toBe(false);
    expect(tiff).toEqual(once);
  });

  it('keeps the chain to the thumbnail IFD intact', () => {
    const tiff = exifTiff({ thumbnailIfd: true });
    stripGpsFromTiff(tiff);
    const view = new DataView(tiff.buffer);
    const ifd0 = view.getUint32(4);
    const ifd1 = view.getUint32(ifd0 + 2 + view.getUint16(ifd0) * 12);

    expect(view.getUint16(ifd1)).toBe(1);
    expect(view.getUint16(ifd1 + 2)).toBe(0x0103);
  });

  it('leaves a structure without a location exactly as it was', () => {
    const tiff = exifTiff({ gps: false });
    const before = Uint8Array.from(tiff);

    expect(stripGpsFromTiff(tiff)).toBe(false);
    expect(tiff).toEqual(before);
  });

  it.each([
    ['a missing byte order mark', () => Uint8Array.from([0x41, 0x41, 0, 42, 0, 0, 0, 8])],
    ['a wrong magic number', () => Uint8Array.from([0x4d, 0x4d, 0, 43, 0, 0, 0, 8])],
    ['a header cut short', () => Uint8Array.from([0x4d, 0x4d, 0, 42])],
    ['an IFD past the end', () => Uint8Array.from([0x4d, 0x4d, 0, 42, 0, 0, 0x10, 0])],
    ['an IFD whose entries run past the end', () => Uint8Array.from([0x4d, 0x4d, 0, 42, 0, 0, 0, 8, 0, 9, 0, 0])],
    ['an IFD chain that loops', () => Uint8Array.from([0x4d, 0x4d, 0, 42, 0, 0, 0, 8, 0, 0, 0, 0, 0, 8])],
  ])('refuses %s: the location could hide anywhere in it', (_case, make) => {
    expect(() => stripGpsFromTiff(make())).toThrow(EvidenceRefusal);
  });
});

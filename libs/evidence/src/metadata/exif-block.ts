import { stripGpsFromTiff } from './tiff-gps.js';

const EXIF_HEADER = [0x45, 0x78, 0x69, 0x66, 0, 0]; // "Exif\0\0"

export const startsWithExifHeader = (bytes: Uint8Array, at = 0): boolean =>
  EXIF_HEADER.every((byte, index) => bytes[at + index] === byte);

/** An EXIF block as PNG and WebP carry it: the TIFF structure, with or without the JPEG-style "Exif\0\0" before it. */
export function stripGpsFromExifBlock(block: Uint8Array): boolean {
  return stripGpsFromTiff(startsWithExifHeader(block) ? block.subarray(EXIF_HEADER.length) : block);
}

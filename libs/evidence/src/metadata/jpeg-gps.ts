import { malformed } from '../evidence-refusal.js';
import { startsWithExifHeader } from './exif-block.js';
import { stripGpsFromTiff } from './tiff-gps.js';

const START_OF_SCAN = 0xda;
const END_OF_IMAGE = 0xd9;
const APP1 = 0xe1;
/** Markers without a length: TEM and RST0–RST7. */
const standalone = (marker: number) => marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7);

/**
 * Strips the location from every EXIF (APP1) segment of a JPEG, in place: the segments before the
 * image data are walked one by one; after that, embedded images (a Multi-Picture file's second
 * frame, a preview) are found by their APP1 EXIF signature, since entropy-coded data never holds
 * the marker 0xFFE1.
 */
export function stripGpsFromJpeg(jpeg: Uint8Array): boolean {
  let found = false;
  let position = 2;
  for (;;) {
    while (jpeg[position] === 0xff && jpeg[position + 1] === 0xff) position += 1;
    if (position + 4 > jpeg.length || jpeg[position] !== 0xff) throw malformed('JPEG segments cut short');
    const marker = jpeg[position + 1] as number;
    if (marker === START_OF_SCAN || marker === END_OF_IMAGE) break;
    if (standalone(marker)) {
      position += 2;
      continue;
    }
    const end = position + 2 + ((jpeg[position + 2] as number) << 8 | (jpeg[position + 3] as number));
    if (end > jpeg.length || end < position + 4) throw malformed('JPEG segment runs past the file');
    if (marker === APP1 && startsWithExifHeader(jpeg, position + 4)) found = stripGpsFromTiff(jpeg.subarray(position + 10, end)) || found;
    position = end;
  }
  return stripEmbeddedImages(jpeg, position) || found;
}

function stripEmbeddedImages(jpeg: Uint8Array, from: number): boolean {
  let found = false;
  for (let position = jpeg.indexOf(0xff, from); position !== -1 && position + 10 <= jpeg.length; position = jpeg.indexOf(0xff, position + 1)) {
    if (jpeg[position + 1] !== APP1 || !startsWithExifHeader(jpeg, position + 4)) continue;
    const end = Math.min(position + 2 + ((jpeg[position + 2] as number) << 8 | (jpeg[position + 3] as number)), jpeg.length);
    found = stripGpsFromTiff(jpeg.subarray(position + 10, end)) || found;
  }
  return found;
}

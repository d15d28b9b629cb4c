import { malformed } from '../evidence-refusal.js';
import { stripGpsFromExifBlock } from './exif-block.js';

const HEADER_LENGTH = 12; // "RIFF", size, "WEBP"

/** Strips the location from a WebP's EXIF chunk (extended format) in place. */
export function stripGpsFromWebp(webp: Uint8Array): boolean {
  const view = new DataView(webp.buffer, webp.byteOffset, webp.byteLength);
  let found = false;
  for (let position = HEADER_LENGTH; position + 8 <= webp.length; ) {
    const type = String.fromCharCode(...webp.subarray(position, position + 4));
    const length = view.getUint32(position + 4, true);
    const dataEnd = position + 8 + length;
    if (dataEnd > webp.length) throw malformed(`WebP chunk ${JSON.stringify(type)} runs past the file`);
    if (type === 'EXIF') found = stripGpsFromExifBlock(webp.subarray(position + 8, dataEnd)) || found;
    position = dataEnd + (length % 2);
  }
  return found;
}

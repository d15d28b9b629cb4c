import { crc32 } from 'node:zlib';
import { malformed } from '../evidence-refusal.js';
import { stripGpsFromExifBlock } from './exif-block.js';

const SIGNATURE_LENGTH = 8;

/** Strips the location from a PNG's eXIf chunk in place, and writes that chunk's CRC anew. */
export function stripGpsFromPng(png: Uint8Array): boolean {
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  let found = false;
  for (let position = SIGNATURE_LENGTH; position < png.length; ) {
    if (position + 12 > png.length) throw malformed('PNG chunk cut short');
    const length = view.getUint32(position);
    const type = String.fromCharCode(...png.subarray(position + 4, position + 8));
    const dataEnd = position + 8 + length;
    if (dataEnd + 4 > png.length) throw malformed(`PNG chunk ${JSON.stringify(type)} runs past the file`);
    if (type === 'eXIf' && stripGpsFromExifBlock(png.subarray(position + 8, dataEnd))) {
      view.setUint32(dataEnd, crc32(png.subarray(position + 4, dataEnd)));
      found = true;
    }
    if (type === 'IEND') break;
    position = dataEnd + 4;
  }
  return found;
}

import { stripGpsFromHeic } from './heic-gps.js';
import { stripGpsFromJpeg } from './jpeg-gps.js';
import { stripGpsFromPng } from './png-gps.js';
import { stripGpsFromWebp } from './webp-gps.js';

const STRIPPERS: Readonly<Record<string, (bytes: Uint8Array) => boolean>> = {
  'image/jpeg': stripGpsFromJpeg,
  'image/png': stripGpsFromPng,
  'image/webp': stripGpsFromWebp,
  'image/heic': stripGpsFromHeic,
  'image/heif': stripGpsFromHeic,
};

/**
 * Removes the EXIF GPS block from an image of the given type, in place, leaving the image data and
 * every other byte's position as they were. Answers whether a location was found.
 */
export function stripLocation(mediaType: string, bytes: Uint8Array): boolean {
  return STRIPPERS[mediaType]?.(bytes) ?? false;
}

import { fileTypeFromBuffer } from 'file-type';
import { SVG_MEDIA_TYPE } from './evidence-kind.js';

/** Optional BOM, XML declaration, comments and DOCTYPE, then the `<svg` root. */
const SVG_START = /^\uFEFF?\s*(<\?xml[^>]*>\s*)?(<!--[\s\S]*?-->\s*)*(<!DOCTYPE\s+svg[^[>]*(\[[\s\S]*?\])?\s*>\s*)?(<!--[\s\S]*?-->\s*)*<svg[\s>/]/;
const SVG_SNIFF_BYTES = 4096;

/**
 * The media type the bytes are, by their content alone (magic numbers; an SVG by its root
 * element), or undefined. The name and the declared content type of an upload play no part.
 */
export async function detectMediaType(bytes: Uint8Array): Promise<string | undefined> {
  const detected = await fileTypeFromBuffer(bytes).catch(() => undefined);
  if (detected && detected.mime !== 'application/xml') return detected.mime;
  const start = new TextDecoder('utf-8').decode(bytes.subarray(0, SVG_SNIFF_BYTES));
  return SVG_START.test(start) ? SVG_MEDIA_TYPE : undefined;
}

import { malformed } from '../evidence-refusal.js';
import { boxesIn, FieldReader, type Box } from './isobmff-boxes.js';
import { stripGpsFromTiff } from './tiff-gps.js';

interface Extent {
  offset: number;
  length: number;
}

/**
 * Strips the location from a HEIC/HEIF file's Exif items in place. The items are found the way a
 * reader finds them: `meta` → `iinf` names the items of type "Exif", `iloc` says where their
 * bytes are (in the file, or in `idat`). An item's bytes start with the offset of its TIFF header.
 */
export function stripGpsFromHeic(file: Uint8Array): boolean {
  const meta = boxesIn(file, 0, file.length).find((box) => box.type === 'meta');
  if (!meta) return false;
  const children = boxesIn(file, meta.contentStart + 4, meta.end); // meta is a full box: version and flags first
  const iinf = children.find((box) => box.type === 'iinf');
  const iloc = children.find((box) => box.type === 'iloc');
  if (!iinf) return false;
  const exifItems = exifItemIds(file, iinf);
  if (exifItems.size === 0) return false;
  if (!iloc) throw malformed('Exif item without a location');
  const idat = children.find((box) => box.type === 'idat');
  let found = false;
  for (const extents of itemExtents(file, iloc, exifItems, idat)) found = stripGpsFromItem(file, extents) || found;
  return found;
}

function exifItemIds(file: Uint8Array, iinf: Box): Set<number> {
  const header = new FieldReader(file, iinf.contentStart, iinf.end);
  const version = header.read(1);
  header.skip(3); // flags
  header.read(version === 0 ? 2 : 4);
  const ids = new Set<number>();
  for (const infe of boxesIn(file, header.position, iinf.end).filter((box) => box.type === 'infe')) {
    const fields = new FieldReader(file, infe.contentStart, infe.end);
    const infeVersion = fields.read(1);
    fields.skip(3); // flags
    if (infeVersion < 2) continue; // versions 0 and 1 name no item type
    const id = fields.read(infeVersion === 2 ? 2 : 4);
    fields.read(2); // protection index
    if (fields.text(4) === 'Exif') ids.add(id);
  }
  return ids;
}

/** The extents of each wanted item, as absolute positions in the file. */
function itemExtents(file: Uint8Array, iloc: Box, wanted: Set<number>, idat: Box | undefined): Extent[][] {
  const fields = new FieldReader(file, iloc.contentStart, iloc.end);
  const version = fields.read(1);
  fields.skip(3); // flags
  const sizes = fields.read(1);
  const moreSizes = fields.read(1);
  const [offsetSize, lengthSize, baseOffsetSize] = [sizes >> 4, sizes & 0xf, moreSizes >> 4];
  const indexSize = version === 1 || version === 2 ? moreSizes & 0xf : 0;
  const itemCount = fields.read(version < 2 ? 2 : 4);
  const items: Extent[][] = [];
  for (let item = 0; item < itemCount; item += 1) {
    const id = fields.read(version < 2 ? 2 : 4);
    const constructionMethod = version === 1 || version === 2 ? fields.read(2) & 0xf : 0;
    fields.read(2); // data reference index
    const baseOffset = fields.read(baseOffsetSize);
    const extentCount = fields.read(2);
    const extents: Extent[] = [];
    for (let extent = 0; extent < extentCount; extent += 1) {
      fields.read(indexSize);
      const offset = fields.read(offsetSize);
      const length = fields.read(lengthSize);
      extents.push({ offset: baseOffset + offset, length });
    }
    if (wanted.has(id)) items.push(extents.map((extent) => place(file, extent, constructionMethod, idat)));
  }
  return items;
}

function place(file: Uint8Array, extent: Extent, constructionMethod: number, idat: Box | undefined): Extent {
  const container = constructionMethod === 0 ? { start: 0, end: file.length } : constructionMethod === 1 && idat ? { start: idat.contentStart, end: idat.end } : undefined;
  if (!container) throw malformed(`Exif item stored by construction method ${constructionMethod}`);
  const offset = container.start + extent.offset;
  const length = extent.length === 0 ? container.end - offset : extent.length;
  if (offset + length > container.end || length < 0) throw malformed('Exif item outside the file');
  return { offset, length };
}

/** Gathers the item's extents, strips the copy and writes the extents back where they were. */
function stripGpsFromItem(file: Uint8Array, extents: Extent[]): boolean {
  const item = new Uint8Array(extents.reduce((sum, extent) => sum + extent.length, 0));
  let at = 0;
  for (const extent of extents) {
    item.set(file.subarray(extent.offset, extent.offset + extent.length), at);
    at += extent.length;
  }
  if (item.length < 4) throw malformed('Exif item cut short');
  const tiffStart = 4 + new DataView(item.buffer).getUint32(0);
  if (tiffStart > item.length) throw malformed('Exif item header points past the item');
  if (!stripGpsFromTiff(item.subarray(tiffStart))) return false;
  at = 0;
  for (const extent of extents) {
    file.set(item.subarray(at, at + extent.length), extent.offset);
    at += extent.length;
  }
  return true;
}

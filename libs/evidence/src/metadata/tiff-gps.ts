import { malformed } from '../evidence-refusal.js';

const GPS_IFD_POINTER = 0x8825;
const ENTRY_SIZE = 12;
/** Bytes per value of each TIFF field type (1 BYTE … 13 IFD); values of 4 bytes or less sit in the entry. */
const TYPE_SIZES: Readonly<Record<number, number>> = { 1: 1, 2: 1, 3: 2, 4: 4, 5: 8, 6: 1, 7: 1, 8: 2, 9: 4, 10: 8, 11: 4, 12: 8, 13: 4 };
/** A real file has IFD0 and perhaps IFD1 (the thumbnail); more is a loop or junk. */
const MAX_CHAINED_IFDS = 16;

interface Reader {
  u16(offset: number): number;
  u32(offset: number): number;
  setU16(offset: number, value: number): void;
  setU32(offset: number, value: number): void;
}

function readerFor(tiff: Uint8Array): Reader {
  const view = new DataView(tiff.buffer, tiff.byteOffset, tiff.byteLength);
  const order = String.fromCharCode(tiff[0] ?? 0, tiff[1] ?? 0);
  if (order !== 'II' && order !== 'MM') throw malformed('no TIFF byte order mark');
  const little = order === 'II';
  return {
    u16: (offset) => view.getUint16(offset, little),
    u32: (offset) => view.getUint32(offset, little),
    setU16: (offset, value) => view.setUint16(offset, value, little),
    setU32: (offset, value) => view.setUint32(offset, value, little),
  };
}

/**
 * Removes the location from a TIFF structure (the body of an EXIF block), in place and without
 * changing its length, so every offset into and around it stays valid: the GPS IFD pointer is
 * taken out of each IFD of the chain, and the GPS IFD and the values it points to are zeroed.
 * Answers whether there was a location. Throws a MALFORMED_METADATA refusal when the structure
 * cannot be walked (the location could hide anywhere in it).
 */
export function stripGpsFromTiff(tiff: Uint8Array): boolean {
  if (tiff.length < 8) throw malformed('TIFF header cut short');
  const read = readerFor(tiff);
  if (read.u16(2) !== 42) throw malformed('no TIFF magic number');
  const visited = new Set<number>();
  let found = false;
  for (let ifd = read.u32(4); ifd !== 0; ) {
    if (visited.has(ifd) || visited.size >= MAX_CHAINED_IFDS) throw malformed('IFD chain loops');
    visited.add(ifd);
    const { next, gpsIfds } = removeGpsPointers(tiff, read, ifd);
    for (const gps of gpsIfds) zeroIfd(tiff, read, gps);
    found ||= gpsIfds.length > 0;
    ifd = next;
  }
  return found;
}

/** Takes the GPS pointers out of one IFD (shifting the later entries up); answers them and the next IFD. */
function removeGpsPointers(tiff: Uint8Array, read: Reader, ifd: number): { next: number; gpsIfds: number[] } {
  if (ifd + 2 > tiff.length) throw malformed('IFD outside the block');
  const count = read.u16(ifd);
  const entriesEnd = ifd + 2 + count * ENTRY_SIZE;
  if (entriesEnd + 4 > tiff.length) throw malformed('IFD runs past the block');
  const next = read.u32(entriesEnd);
  const kept: Uint8Array[] = [];
  const gpsIfds: number[] = [];
  for (let entry = ifd + 2; entry < entriesEnd; entry += ENTRY_SIZE) {
    if (read.u16(entry) === GPS_IFD_POINTER) gpsIfds.push(read.u32(entry + 8));
    else kept.push(tiff.slice(entry, entry + ENTRY_SIZE));
  }
  if (gpsIfds.length === 0) return { next, gpsIfds };
  tiff.fill(0, ifd + 2, entriesEnd + 4);
  read.setU16(ifd, kept.length);
  kept.forEach((entry, index) => tiff.set(entry, ifd + 2 + index * ENTRY_SIZE));
  read.setU32(ifd + 2 + kept.length * ENTRY_SIZE, next);
  return { next, gpsIfds };
}

/** Zeroes an IFD and every value it holds outside its entries, as far as they lie inside the block. */
function zeroIfd(tiff: Uint8Array, read: Reader, ifd: number): void {
  if (ifd + 2 > tiff.length) return;
  const entriesEnd = Math.min(ifd + 2 + read.u16(ifd) * ENTRY_SIZE, tiff.length);
  for (let entry = ifd + 2; entry + ENTRY_SIZE <= entriesEnd; entry += ENTRY_SIZE) {
    const size = (TYPE_SIZES[read.u16(entry + 2)] ?? 0) * read.u32(entry + 4);
    if (size > 4) {
      const value = read.u32(entry + 8);
      if (value < tiff.length) tiff.fill(0, value, Math.min(value + size, tiff.length));
    }
  }
  tiff.fill(0, ifd, Math.min(entriesEnd + 4, tiff.length));
}

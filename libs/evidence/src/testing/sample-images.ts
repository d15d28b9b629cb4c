import { crc32, deflateSync } from 'node:zlib';

/** Small real images with an EXIF block holding a camera make and a GPS position, built byte by byte. */

export const CAMERA_MAKE = 'Consignments test camera';
/** 51° 30' 12.34" — the latitude's three RATIONALs as written big-endian, a byte run no stripped file may hold. */
const LATITUDE: [number, number][] = [[51, 1], [30, 1], [1234, 100]];
const LONGITUDE: [number, number][] = [[0, 1], [7, 1], [3999, 100]];

export function gpsFingerprint(littleEndian = false): Uint8Array {
  return rationals(LATITUDE, littleEndian);
}

function rationals(values: [number, number][], little: boolean): Uint8Array {
  const bytes = new Uint8Array(values.length * 8);
  const view = new DataView(bytes.buffer);
  values.forEach(([numerator, denominator], index) => {
    view.setUint32(index * 8, numerator, little);
    view.setUint32(index * 8 + 4, denominator, little);
  });
  return bytes;
}

/**
 * A TIFF structure: IFD0 holds Make and the GPS pointer (and, with `thumbnailIfd`, points on to an
 * IFD1 with one entry); the GPS IFD holds latitude and longitude with their references.
 */
export function exifTiff(options: { littleEndian?: boolean; gps?: boolean; thumbnailIfd?: boolean } = {}): Uint8Array {
  const little = options.littleEndian ?? false;
  const gps = options.gps ?? true;
  const make = new TextEncoder().encode(`${CAMERA_MAKE}\0`);
  const ifd0Entries = gps ? 2 : 1;
  const ifd0 = 8;
  const ifd0Size = 2 + ifd0Entries * 12 + 4;
  const makeAt = ifd0 + ifd0Size;
  const gpsIfd = makeAt + make.length + (make.length % 2);
  const gpsSize = 2 + 4 * 12 + 4;
  const latitudeAt = gpsIfd + gpsSize;
  const longitudeAt = latitudeAt + 24;
  const ifd1 = gps ? longitudeAt + 24 : gpsIfd;
  const total = ifd1 + (options.thumbnailIfd ? 2 + 12 + 4 : 0);
  const bytes = new Uint8Array(total);
  const view = new DataView(bytes.buffer);
  const u16 = (at: number, value: number) => view.setUint16(at, value, little);
  const u32 = (at: number, value: number) => view.setUint32(at, value, little);
  const entry = (at: number, tag: number, type: number, count: number, value: number) => {
    u16(at, tag);
    u16(at + 2, type);
    u32(at + 4, count);
    if (type === 2 && count <= 4) bytes.set(new TextEncoder().encode(String.fromCharCode(value)), at + 8);
    else if (type === 3) u16(at + 8, value);
    else u32(at + 8, value);
  };
  bytes.set(new TextEncoder().encode(little ? 'II' : 'MM'));
  u16(2, 42);
  u32(4, ifd0);
  u16(ifd0, ifd0Entries);
  entry(ifd0 + 2, 0x010f, 2, make.length, makeAt);
  if (gps) entry(ifd0 + 14, 0x8825, 4, 1, gpsIfd);
  u32(ifd0 + 2 + ifd0Entries * 12, options.thumbnailIfd ? ifd1 : 0);
  bytes.set(make, makeAt);
  if (gps) {
    u16(gpsIfd, 4);
    entry(gpsIfd + 2, 0x0001, 2, 2, 'N'.charCodeAt(0));
    entry(gpsIfd + 14, 0x0002, 5, 3, latitudeAt);
    entry(gpsIfd + 26, 0x0003, 2, 2, 'W'.charCodeAt(0));
    entry(gpsIfd + 38, 0x0004, 5, 3, longitudeAt);
    bytes.set(rationals(LATITUDE, little), latitudeAt);
    bytes.set(rationals(LONGITUDE, little), longitudeAt);
  }
  if (options.thumbnailIfd) {
    u16(ifd1, 1);
    entry(ifd1 + 2, 0x0103, 3, 1, 6); // Compression: JPEG
  }
  return bytes;
}

const EXIF_HEADER = new TextEncoder().encode('Exif\0\0');

function concat(...parts: Uint8Array[]): Uint8Array {
  const bytes = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let at = 0;
  for (const part of parts) {
    bytes.set(part, at);
    at += part.length;
  }
  return bytes;
}

const u32be = (value: number) => new Uint8Array([value >>> 24, (value >>> 16) & 0xff, (value >>> 8) & 0xff, value & 0xff]);
const u32le = (value: number) => new Uint8Array([value & 0xff, (value >>> 8) & 0xff, (value >>> 16) & 0xff, value >>> 24]);
const u16be = (value: number) => new Uint8Array([value >>> 8, value & 0xff]);
const ascii = (text: string) => new TextEncoder().encode(text);

/** A 1×1 grey baseline JPEG (JFIF), the smallest a decoder takes. */
const TINY_JPEG = Buffer.from(
  '/9j/4AAQSkZJRgABAQEASABIAAD/2wBDAP//////////////////////////////////////////////////////////////////////////////////////wgALCAABAAEBAREA/8QAFBABAAAAAAAAAAAAAAAAAAAAAP/aAAgBAQABPxA=',
  'base64',
);

/** A JPEG with an APP1 EXIF segment right after its start marker. */
export function jpegWithExif(tiff: Uint8Array = exifTiff()): Uint8Array {
  const app1 = concat(new Uint8Array([0xff, 0xe1]), u16be(2 + EXIF_HEADER.length + tiff.length), EXIF_HEADER, tiff);
  return concat(TINY_JPEG.subarray(0, 2), app1, TINY_JPEG.subarray(2));
}

export const plainJpeg = (): Uint8Array => new Uint8Array(TINY_JPEG);

function pngChunk(type: string, data: Uint8Array): Uint8Array {
  const typed = concat(ascii(type), data);
  return concat(u32be(data.length), typed, u32be(crc32(typed)));
}

/** A 1×1 PNG (8-bit grey), with an eXIf chunk when given a TIFF structure. */
export function pngWithExif(tiff: Uint8Array | undefined = exifTiff()): Uint8Array {
  const header = concat(u32be(1), u32be(1), new Uint8Array([8, 0, 0, 0, 0]));
  return concat(
    new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', header),
    ...(tiff ? [pngChunk('eXIf', tiff)] : []),
    pngChunk('IDAT', deflateSync(new Uint8Array([0, 0x80]))),
    pngChunk('IEND', new Uint8Array()),
  );
}

/** The chunk CRCs of a PNG are right (a decoder refuses a file whose chunk CRC is wrong). */
export function pngCrcsValid(png: Uint8Array): boolean {
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  for (let at = 8; at + 12 <= png.length; ) {
    const length = view.getUint32(at);
    if (view.getUint32(at + 8 + length) !== crc32(png.subarray(at + 4, at + 8 + length))) return false;
    at += 12 + length;
  }
  return true;
}

/** A 1×1 lossless WebP (VP8L). */
const VP8L = Buffer.from('LwAAABAHEBERiIj+BwA=', 'base64');

function riffChunk(type: string, data: Uint8Array): Uint8Array {
  return concat(ascii(type), u32le(data.length), data, data.length % 2 ? new Uint8Array(1) : new Uint8Array());
}

/** An extended-format (VP8X) 1×1 WebP carrying an EXIF chunk. */
export function webpWithExif(tiff: Uint8Array = exifTiff({ littleEndian: true })): Uint8Array {
  const vp8x = new Uint8Array(10);
  vp8x[0] = 0x08; // EXIF present
  const body = concat(ascii('WEBP'), riffChunk('VP8X', vp8x), riffChunk('VP8L', VP8L), riffChunk('EXIF', tiff));
  return concat(ascii('RIFF'), u32le(body.length), body);
}

function box(type: string, ...content: Uint8Array[]): Uint8Array {
  const body = concat(...content);
  return concat(u32be(8 + body.length), ascii(type), body);
}
const fullBox = (type: string, version: number, ...content: Uint8Array[]) => box(type, new Uint8Array([version, 0, 0, 0]), ...content);
const infe = (id: number, itemType: string) => fullBox('infe', 2, u16be(id), u16be(0), ascii(itemType), new Uint8Array([0]));

/**
 * A HEIC file as an iPhone lays one out: `ftyp` (brand heic), `meta` naming an hvc1 image item and
 * an Exif item, `iloc` placing both in `mdat`. The image item's bytes are a stand-in, not HEVC.
 * With `inIdat` the Exif item lies in the meta box's `idat` instead (construction method 1).
 */
export function heicWithExif(tiff: Uint8Array = exifTiff(), options: { inIdat?: boolean } = {}): Uint8Array {
  const exifItem = concat(u32be(EXIF_HEADER.length), EXIF_HEADER, tiff);
  const imageItem = ascii('not really HEVC');
  const ftyp = box('ftyp', ascii('heic'), u32be(0), ascii('mif1heic'));
  const build = (mdatStart: number) => {
    const imageOffset = mdatStart + 8;
    const exifOffset = options.inIdat ? 0 : imageOffset + imageItem.length;
    const iloc = fullBox(
      'iloc',
      1,
      new Uint8Array([0x44, 0x00]), // offset and length: 4 bytes; base offset and index: none
      u16be(2),
      u16be(1), u16be(0), u16be(0), u16be(1), u32be(imageOffset), u32be(imageItem.length),
      u16be(2), u16be(options.inIdat ? 1 : 0), u16be(0), u16be(1), u32be(exifOffset), u32be(exifItem.length),
    );
    const meta = fullBox(
      'meta',
      0,
      fullBox('hdlr', 0, u32be(0), ascii('pict'), new Uint8Array(12), new Uint8Array([0])),
      fullBox('pitm', 0, u16be(1)),
      fullBox('iinf', 0, u16be(2), infe(1, 'hvc1'), infe(2, 'Exif')),
      iloc,
      ...(options.inIdat ? [box('idat', exifItem)] : []),
    );
    return concat(ftyp, meta, box('mdat', imageItem, ...(options.inIdat ? [] : [exifItem])));
  };
  const withoutMdat = build(0);
  const mdatLength = 8 + imageItem.length + (options.inIdat ? 0 : exifItem.length);
  return build(withoutMdat.length - mdatLength);
}

/** A signature as a signature pad draws it. */
export const SIGNATURE_SVG = '<?xml version="1.0" encoding="UTF-8"?>\n<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 200 60"><title>Signature</title><path d="M10 40 C 40 10, 65 10, 95 40 S 150 70, 180 30" fill="none" stroke="#000" stroke-width="2"/></svg>';

export function containsBytes(haystack: Uint8Array, needle: Uint8Array): boolean {
  return Buffer.from(haystack).indexOf(Buffer.from(needle)) !== -1;
}

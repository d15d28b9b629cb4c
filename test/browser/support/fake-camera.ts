import { writeFileSync } from 'node:fs';
import zxing from '@zxing/library';

const L = ['0001101', '0011001', '0010011', '0111101', '0100011', '0110001', '0101111', '0111011', '0110111', '0001011'];
const R = L.map((code) => [...code].map((bit) => (bit === '0' ? '1' : '0')).join(''));
const G = R.map((code) => [...code].reverse().join(''));
/** Which of the left six digits take the G (even) set, by the first digit, which is encoded only by this choice. */
const PARITY = ['LLLLLL', 'LLGLGG', 'LLGGLG', 'LLGGGL', 'LGLLGG', 'LGGLLG', 'LGGGLL', 'LGLGLG', 'LGLGGL', 'LGGLGL'];

/** The EAN-13 check digit of the first twelve digits. */
export function ean13CheckDigit(twelve: string): string {
  const sum = [...twelve].reduce((total, digit, index) => total + Number(digit) * (index % 2 ? 3 : 1), 0);
  return String((10 - (sum % 10)) % 10);
}

/** The 95 modules (1 = bar) of an EAN-13 code. */
export function ean13Modules(code: string): string {
  if (!/^\d{13}$/.test(code) || ean13CheckDigit(code.slice(0, 12)) !== code[12]) throw new Error(`Not an EAN-13 with a valid check digit: ${code}`);
  const digits = [...code].map(Number);
  const left = digits.slice(1, 7).map((digit, index) => (PARITY[digits[0]!]![index] === 'L' ? L : G)[digit]).join('');
  const right = digits.slice(7).map((digit) => R[digit]).join('');
  return `101${left}01010${right}101`;
}

/** A black-and-white picture made of square modules; a linear barcode is one row, stretched. */
export interface ModulePicture {
  columns: number;
  rows: number;
  dark(column: number, row: number): boolean;
}

export function ean13Picture(code: string): ModulePicture {
  const modules = ean13Modules(code);
  return { columns: modules.length, rows: 1, dark: (column) => modules[column] === '1' };
}

/** A QR code of `text`, with its quiet zone, drawn by zxing's own writer. */
export function qrPicture(text: string): ModulePicture {
  const matrix = new zxing.QRCodeWriter().encode(text, zxing.BarcodeFormat.QR_CODE, 0, 0, new Map());
  return { columns: matrix.getWidth(), rows: matrix.getHeight(), dark: (column, row) => matrix.get(column, row) };
}

const WIDTH = 640;
const HEIGHT = 480;

/**
 * A Y4M video Chromium plays as its fake camera (`--use-file-for-fake-video-capture`): the picture
 * black on white, big and centred, in a few identical greyscale frames (the file loops).
 */
export function writeCameraVideo(path: string, picture: ModulePicture, frames = 3): void {
  const size = Math.floor(Math.min((WIDTH * 0.8) / picture.columns, (HEIGHT * 0.8) / picture.rows));
  // A linear code's single row stands 70% of the frame tall.
  const rowHeight = picture.rows === 1 ? Math.floor(HEIGHT * 0.7) : size;
  const left = Math.floor((WIDTH - picture.columns * size) / 2);
  const top = Math.floor((HEIGHT - picture.rows * rowHeight) / 2);
  const luma = Buffer.alloc(WIDTH * HEIGHT, 255);
  for (let y = top; y < top + picture.rows * rowHeight; y++) {
    for (let column = 0; column < picture.columns; column++) {
      if (picture.dark(column, Math.floor((y - top) / rowHeight))) luma.fill(0, y * WIDTH + left + column * size, y * WIDTH + left + (column + 1) * size);
    }
  }
  const chroma = Buffer.alloc((WIDTH * HEIGHT) / 2, 128);
  const frame = Buffer.concat([Buffer.from('FRAME\n'), luma, chroma]);
  writeFileSync(path, Buffer.concat([Buffer.from(`YUV4MPEG2 W${WIDTH} H${HEIGHT} F10:1 Ip A1:1 C420jpeg\n`), ...Array.from({ length: frames }, () => frame)]));
}

// png-js (pdfkit's PNG reader) ships no types; the box-label spec decodes a barcode image with it.
declare module 'png-js' {
  export default class PNG {
    constructor(data: Buffer);
    readonly width: number;
    readonly height: number;
    /** The image as RGBA bytes, row by row. */
    decode(done: (pixels: Buffer) => void): void;
  }
}

import { malformed } from '../evidence-refusal.js';

/** One box of an ISO base media file: its type and where its content lies in the file. */
export interface Box {
  type: string;
  start: number;
  contentStart: number;
  end: number;
}

/** The boxes laid one after another between `from` and `to` (a file's top level, or a box's content). */
export function boxesIn(file: Uint8Array, from: number, to: number): Box[] {
  const view = new DataView(file.buffer, file.byteOffset, file.byteLength);
  const boxes: Box[] = [];
  for (let start = from; start + 8 <= to; ) {
    const size32 = view.getUint32(start);
    const type = String.fromCharCode(...file.subarray(start + 4, start + 8));
    let contentStart = start + 8;
    let size = size32;
    if (size32 === 1) {
      if (start + 16 > to) throw malformed(`box ${JSON.stringify(type)} cut short`);
      size = Number(view.getBigUint64(start + 8));
      contentStart = start + 16;
    } else if (size32 === 0) {
      size = to - start;
    }
    const end = start + size;
    if (end > to || end < contentStart) throw malformed(`box ${JSON.stringify(type)} runs past its container`);
    boxes.push({ type, start, contentStart, end });
    start = end;
  }
  return boxes;
}

/** Reads big-endian unsigned fields of 0, 1, 2, 4 or 8 bytes in turn, never past `end`. */
export class FieldReader {
  private readonly view: DataView;

  constructor(
    file: Uint8Array,
    public position: number,
    private readonly end: number,
  ) {
    this.view = new DataView(file.buffer, file.byteOffset, file.byteLength);
  }

  read(bytes: number): number {
    if (this.position + bytes > this.end) throw malformed('box content cut short');
    const at = this.position;
    this.position += bytes;
    switch (bytes) {
      case 0: return 0;
      case 1: return this.view.getUint8(at);
      case 2: return this.view.getUint16(at);
      case 4: return this.view.getUint32(at);
      case 8: return Number(this.view.getBigUint64(at));
      default: throw malformed(`a field of ${bytes} bytes`);
    }
  }

  skip(bytes: number): void {
    if (this.position + bytes > this.end) throw malformed('box content cut short');
    this.position += bytes;
  }

  text(bytes: number): string {
    return String.fromCharCode(...Array.from({ length: bytes }, () => this.read(1)));
  }
}

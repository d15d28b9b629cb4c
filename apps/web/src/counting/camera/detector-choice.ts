/** The symbologies on the goods and labels the dock scans, as BarcodeDetector names them. */
export const WANTED_FORMATS = ['ean_13', 'ean_8', 'upc_a', 'upc_e', 'code_128', 'code_39', 'qr_code'] as const;

/** Reads the codes in one frame of the camera: none when it sees no barcode. */
export interface CodeDecoder<Frame> {
  /** `native` is the browser's BarcodeDetector, `zxing` the library loaded in its place. */
  kind: 'native' | 'zxing';
  decode(frame: Frame): Promise<string[]>;
}

/** The shape of the browser's BarcodeDetector class, where the browser has one. */
export interface NativeDetectorClass<Frame> {
  new (options: { formats: string[] }): { detect(frame: Frame): Promise<{ rawValue: string }[]> };
  getSupportedFormats(): Promise<string[]>;
}

/** The wanted formats the browser's detector reads, in the order of WANTED_FORMATS. */
export const usableFormats = (supported: readonly string[]): string[] => WANTED_FORMATS.filter((format) => supported.includes(format));

/**
 * The browser's own detector when it reads any of the wanted formats, else the fallback, which is
 * loaded only here (so a browser with a detector never downloads it).
 */
export async function chooseDecoder<Frame>(native: NativeDetectorClass<Frame> | undefined, loadFallback: () => Promise<CodeDecoder<Frame>>): Promise<CodeDecoder<Frame>> {
  const formats = native ? usableFormats(await native.getSupportedFormats().catch(() => [])) : [];
  if (!native || formats.length === 0) return loadFallback();
  const detector = new native({ formats });
  return { kind: 'native', decode: async (frame) => (await detector.detect(frame)).map((found) => found.rawValue) };
}

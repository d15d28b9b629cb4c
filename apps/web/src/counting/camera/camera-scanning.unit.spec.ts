import { describe, expect, it } from '@jest/globals';
import { cameraProblem, namedError } from './camera-problem.js';
import { chooseDecoder, usableFormats, type CodeDecoder, type NativeDetectorClass } from './detector-choice.js';
import { repeatGuard } from './repeat-guard.js';

/** A stand-in for the browser's BarcodeDetector that supports `supported` and sees `seen` in every frame. */
function detectorClass(supported: string[] | Error, seen: string[] = []) {
  const made: { formats: string[] }[] = [];
  const Detector = class {
    constructor(options: { formats: string[] }) {
      made.push(options);
    }
    static getSupportedFormats = () => (supported instanceof Error ? Promise.reject(supported) : Promise.resolve(supported));
    detect = () => Promise.resolve(seen.map((rawValue) => ({ rawValue })));
  } satisfies NativeDetectorClass<string>;
  return { Detector, made };
}

const fallback = () => {
  const loads: string[] = [];
  const load = async (): Promise<CodeDecoder<string>> => {
    loads.push('zxing');
    return { kind: 'zxing', decode: async () => [] };
  };
  return { load, loads };
};

describe('choosing what reads barcodes from the camera', () => {
  it('uses the browser detector for the wanted formats it supports, and never loads zxing', async () => {
    const { Detector, made } = detectorClass(['aztec', 'qr_code', 'ean_13', 'code_128'], ['9312345678907']);
    const zxing = fallback();
    const decoder = await chooseDecoder(Detector, zxing.load);
    expect(decoder.kind).toBe('native');
    expect(made).toEqual([{ formats: ['ean_13', 'code_128', 'qr_code'] }]);
    await expect(decoder.decode('frame')).resolves.toEqual(['9312345678907']);
    expect(zxing.loads).toEqual([]);
  });

  it('loads zxing where the browser has no detector', async () => {
    const zxing = fallback();
    expect((await chooseDecoder(undefined, zxing.load)).kind).toBe('zxing');
    expect(zxing.loads).toEqual(['zxing']);
  });

  it('loads zxing where the detector supports none of the wanted formats, or cannot say which', async () => {
    for (const supported of [['aztec', 'pdf417'], [], new Error('not supported')]) {
      const { Detector, made } = detectorClass(supported);
      const zxing = fallback();
      expect((await chooseDecoder(Detector, zxing.load)).kind).toBe('zxing');
      expect(made).toEqual([]);
    }
  });

  it('keeps the wanted formats in one order whatever order the browser lists them in', () => {
    expect(usableFormats(['qr_code', 'upc_e', 'code_39', 'upc_a', 'ean_8', 'ean_13', 'code_128'])).toEqual(['ean_13', 'ean_8', 'upc_a', 'upc_e', 'code_128', 'code_39', 'qr_code']);
  });
});

describe('counting a code the camera keeps seeing', () => {
  it('counts a code once while it stays in view, and again after it was out of view for 1.5 s', () => {
    const counts = repeatGuard(1500);
    const seenAt = (code: string, times: number[]) => times.map((time) => counts(code, time));
    expect(seenAt('A', [0, 100, 1000, 2000, 3400])).toEqual([true, false, false, false, false]);
    expect(seenAt('A', [4900, 5000])).toEqual([true, false]);
  });

  it('counts two different codes in view each once', () => {
    const counts = repeatGuard(1500);
    expect([counts('A', 0), counts('B', 50), counts('A', 100), counts('B', 150)]).toEqual([true, true, false, false]);
  });
});

describe('what the dialog says when the camera cannot start', () => {
  const failure = (name: string, message = '') => Object.assign(new Error(message), { name });
  it.each([
    ['an http page', namedError('InsecureContext'), /secure \(https\) connection/],
    ['a refused permission', failure('NotAllowedError', 'Permission denied'), /not allowed/],
    ['no camera', failure('NotFoundError'), /No camera was found/],
    ['a camera another app holds', failure('NotReadableError'), /in use by another app/],
    ['zxing failing to load', namedError('ScannerUnavailable'), /reader could not be loaded/],
    ['anything else', new Error('boom'), /could not start: boom/],
  ])('%s', (_case, error, message) => {
    expect(cameraProblem(error)).toMatch(message);
  });
});

import { BrowserMultiFormatReader } from '@zxing/browser';
import { BarcodeFormat, ChecksumException, DecodeHintType, FormatException, NotFoundException } from '@zxing/library';
import type { CodeDecoder } from './detector-choice.js';

const FORMATS = [BarcodeFormat.EAN_13, BarcodeFormat.EAN_8, BarcodeFormat.UPC_A, BarcodeFormat.UPC_E, BarcodeFormat.CODE_128, BarcodeFormat.CODE_39, BarcodeFormat.QR_CODE];

/** zxing's reader for browsers without BarcodeDetector; this module is imported only when the camera opens. */
export function zxingDecoder(): CodeDecoder<HTMLVideoElement> {
  const reader = new BrowserMultiFormatReader(new Map([[DecodeHintType.POSSIBLE_FORMATS, FORMATS]]));
  return {
    kind: 'zxing',
    decode: async (video) => {
      try {
        return [reader.decode(video).getText()];
      } catch (error) {
        // zxing answers "no readable barcode in this frame" by throwing one of these.
        if (error instanceof NotFoundException || error instanceof ChecksumException || error instanceof FormatException) return [];
        throw error;
      }
    },
  };
}

// Deep imports: the packages' indexes pull in every symbology zxing knows (PDF417, Data Matrix,
// Aztec…), and their ES5 classes defeat tree-shaking, so the dock's readers are taken one by one.
import BarcodeFormat from '@zxing/library/esm/core/BarcodeFormat';
import BinaryBitmap from '@zxing/library/esm/core/BinaryBitmap';
import ChecksumException from '@zxing/library/esm/core/ChecksumException';
import HybridBinarizer from '@zxing/library/esm/core/common/HybridBinarizer';
import DecodeHintType from '@zxing/library/esm/core/DecodeHintType';
import FormatException from '@zxing/library/esm/core/FormatException';
import NotFoundException from '@zxing/library/esm/core/NotFoundException';
import MultiFormatOneDReader from '@zxing/library/esm/core/oned/MultiFormatOneDReader';
import QRCodeReader from '@zxing/library/esm/core/qrcode/QRCodeReader';
import RGBLuminanceSource from '@zxing/library/esm/core/RGBLuminanceSource';
import type { CodeDecoder } from './detector-choice.js';

const LINEAR = [BarcodeFormat.EAN_13, BarcodeFormat.EAN_8, BarcodeFormat.UPC_A, BarcodeFormat.UPC_E, BarcodeFormat.CODE_128, BarcodeFormat.CODE_39];

/** The frame's grey levels, as zxing reads them: (red + 2 green + blue) / 4 per pixel. */
function greyOf(video: HTMLVideoElement, canvas: HTMLCanvasElement): RGBLuminanceSource {
  const { videoWidth: width, videoHeight: height } = video;
  if (canvas.width !== width || canvas.height !== height) Object.assign(canvas, { width, height });
  const context = canvas.getContext('2d', { willReadFrequently: true })!;
  context.drawImage(video, 0, 0, width, height);
  const rgba = context.getImageData(0, 0, width, height).data;
  const grey = new Uint8ClampedArray(width * height);
  for (let pixel = 0; pixel < grey.length; pixel++) grey[pixel] = (rgba[pixel * 4]! + 2 * rgba[pixel * 4 + 1]! + rgba[pixel * 4 + 2]!) >> 2;
  return new RGBLuminanceSource(grey, width, height);
}

/** zxing's readers for browsers without BarcodeDetector; this module is imported only when the camera opens. */
export function zxingDecoder(): CodeDecoder<HTMLVideoElement> {
  const linear = new MultiFormatOneDReader(new Map([[DecodeHintType.POSSIBLE_FORMATS, LINEAR]]));
  const qr = new QRCodeReader();
  const canvas = document.createElement('canvas');
  const read = (bitmap: BinaryBitmap): string => {
    try {
      return linear.decode(bitmap).getText();
    } catch (error) {
      if (error instanceof NotFoundException) return qr.decode(bitmap).getText();
      throw error;
    }
  };
  return {
    kind: 'zxing',
    decode: async (video) => {
      try {
        return [read(new BinaryBitmap(new HybridBinarizer(greyOf(video, canvas))))];
      } catch (error) {
        // zxing answers "no readable barcode in this frame" by throwing one of these.
        if (error instanceof NotFoundException || error instanceof ChecksumException || error instanceof FormatException) return [];
        throw error;
      }
    },
  };
}

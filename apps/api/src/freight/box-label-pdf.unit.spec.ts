import { describe, expect, it } from '@jest/globals';
import { BarcodeFormat, BinaryBitmap, DecodeHintType, HybridBinarizer, MultiFormatReader, RGBLuminanceSource } from '@zxing/library';
import PNG from 'png-js';
import { boxCodeImage, renderBoxLabels, type BoxLabel } from './box-label-pdf.js';

const label = (boxNumber: number, contents: BoxLabel['contents'] = [{ name: 'Stoneware mug', quantity: 6 }]): BoxLabel => ({
  code: `BX-7F3A2C-${boxNumber}`,
  boxNumber,
  boxCount: 2,
  reference: 'Transfer 7f3a2c north → south',
  from: 'North store, 1 George St, Sydney NSW 2000',
  to: 'South store, 9 Beach Rd, Brighton VIC 3186',
  boxTypeName: 'Carton M',
  grossWeightG: 2_550,
  contents,
});

/** What a scanner reads from the code's image. */
async function scan(png: Buffer): Promise<string> {
  const image = new PNG(png);
  const pixels: Buffer = await new Promise((resolve) => image.decode(resolve));
  const channels = pixels.length / (image.width * image.height);
  const luminance = new Uint8ClampedArray(image.width * image.height);
  for (let index = 0; index < luminance.length; index++) luminance[index] = pixels[index * channels]!;
  const reader = new MultiFormatReader();
  reader.setHints(new Map([[DecodeHintType.POSSIBLE_FORMATS, [BarcodeFormat.CODE_128]]]));
  return reader.decode(new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(luminance, image.width, image.height)))).getText();
}

describe('box labels', () => {
  it('carry a Code 128 that scans back to the box code', async () => {
    expect(await scan(await boxCodeImage('BX-7F3A2C-1'))).toBe('BX-7F3A2C-1');
  });

  it('are one 4 × 6 inch PDF page per box', async () => {
    const pdf = (await renderBoxLabels([label(1), label(2)])).toString('latin1');
    expect(pdf.startsWith('%PDF-')).toBe(true);
    expect(pdf.trimEnd().endsWith('%%EOF')).toBe(true);
    expect(pdf.match(/\/Type \/Page\b/g)).toHaveLength(2);
    expect(pdf.match(/\/MediaBox \[0 0 288 432\]/g)).toHaveLength(2);
  });

  it('fit a long list of contents on the page, summing up what does not fit', async () => {
    const contents = Array.from({ length: 30 }, (_, index) => ({ name: `Product ${index} with a rather long name that goes on`, quantity: 2 }));
    const pdf = (await renderBoxLabels([label(1, contents)])).toString('latin1');
    expect(pdf.match(/\/Type \/Page\b/g)).toHaveLength(1);
  });
});

import bwipjs from 'bwip-js';
import PDFDocument from 'pdfkit';

/** What one box's label says: the code scanned to find the box, and what a person reads on it. */
export interface BoxLabel {
  code: string;
  boxNumber: number;
  boxCount: number;
  reference: string;
  from: string;
  to: string;
  boxTypeName: string;
  grossWeightG: number | null;
  contents: { name: string; quantity: number }[];
}

/** A 4 × 6 inch label page, the size thermal label printers take, in PDF points. */
const PAGE: [number, number] = [288, 432];
const MARGIN = 18;
/** Lines of contents that fit under the code; more are summed up in one line. */
const CONTENT_LINES = 12;

/** The Code 128 image of a box code: what a wedge scanner or the dock app's camera reads. */
export function boxCodeImage(code: string): Promise<Buffer> {
  return bwipjs.toBuffer({ bcid: 'code128', text: code, scale: 3, height: 14, includetext: true, textxalign: 'center', backgroundcolor: 'FFFFFF', paddingwidth: 10, paddingheight: 4 });
}

/** One page per box, in order, as a PDF. */
export async function renderBoxLabels(labels: readonly BoxLabel[]): Promise<Buffer> {
  const images = await Promise.all(labels.map((label) => boxCodeImage(label.code)));
  const document = new PDFDocument({ size: PAGE, margin: MARGIN, autoFirstPage: false, info: { Title: 'Box labels', Creator: 'Consignments' } });
  const chunks: Buffer[] = [];
  document.on('data', (chunk: Buffer) => chunks.push(chunk));
  const finished = new Promise<Buffer>((resolve, reject) => {
    document.on('end', () => resolve(Buffer.concat(chunks)));
    document.on('error', reject);
  });
  labels.forEach((label, index) => drawLabel(document, label, images[index]!));
  document.end();
  return finished;
}

function drawLabel(document: PDFKit.PDFDocument, label: BoxLabel, image: Buffer): void {
  const width = PAGE[0] - 2 * MARGIN;
  document.addPage();
  document.font('Helvetica-Bold').fontSize(20).text(`Box ${label.boxNumber} of ${label.boxCount}`, { width });
  document.font('Helvetica').fontSize(10).text(label.reference, { width });
  document.moveDown(0.5);
  document.font('Helvetica-Bold').fontSize(9).text('FROM', { continued: true }).font('Helvetica').text(`  ${label.from}`, { width });
  document.font('Helvetica-Bold').fontSize(9).text('TO', { continued: true }).font('Helvetica').text(`  ${label.to}`, { width });
  document.moveDown(0.5);
  document.image(image, { fit: [width, 90], align: 'center' });
  document.moveDown(0.5);
  const weight = label.grossWeightG === null ? 'weight not known' : `${(label.grossWeightG / 1000).toFixed(2)} kg`;
  document.font('Helvetica').fontSize(9).text(`${label.boxTypeName} · ${weight}`, { width });
  document.moveDown(0.3);
  const shown = label.contents.slice(0, CONTENT_LINES);
  for (const content of shown) document.text(`${content.quantity} × ${content.name}`, { width, ellipsis: true, lineBreak: false }).moveDown(0.1);
  const rest = label.contents.slice(CONTENT_LINES);
  if (rest.length > 0) document.text(`and ${rest.reduce((sum, content) => sum + content.quantity, 0)} more units of ${rest.length} more products`, { width });
}

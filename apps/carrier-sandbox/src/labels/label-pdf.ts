/** A 4×6 inch page (points) for each package label. */
const PAGE = '[0 0 288 432]';

export interface LabelPage {
  lines: string[];
}

/** Text for a PDF literal string: ASCII only, with `\`, `(` and `)` escaped. */
function pdfText(text: string): string {
  return text.replace(/[^\x20-\x7e]/g, '?').replace(/([\\()])/g, '\\$1');
}

function contentStream(page: LabelPage): string {
  const lines = page.lines.map((line, index) => `BT /F1 ${index === 0 ? 16 : 11} Tf 24 ${400 - index * 24} Td (${pdfText(line)}) Tj ET`);
  return lines.join('\n');
}

/**
 * A valid minimal PDF 1.4 built by hand: a catalog, a page tree, Helvetica, and one page per label with its
 * text; the cross-reference table holds each object's real byte offset.
 */
export function labelPdf(pages: LabelPage[]): Buffer {
  const fontId = 3;
  const pageIds = pages.map((_, index) => 4 + index * 2);
  const objects: string[] = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    `<< /Type /Pages /Kids [${pageIds.map((id) => `${id} 0 R`).join(' ')}] /Count ${pages.length} >>`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  pages.forEach((page, index) => {
    const stream = contentStream(page);
    objects.push(`<< /Type /Page /Parent 2 0 R /MediaBox ${PAGE} /Resources << /Font << /F1 ${fontId} 0 R >> >> /Contents ${pageIds[index]! + 1} 0 R >>`);
    objects.push(`<< /Length ${Buffer.byteLength(stream, 'latin1')} >>\nstream\n${stream}\nendstream`);
  });
  let pdf = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((body, index) => {
    offsets.push(Buffer.byteLength(pdf, 'latin1'));
    pdf += `${index + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = Buffer.byteLength(pdf, 'latin1');
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  pdf += offsets.map((offset) => `${String(offset).padStart(10, '0')} 00000 n \n`).join('');
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(pdf, 'latin1');
}

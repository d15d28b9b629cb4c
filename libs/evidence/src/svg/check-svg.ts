import { SaxesParser, type SaxesTagNS } from 'saxes';
import { EvidenceRefusal } from '../evidence-refusal.js';

const SVG_NAMESPACE = 'http://www.w3.org/2000/svg';
/** What a drawn signature needs: shapes and groups. Anything else (script, foreignObject, image, use, a, style, animation) is refused. */
const ALLOWED_ELEMENTS = new Set(['svg', 'g', 'path', 'polyline', 'polygon', 'line', 'rect', 'circle', 'ellipse', 'title', 'desc', 'defs']);
/** Any reference that is not to a fragment of the same document. */
const EXTERNAL_REFERENCE = /url\s*\(\s*['"]?\s*(?!#)|@import|javascript:|data:|expression\s*\(/i;

const unsafe = (why: string) => new EvidenceRefusal('UNSAFE_SVG', `The SVG ${why}; a signature holds only shapes (${[...ALLOWED_ELEMENTS].join(', ')})`);

/**
 * Refuses an SVG a browser would run or fetch anything for: a DOCTYPE (entities), processing
 * instructions (style sheets), elements outside the shape allow-list or outside the SVG
 * namespace, event handler attributes, links, and references to anything outside the document.
 * The SVG must be well-formed UTF-8 XML whose root is `<svg>`.
 */
export function checkSvg(bytes: Uint8Array): void {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw unsafe('is not UTF-8 text');
  }
  const parser = new SaxesParser({ xmlns: true });
  let refusal: EvidenceRefusal | undefined;
  let depth = 0;
  const refuse = (why: string) => {
    refusal ??= unsafe(why);
  };
  parser.on('doctype', () => refuse('has a DOCTYPE'));
  parser.on('processinginstruction', (instruction) => refuse(`has a processing instruction <?${instruction.target}?>`));
  parser.on('opentag', (tag) => {
    if (depth === 0 && tag.local !== 'svg') refuse(`has root <${tag.name}>, not <svg>`);
    depth += 1;
    checkElement(tag as SaxesTagNS, refuse);
  });
  parser.on('closetag', () => {
    depth -= 1;
  });
  try {
    parser.write(text).close();
  } catch (error) {
    refuse(`is not well-formed XML (${(error as Error).message.split('\n')[0]})`);
  }
  if (refusal) throw refusal;
}

function checkElement(tag: SaxesTagNS, refuse: (why: string) => void): void {
  if (tag.uri !== SVG_NAMESPACE) refuse(`has <${tag.name}> outside the SVG namespace`);
  else if (!ALLOWED_ELEMENTS.has(tag.local)) refuse(`has a <${tag.local}> element`);
  for (const attribute of Object.values(tag.attributes)) {
    const name = attribute.local.toLowerCase();
    if (name.startsWith('on')) refuse(`has an event handler (${attribute.name})`);
    else if (name === 'href') refuse(`has a link (${attribute.name})`);
    else if (EXTERNAL_REFERENCE.test(attribute.value)) refuse(`refers outside itself (${attribute.name})`);
  }
}

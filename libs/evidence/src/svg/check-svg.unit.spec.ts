import { describe, expect, it } from '@jest/globals';
import { EvidenceRefusal } from '../evidence-refusal.js';
import { SIGNATURE_SVG } from '../testing/sample-images.js';
import { checkSvg } from './check-svg.js';

const NS = 'xmlns="http://www.w3.org/2000/svg"';
const svg = (inner: string, attributes = '') => `<svg ${NS} ${attributes}>${inner}</svg>`;
const check = (text: string) => () => checkSvg(new TextEncoder().encode(text));

describe('an SVG signature is served back to browsers, so it may hold shapes and nothing that runs or fetches', () => {
  it('takes a signature drawn as paths, with a title and local fragment references', () => {
    expect(check(SIGNATURE_SVG)).not.toThrow();
    expect(check(svg('<g fill="url(#gradient)"><line x1="0" y1="0" x2="5" y2="5"/></g>'))).not.toThrow();
  });

  it.each([
    ['a script', svg('<script>alert(1)</script>')],
    ['a script in another case', svg('<SCRIPT>alert(1)</SCRIPT>')],
    ['an event handler', svg('<path d="M0 0" onclick="alert(1)"/>')],
    ['an onload on the root', svg('', 'onload="alert(1)"')],
    ['a foreignObject', svg('<foreignObject><body xmlns="http://www.w3.org/1999/xhtml">x</body></foreignObject>')],
    ['an external image', svg('<image href="https://tracker.example/p.png"/>')],
    ['a use of another document', svg('<use xlink:href="https://evil.example/s.svg#x" xmlns:xlink="http://www.w3.org/1999/xlink"/>')],
    ['a link', svg('<a href="javascript:alert(1)"><path d="M0 0"/></a>')],
    ['a style element', svg('<style>@import url(https://evil.example/x.css)</style>')],
    ['a style attribute fetching a URL', svg('<path d="M0 0" style="fill:url(https://evil.example/x)"/>')],
    ['a data: URL', svg('<path d="M0 0" fill="url(data:image/png;base64,AAAA)"/>')],
    ['an animation that can set a link', svg('<set attributeName="href" to="javascript:alert(1)"/>')],
    ['an element outside the SVG namespace', `<svg ${NS}><html:script xmlns:html="http://www.w3.org/1999/xhtml">alert(1)</html:script></svg>`],
    ['a root without the SVG namespace', '<svg><path d="M0 0"/></svg>'],
    ['a root that is not svg', `<html ${NS}><path d="M0 0"/></html>`],
    ['a DOCTYPE declaring entities', `<!DOCTYPE svg [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;">]>${svg('<title>&b;</title>')}`],
    ['an external entity', `<!DOCTYPE svg [<!ENTITY x SYSTEM "file:///etc/passwd">]>${svg('<title>&x;</title>')}`],
    ['a style sheet instruction', `<?xml-stylesheet href="https://evil.example/x.css"?>${svg('')}`],
    ['XML that is not well-formed', `<svg ${NS}><path d="M0 0"></svg>`],
  ])('refuses %s', (_case, text) => {
    expect(check(text)).toThrow(EvidenceRefusal);
  });

  it('refuses bytes that are not UTF-8', () => {
    expect(() => checkSvg(Uint8Array.from([0x3c, 0x73, 0x76, 0x67, 0xff, 0xfe]))).toThrow(EvidenceRefusal);
  });

  it('names what it refused', () => {
    expect(check(svg('<script>alert(1)</script>'))).toThrow(/<script> element/);
  });
});

import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { EVIDENCE_KINDS } from './evidence-kind.js';
import { EvidenceRefusal } from './evidence-refusal.js';
import { inspectEvidence } from './inspect-evidence.js';
import { exifTiff, heicWithExif, jpegWithExif, pngWithExif, SIGNATURE_SVG, webpWithExif } from './testing/sample-images.js';

const SAMPLES = [
  jpegWithExif(),
  jpegWithExif(exifTiff({ littleEndian: true, thumbnailIfd: true })),
  pngWithExif(),
  webpWithExif(),
  heicWithExif(),
  heicWithExif(exifTiff(), { inIdat: true }),
  new TextEncoder().encode(SIGNATURE_SVG),
];

/** A sample with some bytes overwritten, cut short, or both: what a corrupt or hostile upload looks like. */
const damagedSample = fc
  .record({
    sample: fc.constantFrom(...SAMPLES),
    writes: fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { maxLength: 8 }),
    keep: fc.option(fc.nat()),
  })
  .map(({ sample, writes, keep }) => {
    const bytes = Uint8Array.from(sample);
    for (const [at, value] of writes) bytes[at % bytes.length] = value;
    return keep === null ? bytes : bytes.subarray(0, keep % (bytes.length + 1));
  });

/** Resolves with the inspection, or with the refusal; anything else thrown fails the property. */
async function outcome(kind: (typeof EVIDENCE_KINDS)[number], bytes: Uint8Array) {
  try {
    return await inspectEvidence(kind, bytes);
  } catch (error) {
    if (error instanceof EvidenceRefusal) return error;
    throw error;
  }
}

describe('any bytes at all: a typed refusal or kept evidence, never anything else', () => {
  it('random bytes', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...EVIDENCE_KINDS), fc.uint8Array({ maxLength: 512 }), async (kind, bytes) => {
        await outcome(kind, bytes);
      }),
      { numRuns: 300 },
    );
  });

  it('damaged images and signatures: when kept, the length is what was uploaded (metadata is neutralised in place)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...EVIDENCE_KINDS), damagedSample, async (kind, bytes) => {
        const result = await outcome(kind, bytes);
        if (!(result instanceof EvidenceRefusal)) expect(result.byteSize).toBe(bytes.length);
      }),
      { numRuns: 500 },
    );
  });

  it('inspecting kept evidence again finds no location and changes nothing', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...SAMPLES), async (sample) => {
        const kind = sample === SAMPLES.at(-1) ? 'SIGNATURE' : 'PHOTO';
        const first = await inspectEvidence(kind, sample);
        const second = await inspectEvidence(kind, first.bytes);
        expect(second.locationRemoved).toBe(false);
        expect(second.sha256).toBe(first.sha256);
      }),
      { numRuns: 20 },
    );
  });
});

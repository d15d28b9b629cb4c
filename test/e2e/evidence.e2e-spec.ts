import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Response } from 'supertest';
import {
  CAMERA_MAKE,
  containsBytes,
  exifTiff,
  gpsFingerprint,
  heicWithExif,
  jpegWithExif,
  pngWithExif,
  SIGNATURE_SVG,
  webpWithExif,
} from '../../libs/evidence/src/testing/sample-images.js';
import { openApiFixture, type ApiFixture } from '../support/api-fixture.js';

const V1 = '/api/v1';
const MAX_BYTES = 64 * 1024;
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

describe('evidence: photos and signatures kept with their location removed (real API, PostgreSQL)', () => {
  let api: ApiFixture;
  let staff: { Authorization: string };

  beforeAll(async () => {
    api = await openApiFixture({ EVIDENCE_MAX_BYTES: String(MAX_BYTES) });
    staff = api.as('sofia', ['staff'], ['north']);
  });
  afterAll(async () => {
    await api?.close();
  });

  const upload = (kind: string, bytes: Uint8Array, filename = 'upload.bin', auth = staff) =>
    api.http().post(`${V1}/evidence`).set(auth).field('kind', kind).attach('file', Buffer.from(bytes), filename);
  const download = (id: string) =>
    api.http().get(`${V1}/evidence/${id}`).set(staff).buffer(true).parse((response, done) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => done(null, Buffer.concat(chunks)));
    });
  const expectProblem = (response: Response, status: number, code: string) => {
    expect({ status: response.status, code: response.body?.code }).toEqual({ status, code });
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
  };
  const evidenceRows = async () => Number((await api.app.get((await import('#persistence')).Database).query<{ n: string }>('SELECT count(*) AS n FROM evidence'))[0]?.n);

  it.each([
    ['a JPEG photo', 'photo', 'image/jpeg', () => jpegWithExif(), false],
    ['a PNG photo', 'photo', 'image/png', () => pngWithExif(), false],
    ['a WebP photo', 'photo', 'image/webp', () => webpWithExif(), true],
    ['a HEIC photo', 'photo', 'image/heic', () => heicWithExif(), false],
  ])('%s: 201, the GPS position is gone on download, the camera make stays, sha256 is of the bytes served', async (_case, kind, mediaType, make, littleEndian) => {
    const image = make();

    const response = await upload(kind, image, 'photo.jpg');

    expect(response.status).toBe(201);
    expect(response.body).toEqual({ id: expect.any(String), kind: 'PHOTO', mediaType, byteSize: image.length, sha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(response.headers.location).toBe(`${V1}/evidence/${response.body.id}`);
    const served = await download(response.body.id);
    expect(served.status).toBe(200);
    expect(served.headers['content-type']).toBe(mediaType);
    expect(served.headers['x-content-type-options']).toBe('nosniff');
    expect(served.headers.etag).toBe(`"${response.body.sha256}"`);
    const bytes = served.body as Buffer;
    expect(sha256(bytes)).toBe(response.body.sha256);
    expect(containsBytes(bytes, gpsFingerprint(littleEndian))).toBe(false);
    expect(bytes.includes(CAMERA_MAKE)).toBe(true);
    expect(sha256(image)).not.toBe(response.body.sha256);
  });

  it('keeps PNG and SVG signatures; an SVG is served sandboxed', async () => {
    const png = await upload('signature', pngWithExif(undefined));
    expect(png.status).toBe(201);
    expect(png.body).toMatchObject({ kind: 'SIGNATURE', mediaType: 'image/png' });

    const svg = await upload('SIGNATURE', new TextEncoder().encode(SIGNATURE_SVG), 'signature.svg');
    expect(svg.status).toBe(201);
    expect(svg.body).toMatchObject({ kind: 'SIGNATURE', mediaType: 'image/svg+xml' });
    const served = await download(svg.body.id);
    expect(served.headers['content-type']).toBe('image/svg+xml');
    expect(served.headers['content-security-policy']).toMatch(/^sandbox/);
    expect((served.body as Buffer).toString()).toBe(SIGNATURE_SVG);
  });

  it('answers what it kept at /meta, and 404 for an unknown id', async () => {
    const kept = await upload('photo', jpegWithExif(exifTiff({ thumbnailIfd: true })));

    const meta = await api.http().get(`${V1}/evidence/${kept.body.id}/meta`).set(staff);

    expect(meta.status).toBe(200);
    expect(meta.body).toEqual({ ...kept.body, uploadedBy: 'sofia', createdAt: expect.any(String) });
    expectProblem(await api.http().get(`${V1}/evidence/7d6f1e0a-5c64-4f0e-9a43-3d2b8b0c9e11`).set(staff), 404, 'EVIDENCE_NOT_FOUND');
    expectProblem(await api.http().get(`${V1}/evidence/7d6f1e0a-5c64-4f0e-9a43-3d2b8b0c9e11/meta`).set(staff), 404, 'EVIDENCE_NOT_FOUND');
    expectProblem(await api.http().get(`${V1}/evidence/not-a-uuid`).set(staff), 400, 'VALIDATION_FAILED');
  });

  it('a re-upload of the same bytes by the same user answers the same evidence with 200, writing nothing', async () => {
    const image = jpegWithExif(exifTiff({ littleEndian: true }));
    const first = await upload('photo', image);
    const rows = await evidenceRows();

    const again = await upload('photo', image, 'retry.jpg');

    expect(again.status).toBe(200);
    expect(again.body).toEqual(first.body);
    expect(await evidenceRows()).toBe(rows);
  });

  it('judges the type by the bytes: a JPEG named .png is a JPEG, an SVG named .jpg is no photo (415 naming the allowed types)', async () => {
    const renamed = await upload('photo', jpegWithExif(), 'photo.png');
    expect(renamed.body.mediaType).toBe('image/jpeg');

    const svgAsPhoto = await upload('photo', new TextEncoder().encode(SIGNATURE_SVG), 'photo.jpg');
    expectProblem(svgAsPhoto, 415, 'UNSUPPORTED_MEDIA_TYPE');
    expect(svgAsPhoto.body.allowedMediaTypes).toEqual(['image/jpeg', 'image/png', 'image/webp', 'image/heic', 'image/heif']);

    const jpegAsSignature = await upload('signature', jpegWithExif());
    expectProblem(jpegAsSignature, 415, 'UNSUPPORTED_MEDIA_TYPE');
    expect(jpegAsSignature.body.detail).toMatch(/image\/png, image\/svg\+xml/);
  });

  it('refuses an SVG signature that could run script (422), writing nothing', async () => {
    const rows = await evidenceRows();

    const response = await upload('signature', new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>'), 'sig.svg');

    expectProblem(response, 422, 'UNSAFE_SVG');
    expect(await evidenceRows()).toBe(rows);
  });

  it('413 for a file over EVIDENCE_MAX_BYTES, also a far larger one, and the API goes on serving', async () => {
    expectProblem(await upload('photo', new Uint8Array(MAX_BYTES + 1)), 413, 'PAYLOAD_TOO_LARGE');
    expectProblem(await upload('photo', new Uint8Array(16 * 1024 * 1024)), 413, 'PAYLOAD_TOO_LARGE');
    expect((await upload('photo', jpegWithExif(exifTiff({ gps: false })))).status).toBe(201);
  });

  it('400 naming a missing or unknown part', async () => {
    const noFile = await api.http().post(`${V1}/evidence`).set(staff).field('kind', 'photo');
    expectProblem(noFile, 400, 'VALIDATION_FAILED');
    expect(noFile.body.errors).toEqual([{ field: 'file', messages: ['file is required'] }]);

    const noKind = await api.http().post(`${V1}/evidence`).set(staff).attach('file', Buffer.from(jpegWithExif()), 'a.jpg');
    expect(noKind.body.errors).toEqual([{ field: 'kind', messages: ['kind is required'] }]);

    const badKind = await upload('selfie', jpegWithExif());
    expectProblem(badKind, 400, 'VALIDATION_FAILED');
    expect(badKind.body.errors[0]).toEqual({ field: 'kind', messages: ['kind must be one of photo, signature'] });
  });

  it('415 for a body that is not multipart', async () => {
    const response = await api.http().post(`${V1}/evidence`).set(staff).send({ kind: 'photo' });
    expectProblem(response, 415, 'UNSUPPORTED_MEDIA_TYPE');
  });

  it('401 without a token, 403 for an auditor; evidence attached to no transfer is read by its uploader only', async () => {
    const response = await api.http().post(`${V1}/evidence`).field('kind', 'photo').attach('file', Buffer.from(jpegWithExif()), 'a.jpg');
    expectProblem(response, 401, 'UNAUTHENTICATED');
    expectProblem(await upload('photo', jpegWithExif(), 'a.jpg', api.as('aude', ['auditor'])), 403, 'FORBIDDEN');
    for (const roles of [['manager'], ['admin']] as const) expect((await upload('photo', pngWithExif(exifTiff({ thumbnailIfd: true })), 'a.png', api.as(`u-${roles[0]}`, [...roles]))).status).toBe(201);

    const kept = await upload('photo', webpWithExif());
    expect((await api.http().get(`${V1}/evidence/${kept.body.id}/meta`).set(staff)).status).toBe(200);
    expectProblem(await api.http().get(`${V1}/evidence/${kept.body.id}/meta`).set(api.as('aude', ['auditor'])), 404, 'EVIDENCE_NOT_FOUND');
    expectProblem(await api.http().get(`${V1}/evidence/${kept.body.id}`), 401, 'UNAUTHENTICATED');
  });

  it('describes both routes in the OpenAPI document', async () => {
    const document = (await api.http().get('/api/docs-json')).body;

    expect(Object.keys(document.paths['/api/v1/evidence'])).toEqual(['post']);
    expect(Object.keys(document.paths['/api/v1/evidence/{id}'])).toEqual(['get']);
    expect(Object.keys(document.paths['/api/v1/evidence/{id}/meta'])).toEqual(['get']);
    expect(document.paths['/api/v1/evidence'].post.requestBody.content['multipart/form-data']).toBeDefined();
  });
});

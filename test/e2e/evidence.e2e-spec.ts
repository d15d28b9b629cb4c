import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { GetObjectCommand, S3Client } from '@aws-sdk/client-s3';
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
import { inspectEvidence } from '#evidence';
import { openApiFixture, type ApiFixture } from '../support/api-fixture.js';
import { localS3Credentials, startLocalS3, type LocalS3 } from '../support/local-s3.js';
import { temporaryEvidenceDir } from '../support/test-environment.js';

const V1 = '/api/v1';
const MAX_BYTES = 64 * 1024;
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
const blobPath = (key: string) => join(key.slice(0, 2), key.slice(2, 4), key);
const download = (api: ApiFixture, id: string, auth: { Authorization: string }) =>
  api.http().get(`${V1}/evidence/${id}`).set(auth).buffer(true).parse((response, done) => {
    const chunks: Buffer[] = [];
    response.on('data', (chunk: Buffer) => chunks.push(chunk));
    response.on('end', () => done(null, Buffer.concat(chunks)));
  });

describe('evidence: photos and signatures kept with their location removed (real API, PostgreSQL, blobs in a temporary folder)', () => {
  let api: ApiFixture;
  let staff: { Authorization: string };
  // A folder that does not exist yet: the API creates it as it starts.
  const evidenceDir = join(temporaryEvidenceDir(), 'not', 'yet', 'there');

  beforeAll(async () => {
    api = await openApiFixture({ EVIDENCE_MAX_BYTES: String(MAX_BYTES), EVIDENCE_DIR: evidenceDir });
    staff = api.as('sofia', ['staff'], ['north']);
  });
  afterAll(async () => {
    await api?.close();
  });

  const upload = (kind: string, bytes: Uint8Array, filename = 'upload.bin', auth = staff) =>
    api.http().post(`${V1}/evidence`).set(auth).field('kind', kind).attach('file', Buffer.from(bytes), filename);
  const downloadAsStaff = (id: string) => download(api, id, staff);
  const expectProblem = (response: Response, status: number, code: string) => {
    expect({ status: response.status, code: response.body?.code }).toEqual({ status, code });
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
  };
  const database = async () => api.app.get((await import('#persistence')).Database);
  const evidenceRows = async () => Number((await (await database()).query<{ n: string }>('SELECT count(*) AS n FROM evidence'))[0]?.n);
  const blobFiles = async () => (await readdir(evidenceDir, { recursive: true, withFileTypes: true })).filter((entry) => entry.isFile()).length;

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
    const served = await downloadAsStaff(response.body.id);
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
    const served = await downloadAsStaff(svg.body.id);
    expect(served.headers['content-type']).toBe('image/svg+xml');
    expect(served.headers['content-security-policy']).toMatch(/^sandbox/);
    expect((served.body as Buffer).toString()).toBe(SIGNATURE_SVG);
  });

  it('creates EVIDENCE_DIR as it starts, keeps the bytes there as ab/cd/<sha256> and only what they are in the table', async () => {
    const response = await upload('photo', jpegWithExif(), 'photo.jpg', api.as('uli', ['staff']));

    expect(response.status).toBe(201);
    const kept = await readFile(join(evidenceDir, blobPath(response.body.sha256)));
    expect(sha256(kept)).toBe(response.body.sha256);
    const [row] = await (await database()).query<{ bytes: Buffer | null; byteSize: number }>('SELECT bytes, byte_size AS "byteSize" FROM evidence WHERE id = $1', [response.body.id]);
    expect(row).toEqual({ bytes: null, byteSize: kept.length });
  });

  it('serves evidence written before the blob store from its row', async () => {
    const bytes = pngWithExif(undefined);
    const id = '0b7c9a52-4f1e-4d7a-9c36-2e5d8f1a6b40';
    await (await database()).query(
      `INSERT INTO evidence (id, kind, media_type, byte_size, sha256, bytes, uploaded_by) VALUES ($1, 'SIGNATURE', 'image/png', $2, $3, $4, 'sofia')`,
      [id, bytes.length, sha256(bytes), Buffer.from(bytes)],
    );

    const served = await downloadAsStaff(id);

    expect(served.status).toBe(200);
    expect(served.body).toEqual(Buffer.from(bytes));
    expect(served.headers.etag).toBe(`"${sha256(bytes)}"`);
  });

  it('never serves a blob changed behind its back: a 500, not bytes that no longer match the sha256', async () => {
    const kept = await upload('photo', pngWithExif(exifTiff({ gps: false })));
    await writeFile(join(evidenceDir, blobPath(kept.body.sha256)), 'tampered');

    const served = await downloadAsStaff(kept.body.id);

    expect(served.status).toBe(500);
    expect(served.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(JSON.parse((served.body as Buffer).toString()).status).toBe(500);
    expect((served.body as Buffer).includes('tampered')).toBe(false);
  });

  it('a row whose blob is gone is a 500, never an empty answer', async () => {
    const kept = await upload('signature', pngWithExif(exifTiff({ littleEndian: true, gps: false })));
    await rm(join(evidenceDir, blobPath(kept.body.sha256)));

    const served = await downloadAsStaff(kept.body.id);

    expect(served.status).toBe(500);
    expect(served.headers['content-type']).toMatch(/^application\/problem\+json/);
  });

  it('writes the blob before the row: when the store cannot take it, the upload fails and no row names a missing blob', async () => {
    const uma = api.as('uma', ['staff']);
    const image = heicWithExif(exifTiff({ thumbnailIfd: true, littleEndian: true }), { inIdat: true });
    const blob = join(evidenceDir, blobPath((await inspectEvidence('PHOTO', image)).sha256));
    const rows = await evidenceRows();
    await mkdir(join(blob, 'a folder where the blob goes'), { recursive: true });
    try {
      const response = await upload('photo', image, 'photo.heic', uma);

      expect(response.status).toBe(500);
      expect(await evidenceRows()).toBe(rows);
    } finally {
      await rm(blob, { recursive: true });
    }
    const retried = await upload('photo', image, 'photo.heic', uma);
    expect(retried.status).toBe(201);
    expect((await stat(blob)).isFile()).toBe(true);
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

    const blobs = await blobFiles();

    const again = await upload('photo', image, 'retry.jpg');

    expect(again.status).toBe(200);
    expect(again.body).toEqual(first.body);
    expect(await evidenceRows()).toBe(rows);
    expect(await blobFiles()).toBe(blobs);
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

describe('evidence kept in S3 (real API, s3rver in this process)', () => {
  let s3: LocalS3;
  let api: ApiFixture;

  beforeAll(async () => {
    s3 = await startLocalS3('consignments-evidence');
    api = await openApiFixture(s3.env);
  });
  afterAll(async () => {
    await api?.close();
    await s3?.close();
  });

  it('keeps the bytes as the object ab/cd/<sha256>, serves them back, and a re-upload writes nothing new', async () => {
    const staff = api.as('sofia', ['staff'], ['north']);
    const image = jpegWithExif();
    const send = () => api.http().post(`${V1}/evidence`).set(staff).field('kind', 'photo').attach('file', Buffer.from(image), 'photo.jpg');

    const created = await send();

    expect(created.status).toBe(201);
    const client = new S3Client({ endpoint: s3.endpoint, region: 'us-east-1', forcePathStyle: true, credentials: localS3Credentials });
    try {
      const object = await client.send(new GetObjectCommand({ Bucket: s3.bucket, Key: blobPath(created.body.sha256) }));
      expect(object.ContentType).toBe('image/jpeg');
      expect(sha256(await object.Body!.transformToByteArray())).toBe(created.body.sha256);
    } finally {
      client.destroy();
    }
    const served = await download(api, created.body.id, staff);
    expect(served.status).toBe(200);
    expect(sha256(served.body as Buffer)).toBe(created.body.sha256);
    expect(containsBytes(served.body as Buffer, gpsFingerprint(false))).toBe(false);
    const again = await send();
    expect({ status: again.status, body: again.body }).toEqual({ status: 200, body: created.body });
  });
});

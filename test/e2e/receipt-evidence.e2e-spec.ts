import { createHash, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Database, rebuildProjections } from '#persistence';
import { jpegWithExif, pngWithExif, SIGNATURE_SVG } from '../../libs/evidence/src/testing/sample-images.js';
import type { ApiFixture } from '../support/api-fixture.js';
import { expectProblem, expectStatus, MUGS, openScenario, SPOONS, V1, type Auth, type Client, type Scenario } from '../support/transfers-client.js';
import { writeFingerprint } from '../support/write-fingerprint.js';

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/**
 * Sam takes delivery at south of what Ana sent from north: a photo of the mugs (one was chipped) and
 * the driver's signature go with his receipt, and whoever may read the transfer can check them later.
 */
describe('evidence attached to a receipt (real API, PostgreSQL)', () => {
  let api: ApiFixture;
  let http: Client;
  let who: Scenario['who'];
  let step: Scenario['step'];
  /** Eve works at the east outlet: the transfer is none of hers. */
  let eve: Auth;

  beforeAll(async () => {
    ({ api, http, who, step } = await openScenario());
    eve = api.as('eve', ['staff'], ['east']);
  });
  afterAll(async () => {
    await api?.close();
  });

  const upload = async (auth: Auth, kind: 'photo' | 'signature', bytes: Uint8Array | string) =>
    expectStatus(await api.http().post(`${V1}/evidence`).set(auth).field('kind', kind).attach('file', Buffer.from(bytes), 'upload.bin'), 201).body as {
      id: string;
      sha256: string;
    };
  /** A photo no one has uploaded before (one byte of its EXIF camera make differs). */
  let photos = 0;
  const freshPhoto = () => {
    const bytes = jpegWithExif();
    const at = Buffer.from(bytes).indexOf('Consignments');
    bytes[at] = 0x41 + (photos++ % 26);
    bytes[at + 1] = 0x41 + Math.floor(photos / 26);
    return bytes;
  };
  const receive = (auth: Auth, id: string, body: Record<string, unknown>, headers: Record<string, string> = {}) =>
    http.post(`/transfers/${id}/receive`, auth, { receiptId: randomUUID(), final: false, lines: [{ productId: MUGS, receivedQuantity: 9 }], ...body }, headers);
  const evidenceOf = (auth: Auth, id: string) => http.get(`/transfers/${id}/evidence`, auth);
  const rowsOf = async (transferId: string) =>
    Number((await api.app.get(Database).query<{ n: string }>('SELECT count(*) AS n FROM transfer_evidence WHERE transfer_id = $1', [transferId]))[0]?.n);

  it('records a photo of a line and a signature of the delivery, with their SHA-256, in the event, the transfer and its evidence list', async () => {
    const sent = await step.sentOutletTransfer(who.ana);
    const photo = await upload(who.sam, 'photo', freshPhoto());
    const signature = await upload(who.sam, 'signature', SIGNATURE_SVG);
    const receiptId = randomUUID();

    const received = expectStatus(
      await receive(who.sam, sent.id, { receiptId, evidence: [{ evidenceId: photo.id, productId: MUGS }, { evidenceId: signature.id.toUpperCase() }] }),
      200,
    ).body;

    const attached = [
      { evidenceId: photo.id, kind: 'PHOTO', sha256: photo.sha256, productId: MUGS },
      { evidenceId: signature.id, kind: 'SIGNATURE', sha256: signature.sha256, productId: null },
    ];
    expect(received.receipts).toEqual([{ receiptId, by: 'sam', at: expect.any(String), version: received.version, final: false, evidence: attached }]);
    expect((await step.detail(who.maria, sent.id)).receipts).toEqual(received.receipts);

    const events = await step.events(who.maria, sent.id);
    const recorded = events.find((event) => event.type === 'ReceiptRecorded');
    expect(recorded).toMatchObject({ schemaVersion: 2, data: { receiptId, evidence: attached } });

    const listed = expectStatus(await evidenceOf(who.audrey, sent.id), 200).body.items;
    const receipt = { receiptId, by: 'sam', at: received.receipts[0].at, version: received.version };
    expect(listed).toEqual(
      expect.arrayContaining(attached.map((item) => ({ ...item, receipt, href: `${V1}/evidence/${item.evidenceId}` }))),
    );
    expect(listed).toHaveLength(2);
    const download = await api.http().get(listed[0].href).set(who.audrey).buffer(true);
    expect(download.status).toBe(200);
  });

  it('shows the evidence to managers, auditors and staff of either outlet, and to no one else: 404 as if there were none', async () => {
    const sent = await step.sentOutletTransfer(who.ana);
    const photo = await upload(who.sam, 'photo', freshPhoto());
    expectStatus(await receive(who.sam, sent.id, { evidence: [{ evidenceId: photo.id, productId: MUGS }] }), 200);

    for (const reader of [who.maria, who.audrey, who.ana, who.sam]) {
      expect(expectStatus(await evidenceOf(reader, sent.id), 200).body.items.map((item: { evidenceId: string }) => item.evidenceId)).toEqual([photo.id]);
      expectStatus(await http.get(`/evidence/${photo.id}/meta`, reader), 200);
      const bytes = await api.http().get(`${V1}/evidence/${photo.id}`).set(reader).buffer(true).parse((response, done) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => done(null, Buffer.concat(chunks)));
      });
      expect(sha256(bytes.body as Buffer)).toBe(photo.sha256);
    }
    expectProblem(await evidenceOf(eve, sent.id), 404, 'TRANSFER_NOT_FOUND');
    expectProblem(await http.get(`/evidence/${photo.id}`, eve), 404, 'EVIDENCE_NOT_FOUND');
    expectProblem(await http.get(`/evidence/${photo.id}/meta`, eve), 404, 'EVIDENCE_NOT_FOUND');
    expectProblem(await evidenceOf(who.audrey, randomUUID()), 404, 'TRANSFER_NOT_FOUND');
  });

  it("keeps evidence attached to nothing private to its uploader", async () => {
    const photo = await upload(who.sam, 'photo', freshPhoto());
    expectStatus(await http.get(`/evidence/${photo.id}/meta`, who.sam), 200);
    for (const other of [who.audrey, who.maria, who.ana]) expectProblem(await http.get(`/evidence/${photo.id}`, other), 404, 'EVIDENCE_NOT_FOUND');
  });

  it("refuses someone else's evidence exactly like an unknown id, and a product the transfer does not hold, writing nothing", async () => {
    const sent = await step.sentOutletTransfer(who.ana);
    const anas = await upload(who.ana, 'photo', freshPhoto());
    const unknown = randomUUID();
    const sams = await upload(who.sam, 'photo', freshPhoto());
    const before = await writeFingerprint(api);

    const theirs = expectProblem(await receive(who.sam, sent.id, { evidence: [{ evidenceId: anas.id }] }), 422, 'EVIDENCE_UNAVAILABLE');
    const missing = expectProblem(await receive(who.sam, sent.id, { evidence: [{ evidenceId: unknown }] }), 422, 'EVIDENCE_UNAVAILABLE');
    expect(theirs.evidenceId).toBe(anas.id);
    expect(missing.evidenceId).toBe(unknown);
    expect(theirs.detail.replace(anas.id, '<id>')).toBe(missing.detail.replace(unknown, '<id>'));
    const product = expectProblem(
      await receive(who.sam, sent.id, { evidence: [{ evidenceId: sams.id, productId: SPOONS }] }),
      422,
      'EVIDENCE_PRODUCT_NOT_ON_TRANSFER',
    );
    expect(product).toMatchObject({ evidenceId: sams.id, productId: SPOONS });
    expect(await writeFingerprint(api)).toEqual(before);
  });

  it.each([
    ['an id that is no UUID', [{ evidenceId: 'photo-1' }], 'evidence.0.evidenceId'],
    ['an entry without an id', [{ productId: MUGS }], 'evidence.0.evidenceId'],
    ['an empty product', [{ evidenceId: randomUUID(), productId: '' }], 'evidence.0.productId'],
    ['a product that is no text', [{ evidenceId: randomUUID(), productId: 7 }], 'evidence.0.productId'],
    ['the same id twice (in any letter case)', [{ evidenceId: 'A0EEBC99-9C0B-4EF8-BB6D-6BB9BD380A11' }, { evidenceId: 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11' }], 'evidence'],
    ['more than 20 items', Array.from({ length: 21 }, () => ({ evidenceId: randomUUID() })), 'evidence'],
    ['no list', { evidenceId: randomUUID() }, 'evidence'],
  ])('400 for %s, naming the field', async (_case, evidence, field) => {
    const sent = await step.sentOutletTransfer(who.ana);
    const problem = expectProblem(await receive(who.sam, sent.id, { evidence }), 400, 'VALIDATION_FAILED');
    expect(problem.errors.map((error: { field: string }) => error.field)).toContain(field);
  });

  it('replays the first answer for the same Idempotency-Key and attaches the evidence once; a repeated receipt id likewise', async () => {
    const sent = await step.sentOutletTransfer(who.ana);
    const photo = await upload(who.sam, 'photo', freshPhoto());
    const body = { receiptId: randomUUID(), evidence: [{ evidenceId: photo.id, productId: MUGS }] };
    const key = { 'Idempotency-Key': randomUUID() };

    const first = expectStatus(await receive(who.sam, sent.id, body, key), 200);
    const again = expectStatus(await receive(who.sam, sent.id, body, key), 200);
    const sameReceipt = expectStatus(await receive(who.sam, sent.id, body), 200);

    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.body).toEqual(first.body);
    expect(sameReceipt.headers['idempotent-replayed']).toBe('true');
    expect(sameReceipt.body).toEqual(first.body);
    expect((await step.events(who.maria, sent.id)).filter((event) => event.type === 'ReceiptRecorded')).toHaveLength(1);
    expect(await rowsOf(sent.id)).toBe(1);
    const otherEvidence = expectProblem(await receive(who.sam, sent.id, { ...body, evidence: [] }), 409, 'RECEIPT_ID_CONFLICT');
    expect(otherEvidence.differences).toEqual(['evidence']);
  });

  it('rebuilds the evidence read model from the events, row for row', async () => {
    const sent = await step.sentOutletTransfer(who.ana);
    const photo = await upload(who.sam, 'photo', pngWithExif());
    expectStatus(await receive(who.sam, sent.id, { evidence: [{ evidenceId: photo.id }] }), 200);
    const database = api.app.get(Database);
    const rows = () => database.query('SELECT * FROM transfer_evidence ORDER BY transfer_id, receipt_id, evidence_id');
    const live = await rows();
    expect(live.length).toBeGreaterThan(0);

    await rebuildProjections(database);

    expect(await rows()).toEqual(live);
  });
});

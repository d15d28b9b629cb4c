import { createHmac, randomBytes, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { getQueueToken } from '@nestjs/bull';
import type { Queue } from 'bull';
import pg from 'pg';
import { signatureHeader } from '../../apps/lightspeed-sandbox/src/webhooks/sign-body.js';
import { INBOUND_QUEUE, type WebhookJob } from '#lightspeed';
import { openApiFixture, type ApiFixture } from '../support/api-fixture.js';
import { expectProblem } from '../support/transfers-client.js';

const SECRET = randomBytes(24).toString('base64url');

/** A delivery as Lightspeed sends it: form-encoded, the object as JSON in `payload` (REFERENCE §7). */
function deliveryOf(object: Record<string, unknown>): string {
  return new URLSearchParams({ payload: JSON.stringify(object), domain_prefix: 'shop' }).toString();
}

const consignment = (id: string, version: number, status = 'RECEIVED') => deliveryOf({ id, type: 'OUTLET', status, version });
const hmac = (body: string, secret = SECRET, algorithm = 'sha256') => createHmac(algorithm, secret).update(body);

/**
 * Lightspeed signs a delivery with `X-Signature: signature=<hex HMAC-SHA256 of the raw body>` keyed
 * with the app's client secret, and signs nothing else: no timestamp, no delivery id. So a forged or
 * altered delivery is refused by the signature, a replay by the record of what was already taken,
 * and a stale one does no harm because a delivery is only a hint to read the object again.
 * (test/e2e/lightspeed-inbound.e2e-spec.ts shows the worker acting on the sandbox's deliveries and
 * a replay of one of them.)
 */
describe('Lightspeed webhook signatures', () => {
  let api: ApiFixture;
  let database: pg.Pool;
  let queue: Queue<WebhookJob>;

  beforeAll(async () => {
    api = await openApiFixture({ LIGHTSPEED_CLIENT_SECRET: SECRET });
    database = new pg.Pool({ connectionString: api.database.url, max: 1 });
    queue = api.app.get<Queue<WebhookJob>>(getQueueToken(INBOUND_QUEUE));
  });
  afterAll(async () => {
    await database?.end();
    await api?.close();
  });

  const deliver = (body: string, signature?: string, contentType = 'application/x-www-form-urlencoded') => {
    const call = api.http().post('/webhooks/lightspeed').set('content-type', contentType);
    return (signature === undefined ? call : call.set('x-signature', signature)).send(body);
  };
  /** What the API kept of deliveries: recorded rows and queued jobs. */
  const taken = async () => ({
    recorded: Number((await database.query('SELECT count(*) FROM webhook_deliveries')).rows[0].count),
    queued: await queue.count(),
  });

  it('takes a correctly signed delivery: recorded once, queued once, as a hint naming only the object', async () => {
    const id = randomUUID();
    const body = consignment(id, 7);
    const before = await taken();
    const response = await deliver(body, signatureHeader(body, SECRET));
    expect({ status: response.status, body: response.body }).toEqual({ status: 202, body: { accepted: true, duplicate: false } });
    expect(await taken()).toEqual({ recorded: before.recorded + 1, queued: before.queued + 1 });
    // Nothing of the payload's state travels on: the worker reads the consignment from Lightspeed.
    expect((await queue.getJob(`read:consignment:${id}:0`))?.data).toEqual({ dedupeKey: `consignment:${id}:7`, kind: 'consignment', objectId: id });
  });

  describe('refuses with 401 INVALID_SIGNATURE, recording and queueing nothing', () => {
    const body = consignment('forged-consignment', 1, 'CANCELLED');
    const genuineOtherBody = consignment('forged-consignment', 1, 'OPEN');
    it.each([
      ['no X-Signature header', undefined, body],
      ['an empty X-Signature', '', body],
      ['no signature field', 'algorithm=HMAC-SHA256', body],
      ['a signature that is not hex', 'signature=zz,algorithm=HMAC-SHA256', body],
      ['signed with the wrong secret', signatureHeader(body, 'not-the-client-secret'), body],
      ['signed with an empty secret', signatureHeader(body, ''), body],
      ["another body's genuine signature", signatureHeader(genuineOtherBody, SECRET), body],
      ['a signed body altered afterwards', signatureHeader(body, SECRET), `${body}&status=RECEIVED`],
      ['the right HMAC, base64 instead of hex', `signature=${hmac(body).digest('base64')},algorithm=HMAC-SHA256`, body],
      ['the right HMAC, truncated', `signature=${hmac(body).digest('hex').slice(0, 63)},algorithm=HMAC-SHA256`, body],
      ['the right HMAC, doubled', `signature=${hmac(body).digest('hex').repeat(2)},algorithm=HMAC-SHA256`, body],
      ['the right HMAC under another algorithm name', `signature=${hmac(body).digest('hex')},algorithm=HMAC-SHA1`, body],
      ['an HMAC-SHA1 keyed with the secret', `signature=${hmac(body, SECRET, 'sha1').digest('hex')},algorithm=HMAC-SHA1`, body],
      ['a signature of the empty body', signatureHeader('', SECRET), body],
    ])('%s', async (_what, signature, sent) => {
      const before = await taken();
      const response = await deliver(sent, signature);
      expectProblem(response, 401, 'INVALID_SIGNATURE');
      expect(await taken()).toEqual(before);
    });
  });

  it('takes a signed delivery naming an id PostgreSQL cannot store as about no object, not as a 500', async () => {
    const body = deliveryOf({ id: 'bad\u0000id', type: 'OUTLET', status: 'SENT', version: 1 });
    expect(body).not.toContain('%00'); // JSON escapes the NUL, so it reaches the parsed payload, not the form
    const response = await deliver(body, signatureHeader(body, SECRET));
    expect({ status: response.status, body: response.body }).toEqual({ status: 202, body: { accepted: true, duplicate: false } });
  });

  describe('replays', () => {
    it('acknowledges the same delivery again without recording or queueing it twice', async () => {
      const body = consignment(randomUUID(), 3);
      const signature = signatureHeader(body, SECRET);
      expect((await deliver(body, signature)).body).toEqual({ accepted: true, duplicate: false });
      const before = await taken();
      for (let replay = 0; replay < 3; replay++) {
        const response = await deliver(body, signature);
        expect({ status: response.status, body: response.body }).toEqual({ status: 202, body: { accepted: true, duplicate: true } });
      }
      expect(await taken()).toEqual(before);
    });

    it('takes exactly one of the same delivery arriving many times at once', async () => {
      const body = consignment(randomUUID(), 4);
      const signature = signatureHeader(body, SECRET);
      const before = await taken();
      const responses = await Promise.all(Array.from({ length: 8 }, () => deliver(body, signature)));
      expect(responses.map((response) => response.status)).toEqual(Array(8).fill(202));
      expect(responses.filter((response) => response.body.duplicate === false)).toHaveLength(1);
      expect(await taken()).toEqual({ recorded: before.recorded + 1, queued: before.queued + 1 });
    });

    it('treats a delivery re-encoded with the same meaning as the same object version', async () => {
      const id = randomUUID();
      const first = deliveryOf({ id, type: 'OUTLET', status: 'SENT', version: 9 });
      const reordered = deliveryOf({ version: 9, status: 'SENT', type: 'OUTLET', id });
      expect((await deliver(first, signatureHeader(first, SECRET))).body.duplicate).toBe(false);
      expect((await deliver(reordered, signatureHeader(reordered, SECRET))).body.duplicate).toBe(true);
    });
  });

  it('takes an older version arriving after a newer one only as a hint to read the object again', async () => {
    const id = randomUUID();
    const newer = consignment(id, 12, 'RECEIVED');
    const stale = consignment(id, 11, 'SENT');
    await deliver(newer, signatureHeader(newer, SECRET));
    const before = await taken();
    const response = await deliver(stale, signatureHeader(stale, SECRET));
    expect(response.status).toBe(202);
    // No timestamp is signed to refuse it by, and refusing would make Lightspeed retry it for 48 h;
    // its SENT status is never read: it joins the read of the consignment still queued, which
    // fetches the current state.
    expect(await taken()).toEqual({ recorded: before.recorded + 1, queued: before.queued });
    expect((await queue.getJob(`read:consignment:${id}:0`))?.data).toEqual({ dedupeKey: `consignment:${id}:12`, kind: 'consignment', objectId: id });
  });
});

import { Readable } from 'node:stream';
import type { FastifyReply } from 'fastify';

/**
 * Answers 200 with a JSON document that arrives in pieces, writing each as it comes (with back
 * pressure: the next piece is only asked for once the socket has taken the last). The first piece is
 * awaited before anything is sent, so a request that fails at once still gets its problem+json.
 */
export async function sendJsonPieces(reply: FastifyReply, pieces: AsyncGenerator<string>): Promise<void> {
  const first = await pieces.next();
  async function* all(): AsyncGenerator<string> {
    if (!first.done) yield first.value;
    yield* pieces;
  }
  await reply.type('application/json; charset=utf-8').send(Readable.from(all(), { objectMode: false }));
}

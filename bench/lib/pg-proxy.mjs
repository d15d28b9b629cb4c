// A TCP proxy in front of PostgreSQL that counts round trips: the frontend messages after which a
// client waits for the server — a simple Query ('Q'), or a Sync ('S') that ends a batch of extended-
// protocol messages (Parse/Bind/Describe/Execute). Bytes pass through untouched.
import { connect, createServer } from 'node:net';

const UNTYPED_REQUEST_CODES = new Set([80877103 /* SSLRequest */, 80877104 /* GSSENCRequest */]);
const ROUND_TRIP_ENDS = new Set(['Q'.charCodeAt(0), 'S'.charCodeAt(0)]);

/**
 * Reads one connection's frontend stream chunk by chunk. Until the startup message the messages
 * carry no type byte (length, then code); after it every message is type byte + int32 length.
 */
export function frontendMessageCounter(onRoundTrip) {
  let typed = false;
  let header = Buffer.alloc(0);
  let skip = 0;
  return (chunk) => {
    let offset = 0;
    while (offset < chunk.length) {
      if (skip > 0) {
        const skipped = Math.min(skip, chunk.length - offset);
        skip -= skipped;
        offset += skipped;
        continue;
      }
      const headerSize = typed ? 5 : 8;
      const taken = Math.min(headerSize - header.length, chunk.length - offset);
      header = Buffer.concat([header, chunk.subarray(offset, offset + taken)]);
      offset += taken;
      if (header.length < headerSize) return;
      if (typed) {
        if (ROUND_TRIP_ENDS.has(header[0])) onRoundTrip();
        skip = header.readInt32BE(1) - 4;
      } else {
        // A startup message (or a cancel request) ends the untyped phase; an SSL/GSS probe does not.
        typed = !UNTYPED_REQUEST_CODES.has(header.readInt32BE(4));
        skip = header.readInt32BE(0) - 8;
      }
      header = Buffer.alloc(0);
    }
  };
}

/** Listens on a free local port and forwards to `target` (a postgres:// URL); `roundTrips()` is the running count. */
export async function startPgProxy(target) {
  const upstream = new URL(target);
  let roundTrips = 0;
  const sockets = new Set();
  const server = createServer((client) => {
    const server = connect(Number(upstream.port || 5432), upstream.hostname);
    for (const socket of [client, server]) {
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
      socket.on('error', () => {
        client.destroy();
        server.destroy();
      });
    }
    const count = frontendMessageCounter(() => roundTrips++);
    client.on('data', (chunk) => {
      count(chunk);
      if (!server.write(chunk)) client.pause();
    });
    server.on('drain', () => client.resume());
    server.pipe(client);
    client.on('end', () => server.end());
  });
  await new Promise((resolve, reject) => server.listen(0, '127.0.0.1', resolve).once('error', reject));
  const proxiedUrl = new URL(target);
  proxiedUrl.hostname = '127.0.0.1';
  proxiedUrl.port = String(server.address().port);
  return {
    url: proxiedUrl.toString(),
    roundTrips: () => roundTrips,
    close: () =>
      new Promise((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

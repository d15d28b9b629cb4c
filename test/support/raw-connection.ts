import { connect, type Socket } from 'node:net';

export interface WireAnswer {
  status: number;
  /** The status line and headers, lower-cased. */
  head: string;
  body: string;
}

/** Splits what a server wrote into its first answer's status, head and body. */
export function parseAnswer(bytes: string): WireAnswer {
  const [head = '', ...rest] = bytes.split('\r\n\r\n');
  return { status: Number(head.split(' ')[1]), head: head.toLowerCase(), body: rest.join('\r\n\r\n') };
}

/**
 * A TCP connection driven byte by byte, for clients no HTTP library would be: ones that trickle,
 * stall or sit idle. `closed` settles when the socket is gone, with everything the server wrote.
 */
export class RawConnection {
  private readonly socket: Socket;
  private received = '';
  private trickling: NodeJS.Timeout | undefined;
  /** Everything the server wrote, once the connection has closed (by either side, or reset). */
  readonly closed: Promise<string>;
  /** Settles when the connection is established (rejects if it never is). */
  readonly connected: Promise<void>;

  constructor(port: number, host = '127.0.0.1') {
    this.socket = connect(port, host);
    this.socket.setEncoding('utf8');
    this.socket.on('data', (chunk: string) => (this.received += chunk));
    this.socket.on('error', () => undefined);
    this.connected = new Promise((resolve, reject) => {
      this.socket.once('connect', resolve);
      this.socket.once('close', () => reject(new Error('closed before connecting')));
    });
    this.closed = new Promise((resolve) =>
      this.socket.once('close', () => {
        clearInterval(this.trickling);
        resolve(this.received);
      }),
    );
  }

  get open(): boolean {
    return !this.socket.destroyed;
  }

  /** What the server has written so far. */
  get answerSoFar(): string {
    return this.received;
  }

  write(bytes: string): void {
    this.socket.write(bytes);
  }

  /**
   * Sends `bytes` one at a time, one every `everyMs`, starting over at the end; never finishes on its own
   * unless `upTo` bytes are given. A client that stops before the server gives up reads its answer
   * reliably: a byte arriving after the server closed makes it reset the connection, and a reset may
   * discard an answer the client had not read yet.
   */
  trickle(bytes: string, everyMs: number, upTo = Infinity): void {
    let next = 0;
    this.trickling = setInterval(() => {
      if (this.socket.destroyed || !this.socket.writable || next >= upTo) return clearInterval(this.trickling);
      this.socket.write(bytes[next % bytes.length]!);
      next++;
    }, everyMs);
  }

  /** Resolves once the server has written something matching `pattern`, or the connection closed. */
  waitFor(pattern: RegExp): Promise<string> {
    return new Promise((resolve) => {
      const check = () => {
        if (!pattern.test(this.received) && !this.socket.destroyed) return;
        this.socket.off('data', check).off('close', check);
        resolve(this.received);
      };
      this.socket.on('data', check).on('close', check);
      check();
    });
  }

  destroy(): void {
    clearInterval(this.trickling);
    this.socket.destroy();
  }
}

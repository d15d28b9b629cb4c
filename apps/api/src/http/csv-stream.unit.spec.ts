import { describe, expect, it } from '@jest/globals';
import { get } from 'node:http';
import type { AddressInfo } from 'node:net';
import Fastify from 'fastify';
import { csvFileName, guardFormula, sendCsv, type CsvColumn } from './csv-stream.js';

const COLUMNS: CsvColumn<{ text: string }>[] = [{ header: 'text', cell: (row) => row.text }];

describe('CSV answers', () => {
  it('keeps a spreadsheet from reading a cell as a formula, but leaves plain numbers alone', () => {
    expect(['=1+2', '+A1', '-A1', '@SUM(A1)', '\tx', '\rx'].map(guardFormula)).toEqual(["'=1+2", "'+A1", "'-A1", "'@SUM(A1)", "'\tx", "'\rx"]);
    expect(['-12.50', '-3', 'plain', 'a=b', ''].map(guardFormula)).toEqual(['-12.50', '-3', 'plain', 'a=b', '']);
  });

  it('names a file by its kind and the UTC time', () => {
    expect(csvFileName('audit', new Date('2026-12-06T15:33:39.123Z'))).toBe('audit-20261206T153339Z.csv');
  });

  it('aborts the connection when the rows fail once the file has begun, so a cut file never looks whole', async () => {
    const app = Fastify();
    app.get('/broken', async (_request, reply) => {
      async function* rows() {
        yield { text: 'first' };
        throw new Error('the database went away');
      }
      await sendCsv(reply, 'broken', COLUMNS, rows());
    });
    await app.listen({ port: 0, host: '127.0.0.1' });
    try {
      const { port } = app.server.address() as AddressInfo;
      const outcome = await new Promise<{ status: number; aborted: boolean; body: string }>((resolve) => {
        get({ port, host: '127.0.0.1', path: '/broken' }, (response) => {
          let body = '';
          response.setEncoding('utf8');
          response.on('data', (chunk: string) => (body += chunk));
          response.on('close', () => resolve({ status: response.statusCode ?? 0, aborted: !response.complete, body }));
        });
      });
      expect(outcome).toEqual({ status: 200, aborted: true, body: expect.stringContaining('text\nfirst\n') });
    } finally {
      await app.close();
    }
  });

  it('answers with the error, not a file, when the rows fail before the first', async () => {
    const app = Fastify();
    app.get('/failing', async (_request, reply) => {
      async function* rows(): AsyncGenerator<{ text: string }> {
        throw new Error('no database');
      }
      await sendCsv(reply, 'failing', COLUMNS, rows());
    });
    const response = await app.inject({ method: 'GET', url: '/failing' });
    expect(response.statusCode).toBe(500);
    expect(response.headers['content-type']).not.toMatch(/csv/);
    await app.close();
  });
});

import { randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { describeBlobStoreContract, HOSTILE_KEYS } from '../testing/blob-store-contract.js';
import { blobKeyOf, blobPath } from './blob-key.js';
import { FilesystemBlobStore } from './filesystem-blob-store.js';

describe('the filesystem blob store (a temporary directory)', () => {
  let parent: string;
  let store: FilesystemBlobStore;

  beforeAll(async () => {
    parent = await mkdtemp(join(tmpdir(), 'consignments-blobs-'));
    store = await FilesystemBlobStore.open(join(parent, 'nested', 'evidence'));
  });
  afterAll(async () => {
    await rm(parent, { recursive: true, force: true });
  });

  describeBlobStoreContract('filesystem', () => store);

  it('creates its directory, parents included, on open', async () => {
    expect((await stat(join(parent, 'nested', 'evidence'))).isDirectory()).toBe(true);
  });

  it('keeps a blob at ab/cd/<sha256> inside its directory, and no temporary file beside it', async () => {
    const bytes = randomBytes(64);
    const key = blobKeyOf(bytes);

    await store.put(key, bytes, 'image/png');

    const file = join(store.directory, key.slice(0, 2), key.slice(2, 4), key);
    expect(await readFile(file)).toEqual(bytes);
    expect(await readdir(join(store.directory, key.slice(0, 2), key.slice(2, 4)))).toEqual([key]);
  });

  it('never reads the temporary file a crashed write left, and writes the blob whole afterwards', async () => {
    const bytes = randomBytes(4096);
    const key = blobKeyOf(bytes);
    const folder = join(store.directory, key.slice(0, 2), key.slice(2, 4));
    await mkdir(folder, { recursive: true });
    await writeFile(join(folder, `${key}.0123456789ab.tmp`), bytes.subarray(0, 100));

    expect(await store.exists(key)).toBe(false);
    expect(await store.get(key)).toBeUndefined();
    await store.put(key, bytes, 'image/png');
    expect(await store.get(key)).toEqual(bytes);
  });

  it('a write that cannot be put in place fails, leaving no temporary file', async () => {
    const bytes = randomBytes(32);
    const key = blobKeyOf(bytes);
    const blocker = join(store.directory, blobPath(key));
    await mkdir(join(blocker, 'occupied'), { recursive: true });

    await expect(store.put(key, bytes, 'image/png')).rejects.toThrow();

    expect((await readdir(join(blocker, '..'))).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });

  it('no key reaches outside its directory: a file beside the store stays unread and unwritten', async () => {
    const outside = join(parent, 'nested', 'secret.txt');
    await writeFile(outside, 'outside the store');
    const before = await readdir(parent, { recursive: true });

    for (const key of [...HOSTILE_KEYS, '../secret.txt', '../../nested/secret.txt']) {
      await expect(store.get(key)).rejects.toThrow(/not a blob key/);
      await expect(store.put(key, Buffer.from('overwritten'), 'text/plain')).rejects.toThrow(/not a blob key/);
    }

    expect(await readFile(outside, 'utf8')).toBe('outside the store');
    expect(await readdir(parent, { recursive: true })).toEqual(before);
  });
});

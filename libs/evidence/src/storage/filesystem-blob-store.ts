import { randomBytes } from 'node:crypto';
import { mkdir, open, readFile, rename, rm, stat } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { blobPath, contentPath } from './blob-key.js';
import type { BlobStore } from './blob-store.js';

const isMissing = (error: unknown) => (error as NodeJS.ErrnoException).code === 'ENOENT';

/**
 * Blobs as files under one directory (`ab/cd/<sha256>`). A blob is written to a temporary file in
 * its final folder, flushed to disk and then renamed into place, so a crash leaves either the whole
 * blob or none (at most a stray `.tmp` file, never read).
 */
export class FilesystemBlobStore implements BlobStore {
  private constructor(readonly directory: string) {}

  /** The store in this directory, created (with its parents) if missing. */
  static async open(directory: string): Promise<FilesystemBlobStore> {
    const root = resolve(directory);
    await mkdir(root, { recursive: true });
    return new FilesystemBlobStore(root);
  }

  /** The media type is the evidence row's to keep; a file is only its bytes. */
  async put(key: string, bytes: Uint8Array, _mediaType?: string): Promise<void> {
    const file = join(this.directory, contentPath(key, bytes));
    if (await this.isFile(file)) return;
    await mkdir(dirname(file), { recursive: true });
    const temporary = `${file}.${randomBytes(6).toString('hex')}.tmp`;
    try {
      const handle = await open(temporary, 'wx', 0o640);
      try {
        await handle.writeFile(bytes);
        await handle.sync();
      } finally {
        await handle.close();
      }
      await rename(temporary, file);
    } catch (error) {
      await rm(temporary, { force: true });
      throw error;
    }
  }

  async get(key: string): Promise<Buffer | undefined> {
    const file = join(this.directory, blobPath(key));
    try {
      return await readFile(file);
    } catch (error) {
      if (isMissing(error)) return undefined;
      throw error;
    }
  }

  async exists(key: string): Promise<boolean> {
    return this.isFile(join(this.directory, blobPath(key)));
  }

  close(): void {}

  private async isFile(file: string): Promise<boolean> {
    try {
      return (await stat(file)).isFile();
    } catch (error) {
      if (isMissing(error)) return false;
      throw error;
    }
  }
}

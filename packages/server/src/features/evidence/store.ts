import { createReadStream, existsSync } from 'node:fs';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Readable } from 'node:stream';

/** Content-addressed file storage: a file's path is its SHA-256. An object store can implement the same interface. */
export interface FileStore {
  put(sha256: string, bytes: Buffer): Promise<void>;
  has(sha256: string): Promise<boolean>;
  open(sha256: string): Readable;
}

export class DiskFileStore implements FileStore {
  constructor(private readonly root: string) {}

  private path(sha256: string): string {
    if (!/^[0-9a-f]{64}$/.test(sha256)) throw new RangeError('not a SHA-256 hex digest');
    return join(this.root, sha256.slice(0, 2), sha256.slice(2, 4), sha256);
  }

  async put(sha256: string, bytes: Buffer): Promise<void> {
    const target = this.path(sha256);
    if (existsSync(target)) return;
    await mkdir(join(target, '..'), { recursive: true });
    // Write then rename, so a crash never leaves a half-written file under a valid name.
    const tmp = `${target}.${process.pid}.tmp`;
    await writeFile(tmp, bytes, { mode: 0o640 });
    await rename(tmp, target);
  }

  async has(sha256: string): Promise<boolean> {
    return existsSync(this.path(sha256));
  }

  open(sha256: string): Readable {
    return createReadStream(this.path(sha256));
  }
}

import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';

/** Where image bytes live; the disk adapter ships, an object store (OSS/S3) can replace it. */
export interface ImageStorage {
  /** Stores bytes under their SHA-256 and returns it; storing the same bytes twice is a no-op. */
  put(bytes: Uint8Array): Promise<string>;
  get(contentHash: string): Promise<Uint8Array | null>;
}

export function contentHash(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

export function createDiskImageStorage(root: string): ImageStorage {
  const fileFor = (hash: string) => path.join(root, hash.slice(0, 2), hash.slice(2, 4), hash);
  return {
    async put(bytes) {
      const hash = contentHash(bytes);
      const file = fileFor(hash);
      await mkdir(path.dirname(file), { recursive: true });
      // Write then rename, so a reader never sees half a file.
      const temporary = `${file}.${process.pid}.${Date.now()}.tmp`;
      await writeFile(temporary, bytes);
      await rename(temporary, file);
      return hash;
    },
    async get(hash) {
      if (!/^[0-9a-f]{64}$/.test(hash)) return null;
      return readFile(fileFor(hash)).catch(() => null);
    },
  };
}

export type ImageType = 'image/jpeg' | 'image/png' | 'image/webp';

/** The type by the file's own first bytes: a client's Content-Type or file name is not trusted. */
export function sniffImageType(bytes: Uint8Array): ImageType | null {
  const startsWith = (signature: number[], offset = 0) =>
    signature.every((byte, i) => bytes[offset + i] === byte);
  if (startsWith([0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (startsWith([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (startsWith([0x52, 0x49, 0x46, 0x46]) && startsWith([0x57, 0x45, 0x42, 0x50], 8)) return 'image/webp';
  return null;
}

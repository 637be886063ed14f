import { randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';

/**
 * Where uploaded files live. Keys are relative paths with forward slashes
 * (`reports/2026/05/ab12….jpg`); an implementation maps them to its medium. The local-disk
 * one keeps them under `<dataDir>/uploads`, outside the web root: files are served only
 * through routes that check the user's scope.
 */
export interface Storage {
  put(key: string, data: Buffer): Promise<void>;
  read(key: string): Promise<{ stream: Readable; size: number }>;
  remove(key: string): Promise<void>;
}

const KEY_RE = /^[a-z0-9][a-z0-9/_-]*(\.[a-z0-9]+){0,2}$/;

export function localStorage(root: string): Storage {
  const resolve = (key: string) => {
    if (!KEY_RE.test(key) || key.includes('..') || key.includes('//')) throw new Error(`bad storage key: ${key}`);
    const p = path.resolve(root, key);
    if (!p.startsWith(path.resolve(root) + path.sep)) throw new Error(`bad storage key: ${key}`);
    return p;
  };
  return {
    async put(key, data) {
      const p = resolve(key);
      await mkdir(path.dirname(p), { recursive: true });
      await writeFile(p, data, { flag: 'wx' });
    },
    async read(key) {
      const p = resolve(key);
      const s = await stat(p);
      return { stream: createReadStream(p), size: s.size };
    },
    async remove(key) {
      await rm(resolve(key), { force: true });
    },
  };
}

/** The uploads store of a data directory. */
export function uploadsStorage(dataDir: string): Storage {
  return localStorage(path.join(dataDir, 'uploads'));
}

/** A fresh random key under a folder, e.g. randomKey('reports/2026/05', 'jpg'). */
export function randomKey(folder: string, ext: string): string {
  return `${folder}/${randomBytes(12).toString('hex')}.${ext}`;
}

export type ImageKind = { mime: 'image/jpeg' | 'image/png' | 'image/webp'; ext: 'jpg' | 'png' | 'webp' };

/** The image type by its content (magic bytes), whatever the file name says; null if not JPEG/PNG/WebP. */
export function sniffImage(b: Buffer): ImageKind | null {
  if (b.length >= 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return { mime: 'image/jpeg', ext: 'jpg' };
  if (b.length >= 8 && b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return { mime: 'image/png', ext: 'png' };
  if (b.length >= 12 && b.toString('latin1', 0, 4) === 'RIFF' && b.toString('latin1', 8, 12) === 'WEBP') return { mime: 'image/webp', ext: 'webp' };
  return null;
}

const OFFICE: Record<string, string> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/** The kind of an uploaded attachment by its content: JPEG/PNG/WebP, PDF, or a .docx/.xlsx (zip) file; null otherwise. */
export function sniffAttachment(filename: string, data: Buffer): { mime: string; ext: string } | null {
  const img = sniffImage(data);
  if (img) return img;
  if (data.subarray(0, 5).toString('latin1') === '%PDF-') return { mime: 'application/pdf', ext: 'pdf' };
  const ext = /\.(docx|xlsx)$/i.exec(filename)?.[1]?.toLowerCase();
  if (ext && data.length > 4 && data[0] === 0x50 && data[1] === 0x4b && data[2] === 0x03 && data[3] === 0x04) return { mime: OFFICE[ext]!, ext };
  return null;
}

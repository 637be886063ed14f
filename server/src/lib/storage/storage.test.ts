import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { localStorage, randomKey, sniffImage } from './storage.js';

const dir = await mkdtemp(path.join(os.tmpdir(), 'tiaodu-storage-'));
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('local storage', () => {
  const s = localStorage(dir);
  it('puts, reads and removes', async () => {
    const key = randomKey('reports/2026/05', 'jpg');
    expect(key).toMatch(/^reports\/2026\/05\/[0-9a-f]{24}\.jpg$/);
    await s.put(key, Buffer.from('abc'));
    const r = await s.read(key);
    expect(r.size).toBe(3);
    r.stream.destroy();
    await s.remove(key);
    await expect(s.read(key)).rejects.toThrow();
  });
  it('refuses keys that leave the root', async () => {
    await expect(s.put('../etc/x', Buffer.from('a'))).rejects.toThrow(/bad storage key/);
    await expect(s.put('/abs', Buffer.from('a'))).rejects.toThrow(/bad storage key/);
  });
});

describe('image sniffing by content', () => {
  it('knows JPEG, PNG, WebP and refuses text named .jpg', () => {
    expect(sniffImage(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0]))?.mime).toBe('image/jpeg');
    expect(sniffImage(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]))?.ext).toBe('png');
    expect(sniffImage(Buffer.from('RIFF\0\0\0\0WEBPVP8 '))?.ext).toBe('webp');
    expect(sniffImage(Buffer.from('hello, this is text'))).toBeNull();
    expect(sniffImage(Buffer.from('GIF89a......'))).toBeNull();
  });
});

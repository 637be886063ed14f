import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storeUploads } from './uploads.js';

async function filesUnder(dir: string): Promise<string[]> {
  try {
    return (await readdir(dir, { recursive: true, withFileTypes: true })).filter((d) => d.isFile()).map((d) => d.name);
  } catch {
    return [];
  }
}

describe('storeUploads', () => {
  let dir: string;
  let png: Buffer;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'tiaodu-uploads-'));
    png = await sharp({ create: { width: 4, height: 4, channels: 3, background: '#fff' } }).png().toBuffer();
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('stores checked files and hands their keys to the record', async () => {
    const out = await storeUploads(dir, [{ filename: '现场.png', data: png }], { folder: 'test/1', kind: 'image' }, async (stored) => stored);
    expect(out).toMatchObject([{ name: '现场.png', mime: 'image/png', size: png.length }]);
    expect(out[0]!.storageKey).toMatch(/^test\/1\/[0-9a-f]{24}\.png$/);
    expect(await filesUnder(path.join(dir, 'uploads/test/1'))).toHaveLength(1);
  });
  it('refuses a file by its content with a Chinese message, writing nothing', async () => {
    const pdf = Buffer.from('%PDF-1.4 a report');
    await expect(storeUploads(dir, [{ filename: '照片.png', data: png }, { filename: '说明.pdf', data: pdf }], { folder: 'test/2', kind: 'image' }, async () => 1)).rejects.toThrow('“说明.pdf”不是 JPEG、PNG 或 WebP 图片');
    await expect(storeUploads(dir, [{ filename: 'a.exe', data: Buffer.from('MZ') }], { folder: 'test/2', kind: 'attachment' }, async () => 1)).rejects.toThrow('不是图片、PDF、Word（.docx）或 Excel（.xlsx）文件');
    await expect(storeUploads(dir, [], { folder: 'test/2', kind: 'attachment' }, async () => 1)).rejects.toThrow('请选择文件');
    await expect(storeUploads(dir, [{ filename: '大.png', data: png }], { folder: 'test/2', kind: 'image', maxBytes: 10 }, async () => 1)).rejects.toThrow('超过');
    expect(await filesUnder(path.join(dir, 'uploads/test/2'))).toEqual([]);
  });
  it('removes the files written when the record fails', async () => {
    await expect(
      storeUploads(dir, [{ filename: 'a.png', data: png }, { filename: 'b.png', data: png }], { folder: 'test/3', kind: 'image' }, async () => {
        throw new Error('refused in the transaction');
      }),
    ).rejects.toThrow('refused in the transaction');
    expect(await filesUnder(path.join(dir, 'uploads/test/3'))).toEqual([]);
  });
});

import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnv, projectBody, type Agent, type TestEnv } from '../../../test/helpers.js';
import { projects, reportPhotos } from '../../db/schema.js';
import { exifTime } from './photos.service.js';

let env: TestEnv;
let dataDir: string;
let pA: number;
let pB: number;

function multipart(files: Array<{ name: string; data: Buffer; type?: string }>) {
  const boundary = `----tiaodu${randomBytes(6).toString('hex')}`;
  const parts: Buffer[] = [];
  for (const f of files) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${f.name}"\r\nContent-Type: ${f.type ?? 'image/jpeg'}\r\n\r\n`), f.data, Buffer.from('\r\n'));
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(parts), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}
function upload(a: Agent, url: string, files: Array<{ name: string; data: Buffer; type?: string }>) {
  const m = multipart(files);
  return env.app.inject({ method: 'POST', url, headers: { cookie: a.cookie, 'x-csrf-token': a.csrf, ...m.headers }, payload: m.payload });
}
const jpegWithExif = () =>
  sharp({ create: { width: 1600, height: 1200, channels: 3, background: '#3a7' } })
    .jpeg()
    .withExif({ IFD2: { DateTimeOriginal: '2026:05:20 10:30:00' }, IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '29/1 47/1 30/1', GPSLongitudeRef: 'E', GPSLongitude: '119/1 41/1 0/1' } })
    .toBuffer();
const png = () => sharp({ create: { width: 200, height: 100, channels: 4, background: '#fff' } }).png().toBuffer();

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'tiaodu-photos-'));
  env = await createTestEnv({ config: { dataDir }, now: '2026-06-03T02:00:00Z' });
  const disp = await env.login('disp');
  const mk = async (region: string, ent: number) => {
    const id = (await disp.post('/api/projects', projectBody(region, { ownerEnterpriseId: ent }))).json().id as number;
    await env.ctx.db.update(projects).set({ stage: 'construction' }).where(eq(projects.id, id));
    return id;
  };
  pA = await mk(env.fx.townA1, env.fx.entA);
  pB = await mk(env.fx.countyB, env.fx.entB);
  await disp.post('/api/report-windows', { year: 2026, month: 5, deadline: '2026-06-05' });
  const put = (a: Agent, p: number) => env.app.inject({ method: 'PUT', url: `/api/reports/${p}/2026/5`, headers: { cookie: a.cookie, 'x-csrf-token': a.csrf }, payload: { investment: 10 } });
  expect((await put(await env.login('unitA'), pA)).statusCode).toBe(200);
  expect((await put(disp, pB)).statusCode).toBe(200);
});
afterAll(async () => {
  await env.close();
  await rm(dataDir, { recursive: true, force: true });
});

describe('report photos', () => {
  let photoId: number;
  it('uploads several photos with thumbnails, time and place', async () => {
    const unit = await env.login('unitA');
    const res = await upload(unit, `/api/reports/${pA}/2026/5/photos`, [
      { name: '工地.jpg', data: await jpegWithExif() },
      { name: 'plan.png', data: await png(), type: 'image/png' },
    ]);
    expect(res.statusCode, res.body).toBe(201);
    const [a, b] = res.json();
    expect(a).toMatchObject({ mime: 'image/jpeg', originalName: '工地.jpg', takenAt: '2026-05-20T02:30:00.000Z' });
    expect(a.lat).toBeCloseTo(29.7917, 3);
    expect(a.lng).toBeCloseTo(119.6833, 3);
    expect(b).toMatchObject({ mime: 'image/png', takenAt: null, lat: null });
    photoId = a.id;
    const [row] = await env.ctx.db.select().from(reportPhotos).where(eq(reportPhotos.id, a.id));
    expect(row!.filePath).toMatch(/^reports\/2026\/05\/[0-9a-f]{24}\.jpg$/);
    expect(existsSync(path.join(dataDir, 'uploads', row!.filePath))).toBe(true);
    const thumb = await unit.get(`/api/photos/${a.id}/thumb`);
    expect(thumb.statusCode).toBe(200);
    expect(thumb.headers['content-type']).toBe('image/jpeg');
    const meta = await sharp(thumb.rawPayload).metadata();
    expect(Math.max(meta.width!, meta.height!)).toBe(320);
    const full = await unit.get(`/api/photos/${a.id}`);
    expect(full.rawPayload.length).toBe(a.size);
    const detail = (await unit.get(`/api/reports/${pA}/2026/5`)).json();
    expect(detail.photos.map((p: { id: number }) => p.id)).toEqual([a.id, b.id]);
  });
  it('refuses a text file named .jpg, and keeps nothing of the batch', async () => {
    const unit = await env.login('unitA');
    const res = await upload(unit, `/api/reports/${pA}/2026/5/photos`, [
      { name: 'ok.png', data: await png(), type: 'image/png' },
      { name: 'fake.jpg', data: Buffer.from('this is not an image') },
    ]);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toContain('fake.jpg');
    expect((await env.ctx.db.select().from(reportPhotos)).length).toBe(2);
  });
  it('refuses a file over 10 MB', async () => {
    const unit = await env.login('unitA');
    const big = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff]), Buffer.alloc(10 * 1024 * 1024 + 10)]);
    const res = await upload(unit, `/api/reports/${pA}/2026/5/photos`, [{ name: 'big.jpg', data: big }]);
    expect(res.statusCode).toBe(413);
  });
  it('a photo of another scope answers 404; the leader cannot upload', async () => {
    const disp = await env.login('disp');
    const resB = await upload(disp, `/api/reports/${pB}/2026/5/photos`, [{ name: 'b.png', data: await png(), type: 'image/png' }]);
    expect(resB.statusCode).toBe(201);
    const idB = resB.json()[0].id;
    const unit = await env.login('unitA');
    expect((await unit.get(`/api/photos/${idB}`)).statusCode).toBe(404);
    expect((await unit.get(`/api/photos/${idB}/thumb`)).statusCode).toBe(404);
    expect((await unit.delete(`/api/photos/${idB}`)).statusCode).toBe(404);
    expect((await upload(unit, `/api/reports/${pB}/2026/5/photos`, [{ name: 'b.png', data: await png() }])).statusCode).toBe(404);
    const leader = await env.login('leader1');
    expect((await upload(leader, `/api/reports/${pA}/2026/5/photos`, [{ name: 'b.png', data: await png() }])).statusCode).toBe(403);
  });
  it('deletes while draft, not after submission', async () => {
    const unit = await env.login('unitA');
    const detail = (await unit.get(`/api/reports/${pA}/2026/5`)).json();
    const other = detail.photos.find((p: { id: number }) => p.id !== photoId).id;
    expect((await unit.delete(`/api/photos/${other}`)).statusCode).toBe(200);
    expect((await unit.post(`/api/reports/${pA}/2026/5/submit`, {})).statusCode).toBe(200);
    const res = await unit.delete(`/api/photos/${photoId}`);
    expect(res.statusCode).toBe(409);
    expect(res.json().error.message).toBe('月报已报送，不能再增删照片');
  });
  it('reads EXIF time as China time unless an offset is given', () => {
    expect(exifTime('2026:05:20 10:30:00')).toBe('2026-05-20T02:30:00.000Z');
    expect(exifTime('2026:05:20 10:30:00', '+00:00')).toBe('2026-05-20T10:30:00.000Z');
    expect(exifTime('garbage')).toBeNull();
  });
});

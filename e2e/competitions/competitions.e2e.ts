// Journey: the admin builds a competition from the 三明 preset on /competitions/new (a quarterly
// competition scored by 功效系数法), sets its red and yellow flags to every quarter and saves it;
// the dispatcher computes the last ended quarter (a draft, 草稿) and publishes it — when inputs
// are missing the publication is refused with the list of what is missing, the admin takes those
// units out of the scheme and the dispatcher recomputes and publishes; the flags show on the
// overview as the API awards them, and on the public page without a login.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { apiGet, apiSend, launchChromium, openAs } from '../support/browser.js';
import { chooseOption, pressUntilSent } from '../support/antd.js';

interface Row {
  contestantId: string;
  name: string;
  score: number;
  rank: number | null;
  flag: 'red' | 'yellow' | null;
}
interface Results {
  period: string;
  status: 'draft' | 'published';
  flagsAwarded: boolean;
  missing: Array<{ contestantId: string; name: string; item: string }>;
  sequences: Array<{ key: string; name: string; rows: Row[] }>;
}
interface Scheme {
  sequences: Array<{ key: string; name: string; contestants: Array<{ unitType: string; unitId: string; name?: string }> }>;
  flags: { period: string; red: number; yellow: number; yellowStreak: number };
  [k: string]: unknown;
}
interface Competition {
  id: number;
  name: string;
  year: number;
  cadence: string;
  public: boolean;
  scheme: Scheme;
}

/** The last quarter that has ended, in China time (2026-12-07 → 2026-Q3). */
function lastQuarter(): string {
  const now = new Date(Date.now() + 8 * 3600_000);
  const y = now.getUTCFullYear();
  const q = Math.floor(now.getUTCMonth() / 3); // quarters ended this year
  return q === 0 ? `${y - 1}-Q4` : `${y}-Q${q}`;
}

const rows = (r: Results) => r.sequences.flatMap((s) => s.rows);

describe('competition journey', () => {
  it('build from a preset, compute and publish a quarter, flags on the overview and the public page', async () => {
    const browser = await launchChromium();
    const period = lastQuarter();
    const year = Number(period.slice(0, 4));
    const name = `${year}年重点项目擂台赛${Date.now().toString(36).slice(-4)}`;
    try {
      // ---- the admin builds the scheme from the 三明 preset and saves it
      const admin = await openAs(browser, 'admin');
      await admin.goto('/competitions/new');
      await admin.getByTestId('preset-use-sanming').click();
      await admin.getByTestId('scheme-form').waitFor();
      await admin.locator('#name').fill(name);
      await admin.locator('#year').fill(String(year));
      // the preset's items came with the platform's indicators
      await admin.getByTestId('item-2').waitFor();
      // 每季抢红旗: flags every quarter, the top 2 red, the last 1 yellow
      await chooseOption(admin, 'scheme_flags_period', '每季');
      await admin.locator('#scheme_flags_red').fill('2');
      await admin.locator('#scheme_flags_yellow').fill('1');
      await admin.getByTestId('scheme-preview').waitFor(); // the live preview panel (it scores once saved)
      await pressUntilSent(admin, admin.getByTestId('scheme-save'), (url, method) => url.endsWith('/api/competitions') && method === 'POST');
      await expect.poll(async () => (await apiGet<Array<{ id: number; name: string }>>(admin, '/api/competitions')).some((c) => c.name === name)).toBe(true);
      const id = (await apiGet<Array<{ id: number; name: string }>>(admin, '/api/competitions')).find((c) => c.name === name)!.id;
      await expect.poll(() => new URL(admin.url()).pathname).toBe(`/competitions/${id}`);
      const saved = await apiGet<Competition>(admin, `/api/competitions/${id}`);
      expect(saved).toMatchObject({ name, year, cadence: 'quarter', public: true });
      expect(saved.scheme.flags).toMatchObject({ period: 'quarter', red: 2, yellow: 1 });
      expect(saved.scheme.sequences.length).toBeGreaterThan(0);

      // ---- the dispatcher computes the quarter: a draft
      const disp = await openAs(browser, 'diaodu');
      await disp.goto(`/competitions/${id}?period=${period}`);
      await disp.getByTestId('results-empty').waitFor();
      await disp.getByTestId('competition-compute').click();
      await expect.poll(() => disp.getByTestId('results-status').getAttribute('data-status')).toBe('draft');
      expect(await disp.getByTestId('results-status').innerText()).toContain('草稿');
      let draft = await apiGet<Results>(disp, `/api/competitions/${id}/periods/${period}/results`);
      expect(draft).toMatchObject({ period, status: 'draft', flagsAwarded: true });
      const first = rows(draft).find((r) => r.rank === 1)!;
      await expect.poll(() => disp.getByTestId(`seq-score-${first.contestantId}`).innerText()).toBe(String(Math.round(first.score * 100) / 100));

      const publish = async (page: Page) => {
        await page.getByTestId('competition-publish').click();
        await pressUntilSent(page, page.getByTestId('publish-ok'), (url, method) => url.endsWith(`/periods/${period}/publish`) && method === 'POST');
      };

      if (draft.missing.length) {
        // ---- publishing with inputs missing is refused with the list of them
        await publish(disp);
        const list = disp.getByTestId('publish-missing');
        await list.waitFor();
        const shown = await list.innerText();
        for (const m of draft.missing) expect(shown).toContain(m.name || m.item);
        await disp.getByTestId('publish-missing-ok').click();
        await expect.poll(() => list.count()).toBe(0);
        expect((await apiGet<Results>(disp, `/api/competitions/${id}/periods/${period}/results`)).status).toBe('draft');

        // the admin takes the units without figures out of the scheme (set-up through the API) …
        const out = new Set(draft.missing.map((m) => m.contestantId).filter(Boolean));
        const scheme = { ...saved.scheme, sequences: saved.scheme.sequences.map((s) => ({ ...s, contestants: s.contestants.filter((c) => !out.has(`${c.unitType}:${c.unitId}`)) })).filter((s) => s.contestants.length) };
        await apiSend(admin, 'PATCH', `/api/competitions/${id}`, { scheme, note: '暂不考核缺少数据的单位' });
        // … and the dispatcher recomputes
        await disp.reload();
        await disp.getByTestId('competition-compute').click();
        await expect.poll(async () => (await apiGet<Results>(disp, `/api/competitions/${id}/periods/${period}/results`)).missing.length).toBe(0);
        draft = await apiGet<Results>(disp, `/api/competitions/${id}/periods/${period}/results`);
        await expect.poll(() => disp.getByTestId('results-missing').count()).toBe(0);
      }

      // ---- and publishes it
      await publish(disp);
      await expect.poll(() => disp.getByTestId('results-status').getAttribute('data-status')).toBe('published');
      const published = await apiGet<Results>(disp, `/api/competitions/${id}/periods/${period}/results`);
      expect(published.status).toBe('published');
      const flagged = rows(published).filter((r) => r.flag);
      expect(flagged.some((r) => r.flag === 'red')).toBe(true);
      expect(flagged.some((r) => r.flag === 'yellow')).toBe(true);

      // the flags on the overview, as the API awarded them
      await disp.reload();
      await disp.getByTestId('results-status').waitFor();
      await disp.screenshot({ path: 'test-results/competitions-overview.png' });
      for (const r of rows(published)) {
        const mark = disp.getByTestId(`seq-flag-${r.contestantId}`);
        if (r.flag) await expect.poll(() => mark.getAttribute('data-flag'), { message: `${r.name} ${r.flag}` }).toBe(r.flag);
        else expect(await mark.count(), r.name).toBe(0);
      }
      // the quarter exports as a workbook
      const [download] = await Promise.all([disp.waitForEvent('download'), disp.getByTestId('competition-export').click()]);
      expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
      // 流动红旗 lists the quarter's red flags
      await disp.getByRole('tab', { name: '流动红旗' }).click();
      const redNames = flagged.filter((r) => r.flag === 'red').map((r) => r.name);
      await expect.poll(() => disp.getByTestId('flag-history').innerText()).toContain(redNames[0]!);
      await disp.context().close();
      await admin.context().close();

      // ---- anyone sees the published quarter and its flags on the public page, without a login
      const pub = await openAs(browser, null);
      await pub.goto(`/public/competitions/${id}/${period}`);
      await expect.poll(() => pub.getByTestId('public-comp-title').innerText()).toContain(name);
      for (const r of flagged) await expect.poll(() => pub.getByTestId(`pub-flag-${r.contestantId}`).getAttribute('data-flag'), { message: r.name }).toBe(r.flag);
      expect(new URL(pub.url()).pathname).toBe(`/public/competitions/${id}/${period}`);
      // the index page offers it among the published competitions
      await pub.goto('/public/competitions');
      await pub.getByTestId('public-comp-competition').waitFor();
      await chooseOption(pub, pub.getByTestId('public-comp-competition'), name);
      await expect.poll(() => pub.getByTestId('public-comp-title').innerText()).toContain(name);
      await expect.poll(() => pub.getByTestId(`pub-flag-${flagged[0]!.contestantId}`).getAttribute('data-flag')).toBe(flagged[0]!.flag);
      await pub.screenshot({ path: 'test-results/competitions-public.png' });
      await pub.context().close();
    } finally {
      await browser.close();
    }
  });
});

// Journey: 领导驾驶舱. The dispatcher sees the key figures the API computes, the four charts
// and a map with one marker per project coloured by its light, all on one 1366×768 screen;
// a marker's popup opens the project; a region's row in the region chart drills into that
// region; a red segment of the lights chart opens the warnings list filtered to it. A leader
// on a phone gets the same page stacked, with the table of the projects assigned to him.
import { describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { apiGet, login, useBrowser } from '../support/browser.js';

type Light = 'green' | 'yellow' | 'red';
interface Dashboard {
  year: number;
  month: number;
  regionCode: string | null;
  projectCount: number;
  totalInvestment: number;
  annualPlanned: number;
  completedYtd: number;
  regions: { code: string; name: string; own: boolean; planned: number; completed: number }[];
  lights: Record<string, Record<Light, number>>;
  map: { id: number; name: string; light: Light }[];
  myProjects: { id: number; name: string }[] | null;
}

const CHARTS = ['chart-plan-actual', 'chart-regions', 'chart-stages', 'chart-lights'];
const DIMENSION_ZH: Record<string, string> = { investment: '投资进度', start: '按期开工', milestone: '节点进度', report: '月报报送', statistics: '入库纳统' };

/** A KPI card's figure as a number ("1,234.56" → 1234.56). */
async function kpi(page: Page, testId: string): Promise<number> {
  const text = await page.getByTestId(testId).locator('.ant-statistic-content-value').innerText();
  return Number(text.replace(/[,\s]/g, ''));
}

async function chartsDrawn(page: Page): Promise<void> {
  for (const id of CHARTS) await page.getByTestId(id).locator('canvas').first().waitFor();
}

/** The text of the chart's tooltip (ECharts draws it as a div inside the chart's element). */
const tooltipText = (chart: Locator) => chart.evaluate((el) => (el as HTMLElement).innerText.trim());

/**
 * Moves the pointer over a chart along a line, as a user looking for something would, until
 * the tooltip says what is wanted; returns that point (page coordinates) or null.
 */
async function hoverUntil(page: Page, chart: Locator, points: Array<[number, number]>, wanted: (tip: string) => boolean): Promise<[number, number] | null> {
  for (const [x, y] of points) {
    await page.mouse.move(x, y);
    await page.waitForTimeout(25);
    if (wanted(await tooltipText(chart))) return [x, y];
  }
  return null;
}

function line(from: [number, number], to: [number, number], step: number): Array<[number, number]> {
  const n = Math.max(1, Math.ceil(Math.hypot(to[0] - from[0], to[1] - from[1]) / step));
  return Array.from({ length: n + 1 }, (_, i) => [from[0] + ((to[0] - from[0]) * i) / n, from[1] + ((to[1] - from[1]) * i) / n] as [number, number]);
}

describe('leaders’ dashboard (领导驾驶舱)', () => {
  const s = useBrowser({ viewport: { width: 1366, height: 768 } });

  it('shows the dispatcher the API’s figures, four charts and every project on the map, on one screen', async () => {
    const { page } = s;
    await login(page, 'diaodu');
    await page.getByTestId('nav-dashboard').click();
    await page.getByTestId('kpis').waitFor();
    const d = await apiGet<Dashboard>(page, '/api/dashboard');
    const root = page.getByTestId('dashboard');
    expect(Number(await root.getAttribute('data-year'))).toBe(d.year);
    expect(Number(await root.getAttribute('data-month'))).toBe(d.month);

    expect(await kpi(page, 'kpi-projects')).toBe(d.projectCount);
    expect(await kpi(page, 'kpi-total')).toBe(d.totalInvestment);
    expect(await kpi(page, 'kpi-planned')).toBe(d.annualPlanned);
    expect(await kpi(page, 'kpi-completed')).toBe(d.completedYtd);
    await chartsDrawn(page);

    // one marker per project of the API, in the colour of its light
    expect(d.map.length).toBeGreaterThan(0);
    await expect.poll(() => page.locator('path.project-marker').count()).toBe(d.map.length);
    for (const l of ['green', 'yellow', 'red'] as const) {
      expect(await page.locator(`path.project-marker.light-${l}`).count(), l).toBe(d.map.filter((p) => p.light === l).length);
    }

    // one screen: the figures, the four charts and the map end above the bottom of 1366×768
    for (const id of ['kpis', ...CHARTS, 'map-card']) {
      const box = (await page.getByTestId(id).boundingBox())!;
      expect(box.y + box.height, id).toBeLessThanOrEqual(768);
    }

    // a red marker's popup names a red project of the API and opens it
    const reds = d.map.filter((p) => p.light === 'red');
    expect(reds.length).toBeGreaterThan(0);
    await page.locator('path.project-marker.light-red').last().click();
    const popup = page.locator('.leaflet-popup-content');
    await popup.waitFor();
    const name = (await popup.locator('.project-popup > div').first().innerText()).trim();
    const target = reds.find((p) => p.name === name);
    expect(target, `popup "${name}" should be a red project`).toBeDefined();
    // the link is clicked again while the page has not moved: a popup that re-rendered under a loaded machine swallows a click
    for (let i = 0; i < 5 && !page.url().includes(`/projects/${target!.id}`); i++) {
      if (!(await popup.isVisible())) await page.locator('path.project-marker.light-red').last().click();
      await popup.getByTestId('map-popup-link').click({ timeout: 5000 }).catch(() => undefined);
      await page.waitForURL(`**/projects/${target!.id}`, { timeout: 3000 }).catch(() => undefined);
    }
    await page.waitForURL(`**/projects/${target!.id}`);
    await expect.poll(() => page.getByText(name).first().isVisible()).toBe(true);
  });

  it('drills into a region from its row in the region chart, and back', async () => {
    const { page } = s;
    await login(page, 'diaodu');
    await page.goto('/dashboard');
    await chartsDrawn(page);
    const d = await apiGet<Dashboard>(page, '/api/dashboard');
    // a child region (the 县本级 row holds the county's own projects: nothing to drill into)
    const region = [...d.regions].filter((x) => !x.own).sort((a, b) => b.completed - a.completed)[0]!;
    const chart = page.getByTestId('chart-regions-canvas');
    const box = (await chart.boundingBox())!;
    const x = box.x + box.width * 0.6;
    const at = await hoverUntil(page, chart, line([x, box.y + 2], [x, box.y + box.height - 2], 4), (tip) => tip.startsWith(region.name));
    expect(at, `a row of the region chart shows ${region.name}`).not.toBeNull();
    await page.mouse.click(...at!);
    await page.waitForURL(`**/dashboard?regionCode=${region.code}`);
    await expect.poll(() => page.getByTestId('region-current').innerText()).toBe(region.name);

    const r = await apiGet<Dashboard>(page, `/api/dashboard?regionCode=${region.code}`);
    await expect.poll(() => kpi(page, 'kpi-completed')).toBe(r.completedYtd);
    expect(r.completedYtd).toBe(region.completed);
    await expect.poll(() => page.locator('path.project-marker').count()).toBe(r.map.length);
    expect(r.map.length).toBeLessThan(d.map.length);

    // the first crumb goes back to the whole scope
    await page.getByTestId('region-crumbs').locator('a').first().click();
    await expect.poll(() => page.url()).not.toContain('regionCode');
    await expect.poll(() => page.locator('path.project-marker').count()).toBe(d.map.length);
  });

  it('opens the warnings list of a red segment of the lights chart', async () => {
    const { page } = s;
    await login(page, 'diaodu');
    await page.goto('/dashboard');
    await chartsDrawn(page);
    const d = await apiGet<Dashboard>(page, '/api/dashboard');
    const dim = Object.keys(DIMENSION_ZH).find((k) => d.lights[k]!.red > 0);
    expect(dim, 'the demo county has red lights this month').toBeDefined();
    const chart = page.getByTestId('chart-lights').locator('[role=img]');
    const box = (await chart.boundingBox())!;
    // find the dimension's row over its green part, then move right along it to the red segment
    const xs = [0.2, 0.3, 0.4, 0.5].map((f) => box.x + box.width * f);
    let row: [number, number] | null = null;
    for (const x of xs) {
      row = await hoverUntil(page, chart, line([x, box.y + 2], [x, box.y + box.height - 2], 4), (tip) => tip.startsWith(DIMENSION_ZH[dim!]!));
      if (row) break;
    }
    expect(row, `the row of ${DIMENSION_ZH[dim!]}`).not.toBeNull();
    const red = await hoverUntil(page, chart, line(row!, [box.x + box.width - 2, row![1]], 3), (tip) => tip.startsWith(DIMENSION_ZH[dim!]!) && tip.includes('红灯'));
    expect(red, 'the red segment of the row').not.toBeNull();
    await page.mouse.click(...red!);
    await page.waitForURL(/\/warnings\?/);
    const url = new URL(page.url());
    expect(Object.fromEntries(url.searchParams)).toMatchObject({ year: String(d.year), month: String(d.month), dimension: dim, light: 'red' });
    await expect.poll(() => page.locator('.ant-pagination-total-text').innerText()).toBe(`共 ${d.lights[dim!]!.red} 个项目`);
  });
});

describe('the leader’s key tasks on the dashboard', () => {
  const s = useBrowser({ viewport: { width: 1366, height: 768 } });

  it('xianzhang sees 我的重点任务 below the figures, the tasks of GET /api/tasks/mine, each a link', async () => {
    const { page } = s;
    await login(page, 'xianzhang');
    await page.goto('/dashboard');
    await page.getByTestId('kpis').waitFor();
    const mine = await apiGet<Array<{ id: number; title: string }>>(page, '/api/tasks/mine');
    // the demo county: xianzhang leads 重大项目攻坚年
    expect(mine.map((t) => t.title)).toContain('重大项目攻坚年');
    const card = page.getByTestId('my-tasks-card');
    await card.scrollIntoViewIfNeeded();
    const links = card.locator('.ant-list-item a');
    await expect.poll(() => links.count()).toBe(mine.length);
    expect(await links.evaluateAll((as) => as.map((a) => a.getAttribute('href')))).toEqual(mine.map((t) => `/tasks/${t.id}`));
    expect(await card.innerText()).toContain('重大项目攻坚年');
    // the charts still fill the first screen: the card starts below the fold of 768 px
    expect((await page.evaluate(() => document.querySelector('[data-testid="my-tasks-card"]')!.getBoundingClientRect().top + window.scrollY))).toBeGreaterThan(600);
  });
});

describe('leaders’ dashboard on a phone', () => {
  const s = useBrowser({ viewport: { width: 390, height: 844 }, isMobile: true });

  it('stacks the figures, charts and map, and lists the leader’s own projects', async () => {
    const { page } = s;
    await login(page, 'fuxianzhang');
    await page.goto('/dashboard');
    await chartsDrawn(page);
    const d = await apiGet<Dashboard>(page, '/api/dashboard');
    expect(await kpi(page, 'kpi-completed')).toBe(d.completedYtd);
    await expect.poll(() => page.locator('path.project-marker').count()).toBe(d.map.length);

    // one column, nothing wider than the phone
    const boxes = await Promise.all([...CHARTS, 'map-card'].map(async (id) => (await page.getByTestId(id).boundingBox())!));
    for (const b of boxes) {
      expect(b.x).toBeGreaterThanOrEqual(0);
      expect(b.x + b.width).toBeLessThanOrEqual(390);
      expect(b.width).toBeGreaterThan(300);
    }
    for (let i = 1; i < boxes.length; i++) expect(boxes[i]!.y).toBeGreaterThan(boxes[i - 1]!.y + boxes[i - 1]!.height - 1);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

    // 我的项目: the API's assigned projects, each a link to the project
    expect(d.myProjects?.length).toBeGreaterThan(0);
    const rows = page.getByTestId('my-projects').locator('tbody tr.ant-table-row');
    await expect.poll(() => rows.count()).toBe(d.myProjects!.length);
    const links = await rows.locator('a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    expect(links).toEqual(d.myProjects!.map((p) => `/projects/${p.id}`));
  });
});

/** Password of every demo user (and of `admin` with demo data, unless TIAODU_ADMIN_PASSWORD is set). */
export const DEMO_PASSWORD = 'Tiaodu@2026';

export const DEMO_COUNTY = { code: '330122', name: '桐庐县' };

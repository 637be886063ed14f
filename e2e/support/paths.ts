import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = path.resolve(fileURLToPath(new URL('.', import.meta.url)), '../..');
/** Screenshots of failed journeys, downloads and the server log (gitignored). */
export const resultsDir = path.join(repoRoot, 'test-results');
export const CHROMIUM_PATH = '/usr/bin/chromium';

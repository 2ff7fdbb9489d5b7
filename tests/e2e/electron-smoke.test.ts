import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { _electron as electron } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { electronBinary } from '../../scripts/electron-binary.mjs';

/** Where the Electron binary is installed, the desktop app starts and shows the first-run page. */

const binary = electronBinary();
if (!binary) {
  console.log('Electron smoke test skipped: the Electron binary is not installed here (installed with ELECTRON_SKIP_BINARY_DOWNLOAD=1). It runs wherever `node_modules/electron` has its binary.');
}

describe.skipIf(!binary)('Electron desktop app', () => {
  it('opens the main window with context isolation and no Node in the renderer', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'civreg-electron-'));
    const app = await electron.launch({ executablePath: binary!, args: ['.', '--data-dir', dataDir], cwd: path.resolve(__dirname, '../..') });
    try {
      const page = await app.firstWindow();
      await page.getByTestId('setup-form').waitFor();
      expect(await page.evaluate(() => typeof (globalThis as { require?: unknown }).require)).toBe('undefined');
      expect(await page.evaluate(() => typeof (window as { civreg?: unknown }).civreg)).toBe('object');
      expect(await page.evaluate(() => typeof (window as { ipcRenderer?: unknown }).ipcRenderer)).toBe('undefined');
    } finally {
      await app.close();
    }
  });
});

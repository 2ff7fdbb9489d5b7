import path from 'node:path';
import { app, BrowserWindow, dialog, session, shell } from 'electron';
import { CivReg } from '../core/civreg';
import { scheduleDeadlines } from '../core/daily-tasks';
import { startSync } from '../sync/sync-worker';
import { DatabaseRefusedError } from '../db/open';
import { resolveDataDir } from '../core/paths';
import { registerIpcHandlers } from '../transport/ipc';
import { CONTENT_SECURITY_POLICY } from '../transport/csp';
import { isAllowedExternalLink } from './links';

function argValue(flag: string): string | undefined {
  const i = process.argv.indexOf(flag);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

const rendererIndex = path.join(__dirname, '../renderer/index.html');
const rendererUrl = process.env.ELECTRON_RENDERER_URL;

function isAppUrl(raw: string): boolean {
  if (rendererUrl) return raw.startsWith(rendererUrl);
  try {
    return new URL(raw).protocol === 'file:' && decodeURIComponent(new URL(raw).pathname) === rendererIndex;
  } catch {
    return false;
  }
}

function createWindow(): BrowserWindow {
  const win = new BrowserWindow({
    width: 1280,
    height: 820,
    title: 'CivReg 民政登记服务台',
    webPreferences: {
      preload: path.join(__dirname, '../preload/index.js'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      // Chromium's PDF viewer, for the in-app print preview (a blob: PDF in a frame; see the CSP).
      plugins: true,
    },
  });
  // No navigation away from the app, no redirects, no new windows; allowed links go to the OS browser.
  win.webContents.on('will-navigate', (e, url) => {
    if (!isAppUrl(url)) e.preventDefault();
  });
  win.webContents.on('will-redirect', (e) => e.preventDefault());
  win.webContents.setWindowOpenHandler(({ url }) => {
    if (isAllowedExternalLink(url)) void shell.openExternal(url);
    return { action: 'deny' };
  });
  if (rendererUrl) void win.loadURL(rendererUrl);
  else void win.loadFile(rendererIndex);
  return win;
}

async function main(): Promise<void> {
  await app.whenReady();
  let civreg: CivReg;
  try {
    civreg = new CivReg({ dataDir: resolveDataDir(argValue('--data-dir'), app.getPath('userData')) });
  } catch (err) {
    const message = err instanceof DatabaseRefusedError ? err.message : `无法打开数据库：${(err as Error).message}`;
    dialog.showErrorBox('CivReg 无法启动', message);
    app.exit(1);
    return;
  }
  session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] } });
  });
  scheduleDeadlines(civreg, civreg.clock);
  const sync = startSync(civreg);
  registerIpcHandlers(civreg, (event) => Boolean(event.senderFrame && isAppUrl(event.senderFrame.url)));
  createWindow();
  app.on('window-all-closed', () => {
    // A delivery round in flight finishes (or fails) before the database closes under it.
    void sync.stop().finally(() => {
      civreg.close();
      app.quit();
    });
  });
}

void main();

import { launchBrowser, startApp } from '../tests/e2e/harness';
import { summarize } from './stats';

const RUNS = 5;

/** First paint of the renderer in browser mode (built app, Debian chromium), fresh page each run. */
export async function benchFirstPaint(): Promise<Record<string, number>> {
  const app = await startApp();
  const browser = await launchBrowser();
  const paint: number[] = [];
  const ready: number[] = [];
  try {
    for (let i = 0; i < RUNS; i++) {
      const context = await browser.newContext();
      const page = await context.newPage();
      await page.goto(app.url);
      await page.getByTestId('setup-form').waitFor();
      const t = await page.evaluate(() => ({
        fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN,
        ready: performance.now(),
      }));
      paint.push(t.fcp);
      ready.push(t.ready);
      await context.close();
    }
  } finally {
    await browser.close();
    await app.stop();
  }
  return { runs: RUNS, firstContentfulPaintMedianMs: summarize(paint).median, formInteractiveMedianMs: summarize(ready).median };
}

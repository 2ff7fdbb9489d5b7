import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import { afterAll, describe, expect, it } from 'vitest';
import { templateById } from '../../src-main/print/templates';
import { inkCount, pdfText, rasterize, squash } from '../print/raster';
import type { Page } from 'playwright-core';
import { closePreview, snapshot } from './harness';
import { signedInSuite } from './signed-in-suite';

const RARE_NAME = '王𠮷䶮';

async function saveDownload(page: Page, click: () => Promise<void>, file: string): Promise<Uint8Array> {
  const [download] = await Promise.all([page.waitForEvent('download'), click()]);
  await download.saveAs(file);
  return fs.readFileSync(file);
}

describe('printing a marriage certificate, as a registrar would', () => {
  const suite = signedInSuite();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'civreg-e2e-print-'));
  let firstPdf: Uint8Array;

  afterAll(() => {
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('fills the certificate and saves the PDF; every name prints in ink', async () => {
    await suite.page.getByRole('menuitem', { name: '打印与套打' }).click();
    const doc = suite.page.getByTestId('print-page');
    const fill = (label: string, value: string): Promise<void> => doc.getByLabel(label, { exact: true }).fill(value);
    await fill('持证人', '张伟');
    await fill('结婚证字号', 'J442000-2026-000123');
    await fill('一方姓名', '张伟');
    await fill('一方性别', '男');
    await fill('一方国籍', '中国');
    await fill('一方出生日期', '1990年01月01日');
    await fill('一方身份证件号', '442000199001011233');
    await fill('另一方姓名', RARE_NAME);
    await fill('另一方性别', '女');
    await fill('另一方国籍', '中国');
    await fill('另一方出生日期', '1992年02月29日');
    await fill('另一方身份证件号', '65010219920229002X');
    await snapshot(suite.page, 'print-1-filled');
    // The preview shows inside the app (a blob: PDF in a frame), with the booklet's background.
    await doc.getByRole('button', { name: '预览' }).click();
    await expect.poll(() => suite.page.getByTestId('print-preview').getAttribute('src')).toMatch(/^blob:/);
    await closePreview(suite.page);
    firstPdf = await saveDownload(suite.page, () => doc.getByRole('button', { name: '保存 PDF' }).click(), path.join(dir, 'first.pdf'));

    expect(squash(pdfText(firstPdf))).toContain(RARE_NAME);
    const [raster] = rasterize(firstPdf);
    const template = templateById('marriage-certificate');
    for (const f of template.fields) {
      if (f.kind !== 'text' && f.kind !== 'multiline') continue;
      if (f.optional) continue;
      const height = f.kind === 'multiline' ? f.height : (f.size / 72) * 25.4;
      expect(inkCount(raster, { x: f.x, y: f.y, width: f.width, height }), `ink in ${f.label}`).toBeGreaterThan(20);
    }
  });

  it('printing the same certificate again is a reprint: it asks why and records it', async () => {
    const doc = suite.page.getByTestId('print-page');
    await doc.getByRole('button', { name: '保存 PDF' }).click();
    const reprint = suite.page.getByTestId('reprint-form');
    await reprint.getByLabel('重印原因').waitFor();
    await saveDownload(
      suite.page,
      async () => {
        await reprint.getByLabel('重印原因').fill('首张证书卡纸作废');
        await reprint.getByLabel('重印原因').press('Enter');
      },
      path.join(dir, 'reprint.pdf'),
    );
    await suite.page.getByRole('menuitem', { name: '审计日志' }).click();
    await expect.poll(() => suite.page.getByTestId('audit-page').textContent()).toContain('首张证书卡纸作废');
  });

  it('the certificate QR code, read back from the printed suite.page, verifies in the app', async () => {
    const png = path.join(dir, 'cert');
    execFileSync('pdftoppm', ['-r', '400', '-png', '-singlefile', path.join(dir, 'first.pdf'), png]);
    const image = PNG.sync.read(fs.readFileSync(`${png}.png`));
    const code = jsQR(new Uint8ClampedArray(image.data.buffer, image.data.byteOffset, image.data.length), image.width, image.height);
    expect(code?.data).toMatch(/^CIVREG1\|/);

    await suite.page.getByRole('menuitem', { name: '打印与套打' }).click();
    await suite.page.getByRole('tab', { name: '证书核验' }).click();
    const verify = suite.page.getByTestId('verify-page');
    await verify.getByLabel('二维码内容').fill(code!.data);
    await verify.getByLabel('二维码内容').press('Enter');
    await expect.poll(() => suite.page.getByTestId('verify-result').textContent()).toContain('签名有效');
    expect(await suite.page.getByTestId('verify-result').textContent()).toContain(RARE_NAME);

    await verify.getByLabel('二维码内容').fill(code!.data.replace('J442000', 'J442001'));
    await verify.getByLabel('二维码内容').press('Enter');
    await expect.poll(() => suite.page.getByTestId('verify-result').textContent()).toContain('核验未通过');
    await snapshot(suite.page, 'print-2-verify-refused');
  });
});

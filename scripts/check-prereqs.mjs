// Before `npm test`: say exactly what this machine lacks, rather than failing deep inside a test.
import { existsSync } from 'node:fs';
import { execFileSync } from 'node:child_process';

const missing = [];
const chromium = process.env.CIVREG_CHROMIUM ?? '/usr/bin/chromium';
if (!existsSync(chromium)) missing.push(`chromium（端到端测试用；Debian: apt-get install chromium，或设置 CIVREG_CHROMIUM 指向浏览器）`);
try {
  execFileSync('pdftoppm', ['-v'], { stdio: 'ignore' });
} catch {
  missing.push('pdftoppm（poppler-utils；Debian: apt-get install poppler-utils）');
}
try {
  await import('better-sqlite3').then((m) => new m.default(':memory:').close());
} catch (err) {
  missing.push(`better-sqlite3 原生模块无法加载（${err.message.split('\n')[0]}）：请运行 npm ci 或 npm rebuild better-sqlite3`);
}
if (missing.length) {
  process.stderr.write(`运行测试所需的组件缺失：\n${missing.map((m) => `  - ${m}`).join('\n')}\n全新 Debian 机器上 .ci/run 会以 root 安装它们。\n`);
  process.exit(1);
}

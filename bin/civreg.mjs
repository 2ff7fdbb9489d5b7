#!/usr/bin/env node
// The `civreg` command runs the built CLI; `npm install` builds it (prepare), `npm run build` rebuilds it.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const cli = fileURLToPath(new URL('../out/main/cli.js', import.meta.url));
if (!existsSync(cli)) {
  process.stderr.write('CivReg 尚未构建：请先运行 npm run build\n');
  process.exit(2);
}
createRequire(import.meta.url)(cli);

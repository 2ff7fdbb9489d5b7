// `npm start`: the desktop app where the Electron binary is installed; otherwise — and always
// with `--browser` — browser mode on 127.0.0.1. Arguments after `--` go to the app.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { electronBinary } from './electron-binary.mjs';

const args = process.argv.slice(2);
const browser = args.includes('--browser');
const rest = args.filter((a) => a !== '--browser');

if (!existsSync('out/main/cli.js')) {
  process.stdout.write('首次启动：正在构建（npm run build）…\n');
  const built = spawnSync(process.platform === 'win32' ? 'npm.cmd' : 'npm', ['run', 'build'], { stdio: 'inherit' });
  if (built.status !== 0) process.exit(built.status ?? 1);
}

const electron = browser ? null : electronBinary();
if (!browser && !electron) process.stdout.write('未找到 Electron 可执行文件，改用浏览器模式。\n');
const [cmd, cmdArgs] = electron ? [electron, ['.', ...rest]] : [process.execPath, ['bin/civreg.mjs', 'serve', ...rest]];
const child = spawn(cmd, cmdArgs, { stdio: 'inherit' });
child.on('exit', (code) => process.exit(code ?? 0));
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));

import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { AppError, ROLE_LABELS, type Role } from '../contract';
import { CivReg } from '../core/civreg';
import { resolveDataDir } from '../core/paths';
import { DatabaseRefusedError } from '../db/open';
import { loadMigrations } from '../db/migrations';
import { startBrowserServer } from '../transport/http-server';
import { readQrFromPng } from '../print/qr-image';
import { renderPdf } from '../print/render';
import { templateById } from '../print/templates';
import { isCalendarDate } from '../calendar/dates';
import { scheduleDeadlines } from '../core/daily-tasks';
import { startSync } from '../sync/sync-worker';
import { readPassword } from './prompt';

const USAGE = `用法: civreg <命令> [选项]   （所有命令都接受 --data-dir <目录>）

  serve [--port N]                         浏览器模式：在 127.0.0.1 上提供界面，打印访问地址
  user add --username U --display-name N --role R [--id-number X]   新建用户（密码取自 CIVREG_PASSWORD 或提示输入）
  user list                                列出用户
  user reset-password --username U         重置密码并解除锁定
  audit verify                             校验审计哈希链；不一致时指出第一条并以 1 退出
  backup <文件>                            在线备份数据库到文件
  db info                                  数据库文件、结构版本、记录数
  call <操作> --user U --input <JSON>      以用户身份执行任一契约操作，输出 JSON
  print sample --template T --data <JSON 或 @文件> --out <文件.pdf> [--preview] [--printer P]
                                           用给定数据生成任一模板的 PDF（不记入打印记录）
  verify <二维码内容 或 PNG 图片>          离线核验证书二维码的签名（以本工作站已知的公钥）
  dates divorce --received <YYYY-MM-DD>    离婚冷静期届满日和领证截止日（按国务院节假日安排），输出 JSON

角色: ${Object.entries(ROLE_LABELS).map(([k, v]) => `${k}(${v})`).join(', ')}`;

function out(value: unknown): void {
  process.stdout.write(JSON.stringify(value, null, 2) + '\n');
}

/**
 * CIVREG_CLOCK (an ISO instant) starts the station's clock at that instant and lets it run:
 * for end-to-end tests and training sessions that need a known date.
 */
function clockFromEnv(): (() => Date) | undefined {
  const start = process.env.CIVREG_CLOCK;
  if (!start) return undefined;
  const offset = Date.parse(start) - Date.now();
  if (Number.isNaN(offset)) throw new AppError('VALIDATION', `CIVREG_CLOCK 不是有效的时间：${start}`);
  return () => new Date(Date.now() + offset);
}

function open(dataDir: string | undefined): CivReg {
  return new CivReg({ dataDir: resolveDataDir(dataDir), clock: clockFromEnv() });
}

/** Open the station's database for one command and close it whatever happens. */
async function withApp(dataDir: string | undefined, run: (app: CivReg) => Promise<number>): Promise<number> {
  const app = open(dataDir);
  try {
    return await run(app);
  } finally {
    app.close();
  }
}

type Values = Record<string, string | boolean | undefined>;
type Command = (app: CivReg, args: { values: Values; arg: string | undefined }) => Promise<number>;
const str = (v: string | boolean | undefined): string => (typeof v === 'string' ? v : '');

/** Commands that act on the database, keyed by their words (`user add`, `backup`). */
const COMMANDS: Record<string, Command> = {
  /** With the station's calendar: the years the administrator loaded count too. */
  async 'dates divorce'(app, { values }) {
    const received = str(values.received);
    if (!isCalendarDate(received)) throw new AppError('VALIDATION', '--received 应为 YYYY-MM-DD 格式的实际日期', { received: '日期无效' });
    const { coolingOffEnds, certificateDeadline } = await app.callAsSystem('dates.divorce', { receivedOn: received });
    out({ coolingOffEnds, certificateDeadline });
    return 0;
  },
  async 'user add'(app, { values }) {
    const password = await readPassword('初始密码');
    out(
      await app.callAsSystem('users.create', {
        username: str(values.username),
        displayName: str(values['display-name']),
        role: str(values.role) as Role,
        password,
        ...(values['id-number'] ? { idNumber: str(values['id-number']) } : {}),
      }),
    );
    return 0;
  },
  async 'user list'(app) {
    out(await app.callAsSystem('users.list', {}));
    return 0;
  },
  async 'user reset-password'(app, { values }) {
    const user = (await app.callAsSystem('users.list', {})).find((u) => u.username === values.username);
    if (!user) throw new AppError('NOT_FOUND', `用户 ${str(values.username)} 不存在`, { username: '用户不存在' });
    const password = await readPassword('新密码');
    out(await app.callAsSystem('users.resetPassword', { id: user.id, newPassword: password }));
    return 0;
  },
  async 'audit verify'(app) {
    const result = await app.callAsSystem('audit.verify', {});
    out(result);
    if (result.firstBad) process.stderr.write(`审计链在第 #${result.firstBad.seq} 条处不一致：${result.firstBad.reason}\n`);
    else if (result.anchor && !result.anchor.matches) process.stderr.write(`审计链与省级平台确认的第 #${result.anchor.seq} 条哈希不一致：日志可能被整体改写\n`);
    return result.ok ? 0 : 1;
  },
  async backup(app, { arg }) {
    if (!arg) throw new AppError('VALIDATION', '请指定备份文件路径：civreg backup <文件>');
    const target = path.resolve(arg);
    if (fs.existsSync(target)) throw new AppError('CONFLICT', `备份文件已存在，不会覆盖：${target}`);
    await app.database.sqlite.backup(target);
    out({ ok: true, file: target });
    return 0;
  },
  async 'db info'(app) {
    const count = (table: string): number => (app.database.sqlite.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
    out({
      file: app.database.file,
      schemaVersion: app.database.schemaVersion,
      knownMigrations: loadMigrations().length,
      sizeBytes: fs.statSync(app.database.file).size,
      station: (await app.callAsSystem('setup.status', {})).station,
      users: count('users'),
      auditEntries: count('audit_log'),
      pendingOutbox: count("outbox WHERE status = 'pending'"),
    });
    return 0;
  },
  async 'print sample'(app, { values }) {
    const outFile = str(values.out);
    if (!values.template || !values.data || !outFile) throw new AppError('VALIDATION', '用法：civreg print sample --template <模板> --data <JSON 或 @文件> --out <文件.pdf>');
    const raw = str(values.data);
    let data: unknown;
    try {
      data = JSON.parse(raw.startsWith('@') ? fs.readFileSync(raw.slice(1), 'utf8') : raw);
    } catch {
      throw new AppError('VALIDATION', '--data 不是有效的 JSON', { data: 'JSON 无效' });
    }
    const db = app.database.db;
    const stationId = (await app.callAsSystem('setup.status', {})).station?.stationId;
    if (!stationId) throw new AppError('VALIDATION', '本工作站尚未初始化：请先在界面中完成首次设置');
    const pdf = await renderPdf(templateById(str(values.template)), data, {
      fonts: app.print.fonts(db),
      preview: Boolean(values.preview),
      offset: app.print.calibration(db, values.printer ? str(values.printer) : undefined),
      signQr: app.print.signer(db, stationId),
    });
    fs.writeFileSync(outFile, pdf);
    process.stdout.write(JSON.stringify({ ok: true, file: path.resolve(outFile), bytes: pdf.length }) + '\n');
    return 0;
  },
  async verify(app, { arg }) {
    if (!arg) throw new AppError('VALIDATION', '用法：civreg verify <二维码内容 或 PNG 图片>');
    const text = /\.png$/i.test(arg) && fs.existsSync(arg) ? readQrFromPng(arg) : arg;
    if (text === null) throw new AppError('VALIDATION', `图片中没有找到二维码：${arg}`);
    const result = await app.callAsSystem('qr.verify', { text });
    out(result);
    if (!result.ok) process.stderr.write(`核验未通过：${result.reason ?? ''}\n`);
    return result.ok ? 0 : 1;
  },
  async call(app, { values, arg: name }) {
    if (!name || !values.user) throw new AppError('VALIDATION', '用法：civreg call <操作> --user <用户名> --input <JSON>');
    let input: unknown = {};
    if (values.input) {
      try {
        input = JSON.parse(str(values.input));
      } catch {
        throw new AppError('VALIDATION', '--input 不是有效的 JSON');
      }
    }
    const password = await readPassword(`${str(values.user)} 的密码`);
    const { session } = app.call('auth.login', { username: str(values.user), password });
    try {
      out(await app.callAsync(name, input, session));
    } finally {
      app.call('auth.logout', {}, session);
    }
    return 0;
  },
};

async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      'data-dir': { type: 'string' },
      port: { type: 'string' },
      username: { type: 'string' },
      'display-name': { type: 'string' },
      role: { type: 'string' },
      'id-number': { type: 'string' },
      user: { type: 'string' },
      input: { type: 'string' },
      template: { type: 'string' },
      data: { type: 'string' },
      out: { type: 'string' },
      printer: { type: 'string' },
      preview: { type: 'boolean' },
      received: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  const [command, sub] = positionals;
  const dataDir = values['data-dir'];
  if (!command || values.help) {
    process.stdout.write(USAGE + '\n');
    return command || values.help ? 0 : 2;
  }

  if (command === 'serve') {
    const app = open(dataDir);
    const server = await startBrowserServer(app, {
      rendererDir: path.resolve(__dirname, '../renderer'),
      port: values.port ? Number(values.port) : undefined,
    });
    scheduleDeadlines(app, app.clock);
    const sync = startSync(app);
    process.stdout.write(`CivReg 浏览器模式已启动（仅本机可访问）：\n${server.url}\n数据库：${app.database.file}\n按 Ctrl+C 退出。\n`);
    const stop = (): void => {
      void Promise.all([server.close(), sync.stop()]).then(() => {
        app.close();
        process.exit(0);
      });
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
    return new Promise<number>(() => undefined);
  }

  const handler = COMMANDS[sub ? `${command} ${sub}` : command] ?? COMMANDS[command];
  if (handler) return withApp(dataDir, (app) => handler(app, { values, arg: sub }));
  process.stderr.write(`未知命令：${positionals.join(' ')}\n\n${USAGE}\n`);
  return 2;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err: unknown) => {
    if (err instanceof AppError) {
      process.stderr.write(JSON.stringify({ error: err.toBody() }, null, 2) + '\n');
      process.exit(err.code === 'VALIDATION' ? 2 : 1);
    }
    if (err instanceof DatabaseRefusedError) {
      process.stderr.write(`${err.message}\n`);
      process.exit(3);
    }
    process.stderr.write(`${(err as Error).message}\n`);
    process.exit(1);
  },
);


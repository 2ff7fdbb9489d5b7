import path from 'node:path';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { newStationSecret } from '../platform/signing';
import { ADMIN_HEADER } from './admin-api';
import { DEMO_STATION } from './demo-station';
import type { FaultSettings } from './faults';
import { startPlatformSimulator } from './server';

/** `npm run platform:sim -- [flags]`: the provincial platform simulator for demos, training and tests. */

const HELP = `CivReg 省级平台模拟器：按 CivReg 平台协议接收工作站上报、回答婚姻状况和重复减免查询、分配证书号段，
并可按需注入网络故障，用于演示、培训和测试。

用法：npm run platform:sim -- [选项]

  --port <端口>                 监听端口，默认 8787（0 = 随机空闲端口）
  --host <地址>                 监听地址，默认 127.0.0.1
  --db <文件>                   模拟平台的 SQLite 数据库，默认 ./platform-sim.sqlite
  --admin-token <令牌>          管理接口（/admin/*，请求头 ${ADMIN_HEADER}）的令牌，默认每次启动随机生成
  --seed-station <编号[:密钥]>  启动时登记的工作站，可重复；密钥为 base64，省略则随机生成并打印。
                                不给时登记演示工作站 ${DEMO_STATION.stationId}（固定密钥 ${DEMO_STATION.secret}，
                                仅供演示和培训）。已停用的工作站重新登记后恢复使用。
  --cancelled-id <证件号码>     已被公安机关注销的身份证号码，可重复；含此号码的结婚登记将被拒收
故障注入（比率为 0 到 1）：
  --fault-rate <比率>           约有此比例的请求遇到某种故障（平均分给下面五种）
  --error-rate <比率>           回答 500/503，不处理
  --drop-rate <比率>            不处理、不回答，直接断开连接
  --lost-response-rate <比率>   处理并提交后断开连接（工作站收不到回答）
  --duplicate-rate <比率>       同一请求处理两次（第二次应因幂等而无效果）
  --reorder-rate <比率>         打乱一批上报事件的处理顺序（回答仍按请求顺序）
  --latency <毫秒|最小-最大>    每个请求的延迟，如 50 或 20-200
  --clock-skew-ms <毫秒>        平台时钟偏移（正数为快），用来模拟工作站时钟不准
  --seed <整数>                 故障随机数种子，便于复现
  --down                        模拟平台停机：所有 /v1 连接立即断开（可用 PUT /admin/faults 恢复）
  -h, --help                    显示本说明

日志只记录接口路径、工作站编号、结果和耗时，不记录姓名和证件号码。`;

class UsageError extends Error {}

function number(flag: string, raw: string | undefined, check: (n: number) => boolean, expected: string): number | undefined {
  if (raw === undefined) return undefined;
  const n = Number(raw);
  if (raw.trim() === '' || !Number.isFinite(n) || !check(n)) throw new UsageError(`--${flag} 应为${expected}，而不是“${raw}”`);
  return n;
}

const rate = (flag: string, raw: string | undefined) => number(flag, raw, (n) => n >= 0 && n <= 1, ' 0 到 1 之间的数');
const integer = (flag: string, raw: string | undefined) => number(flag, raw, Number.isInteger, '整数');

function latency(raw: string | undefined): FaultSettings['latencyMs'] {
  const range = raw === undefined ? null : /^(\d+)-(\d+)$/.exec(raw);
  if (range) return { min: Number(range[1]), max: Number(range[2]) };
  return number('latency', raw, (n) => n >= 0, '毫秒数（如 50）或范围（如 20-200）');
}

function seedStation(raw: string): { stationId: string; secret: string } {
  const at = raw.indexOf(':');
  if (at < 0) return { stationId: raw, secret: newStationSecret() };
  return { stationId: raw.slice(0, at), secret: raw.slice(at + 1) };
}

function parse(argv: string[]) {
  const { values } = parseArgs({
    args: argv,
    strict: true,
    options: {
      port: { type: 'string', default: '8787' },
      host: { type: 'string', default: '127.0.0.1' },
      db: { type: 'string', default: './platform-sim.sqlite' },
      'admin-token': { type: 'string' },
      'seed-station': { type: 'string', multiple: true },
      'cancelled-id': { type: 'string', multiple: true },
      'fault-rate': { type: 'string' },
      'error-rate': { type: 'string' },
      'drop-rate': { type: 'string' },
      'lost-response-rate': { type: 'string' },
      'duplicate-rate': { type: 'string' },
      'reorder-rate': { type: 'string' },
      latency: { type: 'string' },
      'clock-skew-ms': { type: 'string' },
      seed: { type: 'string' },
      down: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  const faults: FaultSettings = {
    faultRate: rate('fault-rate', values['fault-rate']),
    errorRate: rate('error-rate', values['error-rate']),
    dropRate: rate('drop-rate', values['drop-rate']),
    lostResponseRate: rate('lost-response-rate', values['lost-response-rate']),
    duplicateRate: rate('duplicate-rate', values['duplicate-rate']),
    reorderRate: rate('reorder-rate', values['reorder-rate']),
    latencyMs: latency(values.latency),
    clockSkewMs: integer('clock-skew-ms', values['clock-skew-ms']),
    seed: integer('seed', values.seed),
    down: values.down,
  };
  return {
    help: values.help ?? false,
    port: number('port', values.port, (n) => Number.isInteger(n) && n >= 0 && n <= 65535, ' 0 到 65535 的整数')!,
    host: values.host,
    dbFile: path.resolve(values.db),
    adminToken: values['admin-token'],
    seedStations: (values['seed-station'] ?? []).map(seedStation),
    cancelledIds: values['cancelled-id'] ?? [],
    // parseArgs leaves absent flags undefined; the fault schema is strict about keys, not about undefined values.
    faults: Object.fromEntries(Object.entries(faults).filter(([, v]) => v !== undefined)) as FaultSettings,
  };
}

async function main(): Promise<void> {
  const options = parse(process.argv.slice(2));
  if (options.help) {
    process.stdout.write(HELP + '\n');
    return;
  }
  const { port, host, dbFile, adminToken, cancelledIds, faults } = options;
  const seedStations = options.seedStations.length ? options.seedStations : [DEMO_STATION];
  const sim = await startPlatformSimulator({ port, host, dbFile, adminToken, cancelledIds, faults, seedStations });
  const out = (line: string) => process.stdout.write(line + '\n');
  out(`CivReg 省级平台模拟器已启动：${sim.url}`);
  out(`数据库：${dbFile}`);
  out(`管理令牌（请求头 ${ADMIN_HEADER}）：${sim.adminToken}`);
  out('已登记的工作站：');
  for (const s of seedStations) out(`  ${s.stationId}  密钥 ${s.secret}${s.stationId === DEMO_STATION.stationId && s.secret === DEMO_STATION.secret ? '（演示用固定密钥）' : ''}`);
  out(`故障设置：${JSON.stringify(sim.faults())}`);
  out('按 Ctrl+C 停止。');

  let stopping = false;
  const stop = () => {
    if (stopping) process.exit(1); // a second Ctrl+C: do not wait any longer
    stopping = true;
    out('正在停止……');
    void sim.close().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((err: unknown) => {
  if (err instanceof UsageError || (err instanceof Error && 'code' in err && String(err.code).startsWith('ERR_PARSE_ARGS'))) {
    process.stderr.write(`${err.message}\n用 --help 查看用法。\n`);
  } else if (err instanceof z.ZodError) {
    process.stderr.write(`故障设置不正确：${err.issues.map((i) => i.message).join('；')}\n`);
  } else {
    process.stderr.write(`模拟平台未能启动：${err instanceof Error ? err.message : String(err)}\n`);
  }
  process.exit(2);
});

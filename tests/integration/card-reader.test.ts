import fs from 'node:fs';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { WebSocketServer, type WebSocket } from 'ws';
import type { CivReg } from '../../src-main/core/civreg';
import { CardReadError } from '../../src-main/identity/card-reader';
import { SimulatedCardReader } from '../../src-main/identity/simulated-card-reader';
import { WebSocketCardReader } from '../../src-main/identity/websocket-card-reader';
import { appError, asyncAppError, cleanupTempDirs, FixedClock, idNumber, login, loginReady, makeApp, tempDir } from '../helpers/civreg';

/** A card as the vendor's service sends it. */
const WIRE_CARD = {
  name: '阿依古丽·买买提',
  sex: '女',
  nation: '维吾尔',
  born: '19950611',
  address: '新疆乌鲁木齐市天山区解放南路 1 号',
  idNum: idNumber('65010219950611004'),
  issuedBy: '乌鲁木齐市公安局天山分局',
  validStart: '20150701',
  validEnd: '20350701',
  photo: 'AAEC',
};

type Behaviour = (socket: WebSocket, request: string) => void;

/** A fake reader device: the vendor's service on a random 127.0.0.1 port, answering as `behaviour` says. */
class FakeDevice {
  readonly server: WebSocketServer;
  behaviour: Behaviour = (socket) => socket.send(JSON.stringify({ code: 1, message: '未放卡' }));
  readonly requests: string[] = [];
  closed = 0;

  constructor() {
    this.server = new WebSocketServer({ host: '127.0.0.1', port: 0 });
    this.server.on('connection', (socket) => {
      socket.on('message', (data) => {
        const text = String(data);
        this.requests.push(text);
        this.behaviour(socket, text);
      });
      socket.on('close', () => {
        this.closed += 1;
      });
    });
  }

  async ready(): Promise<string> {
    if (!this.server.address()) await new Promise<void>((resolve) => this.server.once('listening', () => resolve()));
    return `ws://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  close(): Promise<void> {
    for (const client of this.server.clients) client.terminate();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

async function readError(p: Promise<unknown>): Promise<CardReadError> {
  const err = await asyncAppError(p);
  expect(err).toBeInstanceOf(CardReadError);
  return err as CardReadError;
}

const until = async (cond: () => boolean): Promise<void> => {
  for (let i = 0; i < 100 && !cond(); i++) await new Promise((r) => setTimeout(r, 10));
};

describe('the WebSocket adapter against a fake device', () => {
  let device: FakeDevice;
  let url: string;
  beforeAll(async () => {
    device = new FakeDevice();
    url = await device.ready();
  });
  afterAll(() => device.close());

  it('reads a card: asks {"cmd":"readCard"}, maps the vendor fields, closes the connection', async () => {
    device.behaviour = (socket) => socket.send(JSON.stringify({ code: 0, data: WIRE_CARD }));
    const closedBefore = device.closed;
    const card = await new WebSocketCardReader({ url }).read();
    expect(card).toEqual({
      name: '阿依古丽·买买提',
      sex: 'female',
      ethnicity: '维吾尔',
      birthDate: '1995-06-11',
      address: WIRE_CARD.address,
      idNumber: WIRE_CARD.idNum,
      issuingAuthority: WIRE_CARD.issuedBy,
      validFrom: '2015-07-01',
      validTo: '2035-07-01',
      photoBase64: 'AAEC',
    });
    expect(JSON.parse(device.requests.at(-1)!)).toEqual({ cmd: 'readCard' });
    await until(() => device.closed > closedBefore);
    expect(device.closed).toBe(closedBefore + 1);
  });

  it('a card valid for ever (长期) and without a photo', async () => {
    device.behaviour = (socket) => socket.send(JSON.stringify({ code: 0, data: { ...WIRE_CARD, photo: undefined, validEnd: '长期' } }));
    const card = await new WebSocketCardReader({ url }).read();
    expect(card.validTo).toBe('长期');
    expect(card).not.toHaveProperty('photoBase64');
  });

  it('no card on the reader (code 1): 请放置身份证', async () => {
    device.behaviour = (socket) => socket.send(JSON.stringify({ code: 1, message: 'no card' }));
    const err = await readError(new WebSocketCardReader({ url }).read());
    expect(err.reason).toBe('no-card');
    expect(err.message).toBe('请放置身份证');
  });

  it('a card already read and not lifted off (code 2), and any other code with its message', async () => {
    device.behaviour = (socket) => socket.send(JSON.stringify({ code: 2 }));
    const again = await readError(new WebSocketCardReader({ url }).read());
    expect(again.reason).toBe('already-read');
    expect(again.message).toContain('取下');
    device.behaviour = (socket) => socket.send(JSON.stringify({ code: 17, message: '芯片认证失败' }));
    const other = await readError(new WebSocketCardReader({ url }).read());
    expect(other.message).toBe('读卡失败：芯片认证失败（代码 17）');
  });

  it('the service not running (connection refused) is named with its address', async () => {
    const gone = new FakeDevice();
    const goneUrl = await gone.ready();
    await gone.close();
    const err = await readError(new WebSocketCardReader({ url: goneUrl }).read());
    expect(err.reason).toBe('unavailable');
    expect(err.message).toContain(`读卡器服务未运行（${goneUrl}）`);
  });

  it('a malformed response names what is wrong and never echoes the card', async () => {
    device.behaviour = (socket) => socket.send('<xml>not json</xml>');
    const notJson = await readError(new WebSocketCardReader({ url }).read());
    expect(notJson.reason).toBe('malformed');
    expect(notJson.message).toContain('不是 JSON');

    device.behaviour = (socket) => socket.send(JSON.stringify({ code: 0, data: { ...WIRE_CARD, sex: '未知', born: '1995-06-11' } }));
    const badField = await readError(new WebSocketCardReader({ url }).read());
    expect(badField.reason).toBe('malformed');
    expect(badField.message).toMatch(/字段 data\.(sex|born)/);
    expect(badField.message).not.toContain(WIRE_CARD.name);
  });

  it('a device that never answers times out, and the connection is dropped', async () => {
    device.behaviour = () => undefined;
    const closedBefore = device.closed;
    const started = Date.now();
    const err = await readError(new WebSocketCardReader({ url, timeoutMs: 300 }).read());
    expect(err.reason).toBe('timeout');
    expect(err.message).toContain('读卡超时');
    expect(Date.now() - started).toBeLessThan(3000);
    await until(() => device.closed > closedBefore);
    expect(device.closed).toBe(closedBefore + 1);
  });

  it('one read at a time', async () => {
    device.behaviour = (socket) => setTimeout(() => socket.send(JSON.stringify({ code: 0, data: WIRE_CARD })), 100);
    const reader = new WebSocketCardReader({ url });
    const first = reader.read();
    expect((await readError(reader.read())).reason).toBe('busy');
    expect((await first).name).toBe(WIRE_CARD.name);
  });

  it('an aborted read stops at once', async () => {
    device.behaviour = () => undefined;
    const controller = new AbortController();
    const p = new WebSocketCardReader({ url, timeoutMs: 5000 }).read(controller.signal);
    setTimeout(() => controller.abort(), 50);
    expect((await readError(p)).reason).toBe('aborted');
  });
});

describe('the simulated reader', () => {
  afterAll(cleanupTempDirs);

  it('takes the file cards, then the placed ones, one per read; empty → 请放置身份证', async () => {
    const file = path.join(tempDir(), 'cards.json');
    fs.writeFileSync(file, JSON.stringify([{ name: '张伟', idNumber: idNumber('11010519930307123') }, { name: '李娜', idNumber: idNumber('11010519950101002'), ethnicity: '回' }]));
    const reader = SimulatedCardReader.fromFile(file);
    expect(reader.waiting).toBe(2);
    reader.place({ name: '王强', sex: 'male', ethnicity: '汉', birthDate: '1990-01-01', address: '', idNumber: idNumber('44200019900101123'), issuingAuthority: '', validFrom: '2020-01-01', validTo: '长期' });
    const first = await reader.read();
    expect(first).toMatchObject({ name: '张伟', sex: 'male', birthDate: '1993-03-07', ethnicity: '汉' });
    expect(await reader.read()).toMatchObject({ name: '李娜', sex: 'female', birthDate: '1995-01-01', ethnicity: '回' });
    expect((await reader.read()).name).toBe('王强');
    const empty = await readError(reader.read());
    expect(empty.reason).toBe('no-card');
    expect(empty.message).toBe('请放置身份证');
  });

  it('a wrong card file is refused naming the card and the field', () => {
    const file = path.join(tempDir(), 'bad.json');
    fs.writeFileSync(file, JSON.stringify([{ name: '张伟', idNumber: idNumber('11010519930307123') }, { name: '李娜', idNumber: '123' }]));
    expect(appError(() => SimulatedCardReader.fromFile(file)).message).toMatch(/^模拟身份证文件第 2 张：公民身份号码格式不正确/);
    expect(appError(() => SimulatedCardReader.fromFile(path.join(tempDir(), 'missing.json'))).message).toContain('模拟身份证文件无法读取');
  });
});

describe('identity operations through the app', () => {
  const clock = new FixedClock('2026-11-23T04:00:00.000Z');
  let app: CivReg;
  let admin: string;
  let registrar: string;
  let funeral: string;
  let device: FakeDevice;
  const savedEnv = { reader: process.env.CIVREG_CARD_READER, cards: process.env.CIVREG_SIMULATED_CARDS };

  beforeAll(async () => {
    delete process.env.CIVREG_CARD_READER;
    delete process.env.CIVREG_SIMULATED_CARDS;
    device = new FakeDevice();
    await device.ready();
    ({ app } = makeApp({ clock }));
    admin = login(app);
    app.call('users.create', { username: 'dengji', displayName: '登记员', role: 'registrar', password: 'Regist123' }, admin);
    app.call('users.create', { username: 'binyi', displayName: '殡仪馆员', role: 'funeral', password: 'Funera123' }, admin);
    registrar = loginReady(app, 'dengji', 'Regist123');
    funeral = loginReady(app, 'binyi', 'Funera123');
  });
  afterAll(async () => {
    app.close();
    await device.close();
    cleanupTempDirs();
    for (const [key, value] of [['CIVREG_CARD_READER', savedEnv.reader], ['CIVREG_SIMULATED_CARDS', savedEnv.cards]] as const) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  });
  beforeEach(() => {
    delete process.env.CIVREG_CARD_READER;
  });
  afterEach(() => {
    delete process.env.CIVREG_CARD_READER;
  });

  const auditTail = () => app.call('audit.list', { limit: 1 }, admin).entries[0];

  it('without a setting the station uses the vendor service at ws://127.0.0.1:1919; CIVREG_CARD_READER=simulated selects the simulator', () => {
    expect(app.call('identity.reader', {}, registrar)).toEqual({ kind: 'websocket', url: 'ws://127.0.0.1:1919', cardsFile: null, waiting: null, source: 'default' });
    process.env.CIVREG_CARD_READER = 'simulated';
    expect(app.call('identity.reader', {}, registrar)).toMatchObject({ kind: 'simulated', waiting: 0, source: 'env' });
  });

  it('placing a training card is refused when the reader is not the simulator', () => {
    const card = { name: '张伟', idNumber: idNumber('11010519930307123') };
    const err = appError(() => app.call('identity.placeCard', card, registrar));
    expect(err.code).toBe('CONFLICT');
    expect(err.message).toContain('训练用身份证只能放到模拟读卡器上');
    app.call('identity.configureReader', { kind: 'none' }, admin);
    expect(appError(() => app.call('identity.placeCard', card, registrar)).message).toContain('不使用读卡器（手工录入）');
  });

  it('with no reader, 读卡 says to enter by hand', async () => {
    app.call('identity.configureReader', { kind: 'none' }, admin);
    expect((await asyncAppError(app.callAsync('identity.readCard', {}, registrar))).message).toContain('请手工录入');
  });

  it('a training card is read once, checked against its number; the audit log keeps no personal data', async () => {
    expect(app.call('identity.configureReader', { kind: 'simulated' }, admin)).toMatchObject({ kind: 'simulated', waiting: 0, source: 'setting' });
    expect(auditTail()).toMatchObject({ operation: 'identity.configureReader', summary: expect.stringContaining('→ 模拟读卡器') });
    expect(app.call('identity.placeCard', { name: '张伟', idNumber: idNumber('11010519930307123'), address: '北京市朝阳区' }, registrar)).toEqual({ waiting: 1 });
    const entry = auditTail();
    expect(entry).toMatchObject({ operation: 'identity.placeCard', summary: '训练读卡器放置一张身份证' });
    expect(JSON.stringify(entry)).not.toContain('张伟');
    expect(JSON.stringify(entry)).not.toContain('110105');
    expect(app.call('identity.reader', {}, registrar).waiting).toBe(1);
    const card = await app.callAsync('identity.readCard', {}, registrar);
    expect(card).toMatchObject({ name: '张伟', sex: 'male', birthDate: '1993-03-07', idNumber: idNumber('11010519930307123'), address: '北京市朝阳区' });
    const empty = await asyncAppError(app.callAsync('identity.readCard', {}, registrar));
    expect(empty.message).toBe('请放置身份证');
  });

  it('a card whose birth date disagrees with its number is refused naming the field', async () => {
    app.call('identity.placeCard', { name: '李娜', idNumber: idNumber('11010519950101002'), birthDate: '1995-01-02' }, registrar);
    const err = await asyncAppError(app.callAsync('identity.readCard', {}, registrar));
    expect(err.code).toBe('VALIDATION');
    expect(err.message).toContain('身份证读出的信息有误：出生日期 1995-01-02 与公民身份号码中的 1995-01-01 不一致');
    expect(err.fieldErrors).toHaveProperty('birthDate');

    app.call('identity.placeCard', { name: '李娜', idNumber: idNumber('11010519950101002'), sex: 'male' }, registrar);
    const sex = await asyncAppError(app.callAsync('identity.readCard', {}, registrar));
    expect(sex.message).toContain('性别“男”与公民身份号码显示的“女”不一致');

    const badCheck = idNumber('11010519950101002').slice(0, 17) + (idNumber('11010519950101002').endsWith('0') ? '1' : '0');
    app.call('identity.placeCard', { name: '李娜', idNumber: badCheck }, registrar);
    expect((await asyncAppError(app.callAsync('identity.readCard', {}, registrar))).message).toContain('公民身份号码校验位错误');
  });

  it('a funeral clerk can neither read cards nor place training cards', async () => {
    const err = await asyncAppError(app.callAsync('identity.readCard', {}, funeral));
    expect(err.code).toBe('FORBIDDEN');
    expect(err.message).toBe('殡仪馆工作人员无权读取身份证');
    expect(appError(() => app.call('identity.placeCard', { name: '张伟', idNumber: idNumber('11010519930307123') }, funeral)).code).toBe('FORBIDDEN');
    expect(appError(() => app.call('identity.configureReader', { kind: 'none' }, registrar)).code).toBe('FORBIDDEN');
    // Which reader is configured is not secret: any signed-in user may ask.
    expect(app.call('identity.reader', {}, funeral).kind).toBe('simulated');
  });

  it('the vendor service may only be on this machine', () => {
    const err = appError(() => app.call('identity.configureReader', { kind: 'websocket', url: 'ws://192.168.1.20:1919' }, admin));
    expect(err.code).toBe('VALIDATION');
    expect(err.fieldErrors.url).toContain('读卡器服务地址格式不正确');
    expect(appError(() => app.call('identity.configureReader', { kind: 'none', url: 'ws://127.0.0.1:1919' }, admin)).fieldErrors).toHaveProperty('url');
    expect(appError(() => app.call('identity.configureReader', { kind: 'simulated', cardsFile: path.join(tempDir(), 'missing.json') }, admin)).message).toContain('模拟身份证文件无法读取');
  });

  it('the configured WebSocket reader reads through the app, and its faults reach the clerk in Chinese', async () => {
    const url = await device.ready();
    expect(app.call('identity.configureReader', { kind: 'websocket', url }, admin)).toMatchObject({ kind: 'websocket', url, waiting: null });
    device.behaviour = (socket) => socket.send(JSON.stringify({ code: 0, data: WIRE_CARD }));
    expect(await app.callAsync('identity.readCard', {}, registrar)).toMatchObject({ name: WIRE_CARD.name, sex: 'female', birthDate: '1995-06-11' });
    device.behaviour = (socket) => socket.send(JSON.stringify({ code: 0, data: { ...WIRE_CARD, born: '19950612' } }));
    const wrong = await asyncAppError(app.callAsync('identity.readCard', {}, registrar));
    expect(wrong.message).toContain('出生日期 1995-06-12 与公民身份号码中的 1995-06-11 不一致');
    device.behaviour = (socket) => socket.send(JSON.stringify({ code: 1 }));
    expect((await asyncAppError(app.callAsync('identity.readCard', {}, registrar))).message).toBe('请放置身份证');
  });

  it('a simulator card file from CIVREG_SIMULATED_CARDS', async () => {
    const file = path.join(tempDir(), 'cards.json');
    fs.writeFileSync(file, JSON.stringify([{ name: '王强', idNumber: idNumber('44200019900101123') }]));
    process.env.CIVREG_SIMULATED_CARDS = file;
    try {
      expect(app.call('identity.configureReader', { kind: 'simulated' }, admin)).toMatchObject({ kind: 'simulated', cardsFile: file, waiting: 1 });
      expect((await app.callAsync('identity.readCard', {}, registrar)).name).toBe('王强');
    } finally {
      delete process.env.CIVREG_SIMULATED_CARDS;
    }
  });
});

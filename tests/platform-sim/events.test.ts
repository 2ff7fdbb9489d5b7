import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PATHS, funeralWaiverResponse, maritalStatusResponse, pushResponse, type WireEvent } from '../../src-main/platform/protocol';
import { HUSBAND, WIFE, certificateNumber, divorceRegistered, marriageCorrected, marriageRegistered, waiverEntered, wireEvent } from './fixtures';
import { SimClient, STATION_A, STATION_B, admin, startTestSim, type TestSim } from './sim-client';

describe('platform simulator: pushed events', () => {
  let t: TestSim;
  let a: SimClient;
  let b: SimClient;

  beforeAll(async () => {
    t = await startTestSim({ cancelledIds: ['110101198505054321'] });
    a = new SimClient(t.sim.url, STATION_A);
    b = new SimClient(t.sim.url, STATION_B);
  });
  afterAll(() => t.stop());

  async function push(client: SimClient, ...events: WireEvent[]) {
    const reply = await client.post(PATHS.events, { events });
    expect(reply.status).toBe(200);
    return pushResponse.parse(reply.body).results;
  }

  async function status(idNumber: string) {
    return maritalStatusResponse.parse((await a.post(PATHS.maritalStatus, { documentType: 'resident-id', idNumber })).body);
  }

  it('stores an event once: the same event id again is a duplicate', async () => {
    const e = marriageRegistered(certificateNumber(1));
    expect(await push(a, e)).toEqual([{ eventId: e.eventId, status: 'accepted' }]);
    expect(await push(a, e)).toEqual([{ eventId: e.eventId, status: 'duplicate' }]);
    expect(t.sim.store.events().filter((s) => s.eventId === e.eventId)).toHaveLength(1);
  });

  it('answers one result per event in request order, an unknown event type stored as sent', async () => {
    const events = [
      wireEvent('marriage.refused', 'marriage-refusal', '7', { decidedOn: '2025-03-10', reasonCode: 'underage' }),
      marriageRegistered(certificateNumber(2), [
        { ...HUSBAND, idNumber: '110101199101011111' },
        { ...WIFE, idNumber: '110101199302022222' },
      ]),
    ];
    expect((await push(a, ...events)).map((r) => [r.eventId, r.status])).toEqual(events.map((e) => [e.eventId, 'accepted']));
    expect(t.sim.store.events({ recordType: 'marriage-refusal' })).toMatchObject([{ eventId: events[0].eventId, payload: { reasonCode: 'underage' } }]);
  });

  it('gives the status of a person after a registration and after the divorce', async () => {
    expect(await status(HUSBAND.idNumber)).toEqual({
      status: 'married',
      records: [{ certificateNumber: certificateNumber(1), kind: 'marriage', registeredOn: '2025-03-10', authority: '110105' }],
    });
    expect(await push(b, divorceRegistered(certificateNumber(1), 'L110108-2025-000003'))).toMatchObject([{ status: 'accepted' }]);
    expect(await status(WIFE.idNumber)).toEqual({
      status: 'divorced',
      records: [
        { certificateNumber: certificateNumber(1), kind: 'marriage', registeredOn: '2025-03-10', authority: '110105' },
        { certificateNumber: 'L110108-2025-000003', kind: 'divorce', registeredOn: '2025-06-01', authority: '110108' },
      ],
    });
    expect(await status('110101200001010000')).toEqual({ status: 'unmarried', records: [] });
  });

  it('rejects a marriage with a cancelled ID number, masked in the reason, and accepts the correction', async () => {
    const cancelled = { ...HUSBAND, idNumber: '110101198505054321' };
    const certNo = certificateNumber(3);
    const e = marriageRegistered(certNo, [cancelled, { ...WIFE, idNumber: '110101198606063333' }]);
    const [result] = await push(a, e);
    expect(result).toEqual({
      eventId: e.eventId,
      status: 'rejected',
      code: 'ID_CANCELLED',
      reason: '当事人身份证号码（parties[0].idNumber）110101********4321 已被公安机关注销，请核对后更正',
    });
    // Re-sent after a lost answer, a rejection stays a rejection.
    expect(await push(a, e)).toEqual([result]);
    expect(await status('110101198606063333')).toEqual({ status: 'unmarried', records: [] });

    const fixed = { ...HUSBAND, idNumber: '110101198505051234' };
    expect(await push(a, marriageCorrected(certNo, [fixed, { ...WIFE, idNumber: '110101198606063333' }]))).toMatchObject([{ status: 'accepted' }]);
    expect((await status('110101198606063333')).status).toBe('married');
    expect((await status(fixed.idNumber)).records).toMatchObject([{ certificateNumber: certNo }]);
    expect((await status(cancelled.idNumber)).status).toBe('unmarried');
  });

  it('rejects a 字号 another registration already used (DUPLICATE_CERTIFICATE)', async () => {
    const twice = marriageRegistered(certificateNumber(1), [
      { ...HUSBAND, idNumber: '110101197001015555' },
      { ...WIFE, idNumber: '110101197202026666' },
    ]);
    const [result] = await push(b, twice);
    expect(result).toMatchObject({ status: 'rejected', code: 'DUPLICATE_CERTIFICATE' });
    expect(result.status === 'rejected' && result.reason).toContain(`结婚证字号（certificateNumber）${certificateNumber(1)}`);
    expect((await status('110101197001015555')).status).toBe('unmarried');

    // Nor may that station overwrite the other's registration by calling it a correction.
    const overwrite = marriageCorrected(certificateNumber(1), [
      { ...HUSBAND, idNumber: '110101197001015555' },
      { ...WIFE, idNumber: '110101197202026666' },
    ]);
    expect(await push(b, overwrite)).toMatchObject([{ status: 'rejected', code: 'DUPLICATE_CERTIFICATE' }]);
    expect((await status(HUSBAND.idNumber)).records[0]).toMatchObject({ certificateNumber: certificateNumber(1) });
  });

  it('rejects a payload missing a field, naming the field in Chinese', async () => {
    const certNo = certificateNumber(4);
    const e = wireEvent('marriage.registered', 'marriage', certNo, {
      certificateNumber: certNo,
      registeredOn: '2025-03-10',
      authority: '110105',
      parties: [HUSBAND, { ...WIFE, idNumber: undefined }],
    });
    expect(await push(a, e)).toEqual([{ eventId: e.eventId, status: 'rejected', code: 'INVALID_PAYLOAD', reason: '事件内容不符合要求：证件号码（parties[1].idNumber）缺失' }]);

    const mismatch = marriageRegistered(certNo);
    mismatch.recordId = certificateNumber(5);
    expect(await push(a, mismatch)).toMatchObject([{ status: 'rejected', code: 'INVALID_PAYLOAD', reason: expect.stringContaining('记录编号（recordId）') }]);
  });

  it('derives the registry from station order, whatever the processing order', async () => {
    const certNo = certificateNumber(6);
    const first = { ...HUSBAND, idNumber: '110101198808087777' };
    const second = { ...HUSBAND, idNumber: '110101198808088888' };
    const registered = wireEvent('marriage.registered', 'marriage', certNo, { certificateNumber: certNo, registeredOn: '2025-03-10', authority: '110105', parties: [first, WIFE] }, 1000);
    const corrected = wireEvent('marriage.corrected', 'marriage', certNo, { certificateNumber: certNo, registeredOn: '2025-03-10', authority: '110105', parties: [second, WIFE] }, 1001);
    // The correction arrives first (another push, a reorder): the later station sequence still wins.
    expect(await push(a, corrected)).toMatchObject([{ status: 'accepted' }]);
    expect(await push(a, registered)).toMatchObject([{ status: 'accepted' }]);
    expect((await status(second.idNumber)).status).toBe('married');
    expect((await status(first.idNumber)).status).toBe('unmarried');
  });

  it('processes a shuffled push and still answers in request order', async () => {
    t.sim.setFaults({ reorderRate: 1, seed: 3 });
    try {
      const events = Array.from({ length: 8 }, (_, i) => wireEvent('funeral.policy.selected', 'funeral-policy', `p${i}`, { schemeId: `p${i}` }));
      expect((await push(a, ...events)).map((r) => r.eventId)).toEqual(events.map((e) => e.eventId));
    } finally {
      t.sim.setFaults({});
    }
  });

  it('answers the duplicate-waiver query from every station', async () => {
    const deceased = '110101194501019999';
    expect(await push(a, waiverEntered('HM2025-0001', deceased))).toMatchObject([{ status: 'accepted' }]);
    expect(await push(b, waiverEntered('HM2025-0100', deceased))).toMatchObject([{ status: 'accepted' }]);
    const reply = funeralWaiverResponse.parse((await b.post(PATHS.funeralWaiver, { documentType: 'resident-id', idNumber: deceased })).body);
    expect(reply.waivers).toEqual([
      { number: 'HM2025-0001', stationId: 'ST-A', funeralHome: '八宝山殡仪馆', dateOfDeath: '2025-03-01' },
      { number: 'HM2025-0100', stationId: 'ST-B', funeralHome: '八宝山殡仪馆', dateOfDeath: '2025-03-01' },
    ]);
  });

  it('lists what arrived on the admin API', async () => {
    const summary = await admin<{ events: { accepted: number; rejected: number }; marriages: number }>(t.sim, 'GET', '/admin/summary');
    expect(summary.body.events.rejected).toBeGreaterThan(0);
    expect(summary.body.marriages).toBe(4);
    const events = await admin<{ events: { recordType: string }[] }>(t.sim, 'GET', '/admin/events?recordType=funeral-waiver');
    expect(events.body.events.map((e) => e.recordType)).toEqual(['funeral-waiver', 'funeral-waiver']);
  });
});

import { randomUUID } from 'node:crypto';
import type { WireEvent } from '../../src-main/platform/protocol';

/** Events as a station sends them; numbers and people are made up (the simulator does not check ID checksums). */
let seq = 0;

export function wireEvent(eventType: string, recordType: string, recordId: string, payload: unknown, stationSeq = ++seq): WireEvent {
  return { eventId: randomUUID(), stationSeq, eventType, recordType, recordId, occurredAt: '2025-03-10T01:00:00.000Z', payload };
}

export const HUSBAND = { name: '张三', sex: 'male', nationality: '中国', birthDate: '1990-01-01', documentType: 'resident-id', idNumber: '110101199001011234' } as const;
export const WIFE = { name: '李四', sex: 'female', nationality: '中国', birthDate: '1992-02-02', documentType: 'resident-id', idNumber: '11010119920202122X' } as const;

export function certificateNumber(serial: number): string {
  return `J110105-2025-${String(serial).padStart(6, '0')}`;
}

export function marriagePayload(certNo: string, parties: readonly [object, object] = [HUSBAND, WIFE]) {
  return { certificateNumber: certNo, registeredOn: '2025-03-10', authority: '110105', parties };
}

export function marriageRegistered(certNo: string, parties?: readonly [object, object]): WireEvent {
  return wireEvent('marriage.registered', 'marriage', certNo, marriagePayload(certNo, parties));
}

export function marriageCorrected(certNo: string, parties?: readonly [object, object]): WireEvent {
  return wireEvent('marriage.corrected', 'marriage', certNo, marriagePayload(certNo, parties));
}

export function divorceRegistered(marriageCertNo: string, divorceCertNo: string, on = '2025-06-01'): WireEvent {
  return wireEvent('divorce.registered', 'marriage', marriageCertNo, { certificateNumber: divorceCertNo, registeredOn: on });
}

export function waiverEntered(number: string, idNumber: string): WireEvent {
  return wireEvent('funeral.waiver.entered', 'funeral-waiver', number, {
    number,
    funeralHome: '八宝山殡仪馆',
    stationId: 'ST-A',
    deceased: { name: '王五', sex: 'male', documentType: 'resident-id', idNumber, dateOfDeath: '2025-03-01' },
    categoryId: 'resident',
    schemeId: 'bj',
    versionId: 'v1',
    lines: [],
    totalClaimed: 100,
    totalWaived: 100,
  });
}

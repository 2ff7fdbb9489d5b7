import type { FuneralWaiverResponse } from '../platform/protocol';

type PlatformWaiver = FuneralWaiverResponse['waivers'][number];

/**
 * The province-wide duplicate rule: a waiver the platform knows from another station. This station's own
 * (including a waiver it replaced after a 冲销) are checked against its own records instead.
 */
export function waiverElsewhere(answer: FuneralWaiverResponse, stationId: string): PlatformWaiver | undefined {
  return answer.waivers.find((w) => w.stationId !== stationId);
}

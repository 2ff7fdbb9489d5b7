import type { ChangesResponse, FuneralWaiverResponse, LeaseRequest, LeaseResponse, MaritalStatusResponse, PushResponse, WireEvent } from './protocol';

/**
 * What a station asks of the provincial platform. The delivery worker, the serial-block keeper and the
 * online checks use this; only an adapter knows a wire format.
 *
 * Every method rejects with PlatformUnavailable when the platform could not be reached or answered with
 * something that is not a valid answer (a timeout, a 5xx, a dropped connection, a body that does not
 * parse): the caller retries later. A request the platform refused as such (authentication) rejects with
 * PlatformRefused.
 */
export interface PlatformPort {
  pushEvents(events: WireEvent[]): Promise<PushResponse>;
  pullChanges(cursor: string, limit: number): Promise<ChangesResponse>;
  maritalStatus(documentType: string, idNumber: string, timeoutMs: number): Promise<MaritalStatusResponse>;
  funeralWaivers(documentType: string, idNumber: string, timeoutMs: number): Promise<FuneralWaiverResponse>;
  leaseSerialBlock(request: LeaseRequest): Promise<LeaseResponse>;
}

export class PlatformUnavailable extends Error {
  override name = 'PlatformUnavailable';
}

/** The platform answered and refused the request itself (bad signature, unknown or revoked station, skew, replay). */
export class PlatformRefused extends Error {
  override name = 'PlatformRefused';
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

import { z } from 'zod';
import { eventResult } from '../contract/sync-operations';

export { eventResult, type EventResult } from '../contract/sync-operations';

/**
 * The CivReg platform protocol, version 1: HTTP + JSON between a station and the provincial platform.
 * Only the station's adapter (http-platform.ts) and the simulator (platform-sim/) know this shape; the
 * domain code talks to the PlatformPort. Another province's interface is another adapter.
 *
 * Every request is signed (signing.ts). Every response is parsed with these schemas: anything that does
 * not parse is a failure (retried or parked), never a success.
 */
export const PROTOCOL_VERSION = 1;

export const PATHS = {
  events: '/v1/events',
  changes: '/v1/changes',
  maritalStatus: '/v1/queries/marital-status',
  funeralWaiver: '/v1/queries/funeral-waiver',
  leaseSerialBlock: '/v1/serial-blocks/lease',
  health: '/v1/health',
} as const;

export const HEADERS = {
  station: 'x-civreg-station',
  timestamp: 'x-civreg-timestamp',
  nonce: 'x-civreg-nonce',
  signature: 'x-civreg-signature',
  version: 'x-civreg-protocol',
} as const;

const isoInstant = z.iso.datetime({ offset: true });

/** One outbox event as sent. `eventId` is the idempotency key; `stationSeq` orders a station's events. */
export const wireEvent = z.object({
  eventId: z.string().min(1).max(64),
  stationSeq: z.number().int().positive(),
  eventType: z.string().min(1).max(100),
  recordType: z.string().min(1).max(100),
  recordId: z.string().min(1).max(200),
  occurredAt: isoInstant,
  payload: z.unknown(),
});
export type WireEvent = z.infer<typeof wireEvent>;

export const pushRequest = z.object({ events: z.array(wireEvent).min(1).max(1000) });

export const pushResponse = z.object({ results: z.array(eventResult) });
export type PushResponse = z.infer<typeof pushResponse>;

/** Data the platform pushes down, in its order. `cursor` is opaque to the station. */
export const change = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('maritalStatus'),
    data: z.object({ idNumber: z.string(), status: z.enum(['married', 'divorced', 'widowed', 'unmarried']), since: z.string(), authority: z.string() }),
  }),
  z.object({ kind: z.literal('revokedStation'), data: z.object({ stationId: z.string(), revokedAt: isoInstant }) }),
  z.object({ kind: z.literal('calendar'), data: z.object({ year: z.number().int(), holidays: z.array(z.string()), workdays: z.array(z.string()) }) }),
  z.object({ kind: z.literal('divisionCodes'), data: z.object({ codes: z.array(z.object({ code: z.string().regex(/^\d{6}$/), name: z.string() })) }) }),
  z.object({ kind: z.literal('policyVersion'), data: z.object({ area: z.enum(['funeral', 'ecoBurial']), schemeId: z.string(), version: z.unknown() }) }),
]);
export type Change = z.infer<typeof change>;

export const changesResponse = z.object({
  changes: z.array(z.object({ cursor: z.string().min(1), change })),
  cursor: z.string(),
  more: z.boolean(),
});
export type ChangesResponse = z.infer<typeof changesResponse>;

export const maritalStatusRequest = z.object({ documentType: z.string(), idNumber: z.string().min(1) });
/** What the platform knows of a person's marriages, from every station of the province. */
export const maritalStatusResponse = z.object({
  status: z.enum(['married', 'divorced', 'widowed', 'unmarried', 'unknown']),
  records: z.array(z.object({ certificateNumber: z.string(), kind: z.enum(['marriage', 'divorce']), registeredOn: z.string(), authority: z.string() })),
});
export type MaritalStatusResponse = z.infer<typeof maritalStatusResponse>;

export const funeralWaiverRequest = z.object({ documentType: z.string(), idNumber: z.string().min(1) });
export const funeralWaiverResponse = z.object({
  waivers: z.array(z.object({ number: z.string(), stationId: z.string(), funeralHome: z.string(), dateOfDeath: z.string() })),
});
export type FuneralWaiverResponse = z.infer<typeof funeralWaiverResponse>;

/** A lease of serials [first, last] for one authority, prefix and year. `requestId` makes a retried lease return the same block. */
export const leaseRequest = z.object({
  requestId: z.string().min(1).max(64),
  authority: z.string().regex(/^\d{6}$/),
  prefix: z.string().min(1).max(4),
  year: z.number().int().min(2000).max(2100),
  size: z.number().int().min(1).max(10000),
});
export type LeaseRequest = z.infer<typeof leaseRequest>;
export const leaseResponse = z.object({ blockId: z.string().min(1), first: z.number().int().positive(), last: z.number().int().positive() });
export type LeaseResponse = z.infer<typeof leaseResponse>;

/**
 * Unused numbers go back as an ordinary outbox event (so the return is delivered exactly once and
 * survives a crash); the platform may lease them again.
 */
export const SERIAL_RETURN_EVENT = 'serialBlock.returned';
export const serialReturnPayload = z.object({ blockId: z.string(), authority: z.string(), prefix: z.string(), year: z.number().int(), first: z.number().int(), last: z.number().int() });

export const healthResponse = z.object({ protocol: z.literal(PROTOCOL_VERSION), time: isoInstant });

/** An error body: `code` is machine-readable (BAD_SIGNATURE, REPLAYED_NONCE, CLOCK_SKEW, UNKNOWN_STATION, REVOKED_STATION, MALFORMED, …). */
export const errorResponse = z.object({ error: z.object({ code: z.string(), message: z.string() }) });

import { sql } from 'drizzle-orm';
import { blob, index, integer, primaryKey, real, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

/** The station this database belongs to: exactly one row, written at first run. */
export const station = sqliteTable('station', {
  id: integer('id').primaryKey(),
  stationId: text('station_id').notNull(),
  officeName: text('office_name').notNull(),
  divisionCode: text('division_code').notNull(),
  createdAt: text('created_at').notNull(),
});

export const users = sqliteTable('users', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  username: text('username').notNull().unique(),
  displayName: text('display_name').notNull(),
  role: text('role').notNull(),
  passwordHash: text('password_hash').notNull(),
  idNumber: text('id_number'),
  active: integer('active', { mode: 'boolean' }).notNull().default(true),
  failedAttempts: integer('failed_attempts').notNull().default(0),
  lockedUntil: text('locked_until'),
  mustChangePassword: integer('must_change_password', { mode: 'boolean' }).notNull().default(false),
  createdAt: text('created_at').notNull(),
  updatedAt: text('updated_at').notNull(),
});

export const settings = sqliteTable('settings', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
  updatedAt: text('updated_at').notNull(),
});

/**
 * Append-only, hash-chained. `hash` = sha256 over the previous entry's hash and this entry's
 * content; `change_digest` = sha256 of the before/after images, so the log proves what changed
 * without holding personal data. Triggers (migration 0001) refuse UPDATE and DELETE.
 */
export const auditLog = sqliteTable(
  'audit_log',
  {
    seq: integer('seq').primaryKey(),
    at: text('at').notNull(),
    userId: integer('user_id'),
    username: text('username').notNull(),
    role: text('role').notNull(),
    stationId: text('station_id').notNull(),
    operation: text('operation').notNull(),
    recordIds: text('record_ids').notNull(),
    summary: text('summary').notNull(),
    changeDigest: text('change_digest').notNull(),
    /** Digest of the audited rows this entry left behind (audit_rows); null on entries written before rows were covered. */
    rowsDigest: text('rows_digest'),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
  },
  // Every index costs a page write on every command; `at` rises with `seq`, so date filters walk
  // the primary key instead of having an index of their own.
  (t) => [index('audit_log_username').on(t.username), index('audit_log_operation').on(t.operation)],
);

/** Events for the provincial platform, written in the same transaction as the change they describe. */
export const outbox = sqliteTable(
  'outbox',
  {
    // Rows are never deleted, so the rowid alone keeps them in order (no AUTOINCREMENT bookkeeping).
    id: integer('id').primaryKey(),
    /** Idempotency key for the platform, which deduplicates on it (a random UUID: no local index needed). */
    eventId: text('event_id').notNull(),
    eventType: text('event_type').notNull(),
    recordType: text('record_type').notNull(),
    recordId: text('record_id').notNull(),
    payload: text('payload').notNull(),
    auditSeq: integer('audit_seq').notNull(),
    createdAt: text('created_at').notNull(),
    /**
     * pending → delivered on the platform's acknowledgement. A rejected event is `parked` with the
     * platform's reason, and the later events of the same record wait behind it as `held`. A parked or
     * held event replaced by a correction (or re-queued behind it) becomes `superseded`: kept, never sent.
     */
    status: text('status', { enum: ['pending', 'delivered', 'parked', 'held', 'superseded'] }).notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
    deliveredAt: text('delivered_at'),
    rejectCode: text('reject_code'),
    rejectReason: text('reject_reason'),
    /** The outbox row that replaced this one (a corrected snapshot, or this event re-queued after it). */
    supersededBy: integer('superseded_by'),
    /** A corrected snapshot: a rejection of an earlier event of its record is superseded by it, not parked. */
    replacesRejected: integer('replaces_rejected', { mode: 'boolean' }).notNull().default(false),
  },
  (t) => [
    index('outbox_pending').on(t.id).where(sql`status = 'pending'`),
    // Small by design: only the records that wait for a person.
    index('outbox_blocked').on(t.recordType, t.recordId).where(sql`status IN ('parked', 'held')`),
  ],
);

/**
 * The state each audited row was left in by an audit entry: the digest of the whole row as it then stood
 * (null: the entry deleted it). The entry's hash covers these through audit_log.rows_digest.
 */
export const auditRows = sqliteTable(
  'audit_rows',
  {
    seq: integer('seq').notNull(),
    tableName: text('table_name').notNull(),
    rowKey: text('row_key').notNull(),
    digest: text('digest'),
  },
  (t) => [primaryKey({ columns: [t.seq, t.tableName, t.rowKey] })],
);

/** The platform's signed receipt for an audit anchor (entry number and hash it now holds). */
export const anchorReceipts = sqliteTable('anchor_receipts', {
  seq: integer('seq').primaryKey(),
  hash: text('hash').notNull(),
  receivedAt: text('received_at').notNull(),
  signature: text('signature').notNull(),
  keyId: text('key_id').notNull(),
});

/** Where this station's platform is and its secret (provisioned by the platform, stored wrapped); absent = standalone station. */
export const platformLink = sqliteTable('platform_link', {
  id: integer('id').primaryKey(),
  url: text('url').notNull(),
  secret: text('secret').notNull(),
  configuredAt: text('configured_at').notNull(),
  /** The platform's Ed25519 public key for anchor receipts, learnt from its authenticated answer at linking. */
  receiptPublicKey: text('receipt_public_key'),
  /** Training only: a plain http:// address that is not loopback; the status bar says so while it is set. */
  allowInsecure: integer('allow_insecure', { mode: 'boolean' }).notNull().default(false),
});

/** The delivery and pull state, one row: changed in the same transaction as what it describes. */
export const syncState = sqliteTable('sync_state', {
  id: integer('id').primaryKey(),
  pullCursor: text('pull_cursor').notNull().default(''),
  lastSuccessAt: text('last_success_at'),
  lastFailureAt: text('last_failure_at'),
  lastError: text('last_error'),
});

/**
 * Certificate serials leased from the platform in blocks per authority, prefix and year. The row is
 * written before the lease is asked for, so a station that crashes mid-lease asks again with the same
 * request id and gets the same block.
 */
export const serialLeases = sqliteTable(
  'serial_leases',
  {
    requestId: text('request_id').primaryKey(),
    authority: text('authority').notNull(),
    prefix: text('prefix').notNull(),
    year: integer('year').notNull(),
    size: integer('size').notNull(),
    requestedAt: text('requested_at').notNull(),
    blockId: text('block_id'),
    first: integer('first'),
    last: integer('last'),
    /** The next serial to issue from this block; past `last` when used up. */
    next: integer('next'),
    leasedAt: text('leased_at'),
    /** When the unused rest (next..last) was handed back. */
    returnedAt: text('returned_at'),
  },
  (t) => [index('serial_leases_open').on(t.authority, t.prefix, t.year, t.first)],
);

/** Marital-status changes the platform pushed down (from other stations), shown at the counter's check. */
export const platformMaritalStatus = sqliteTable('platform_marital_status', {
  idNumber: text('id_number').primaryKey(),
  status: text('status').notNull(),
  since: text('since').notNull(),
  authority: text('authority').notNull(),
  updatedAt: text('updated_at').notNull(),
});

/** Administrative division codes pushed by the platform (GB/T 2260), for naming 登记机关. */
export const divisionCodes = sqliteTable('division_codes', {
  code: text('code').primaryKey(),
  name: text('name').notNull(),
});

/** Ed25519 keys that sign certificate QR codes: this station's own (with its private key) and others' public keys. */
export const signingKeys = sqliteTable('signing_keys', {
  id: integer('id').primaryKey(),
  stationId: text('station_id').notNull(),
  publicKey: text('public_key').notNull(),
  privateKey: text('private_key'),
  createdAt: text('created_at').notNull(),
  revokedAt: text('revoked_at'),
});

/** Fonts the administrator added to the fallback chain (files kept under the data folder's fonts/). */
export const addedFonts = sqliteTable('added_fonts', {
  id: integer('id').primaryKey(),
  name: text('name').notNull(),
  fileName: text('file_name').notNull().unique(),
  faceIndex: integer('face_index').notNull().default(0),
  addedAt: text('added_at').notNull(),
});

/** Per-printer overlay offsets in mm, set from a printed calibration page. */
export const printerCalibrations = sqliteTable('printer_calibrations', {
  printer: text('printer').primaryKey(),
  offsetXmm: real('offset_x_mm').notNull(),
  offsetYmm: real('offset_y_mm').notNull(),
  updatedAt: text('updated_at').notNull(),
});

/** Every print, reprint and save of a document: what, where, why (reprints) and a digest of the PDF. */
export const printJobs = sqliteTable('print_jobs', {
  id: integer('id').primaryKey(),
  templateId: text('template_id').notNull(),
  documentKey: text('document_key').notNull(),
  destination: text('destination').notNull(),
  reprintReason: text('reprint_reason'),
  pdfSha256: text('pdf_sha256').notNull(),
  at: text('at').notNull(),
  userId: integer('user_id'),
}, (t) => [index('print_jobs_document').on(t.documentKey)]);

/** Blank certificate booklets received, by kind and pre-printed serial range (印制编号 = prefix + zero-padded number). */
export const bookletBatches = sqliteTable('booklet_batches', {
  id: integer('id').primaryKey(),
  kind: text('kind', { enum: ['marriage', 'divorce'] }).notNull(),
  prefix: text('prefix').notNull(),
  firstNumber: integer('first_number').notNull(),
  lastNumber: integer('last_number').notNull(),
  digits: integer('digits').notNull(),
  receivedAt: text('received_at').notNull(),
  note: text('note'),
});

/** Each booklet that left the stock: printed on (used) or spoiled (voided), once. */
export const bookletUses = sqliteTable(
  'booklet_uses',
  {
    serial: text('serial').primaryKey(),
    batchId: integer('batch_id')
      .notNull()
      .references(() => bookletBatches.id),
    outcome: text('outcome', { enum: ['used', 'voided'] }).notNull(),
    documentKey: text('document_key'),
    reason: text('reason'),
    at: text('at').notNull(),
    userId: integer('user_id'),
  },
  (t) => [index('booklet_uses_batch').on(t.batchId)],
);

/** The last 字号 serial issued per authority, certificate prefix and year (unique across the authority's windows). */
export const certificateSerials = sqliteTable(
  'certificate_serials',
  {
    authority: text('authority').notNull(),
    prefix: text('prefix').notNull(),
    year: integer('year').notNull(),
    lastSerial: integer('last_serial').notNull(),
  },
  (t) => [primaryKey({ columns: [t.authority, t.prefix, t.year] })],
);

/** A marriage registered here: one 字号 for the registration, printed on both parties' booklets. */
export const marriages = sqliteTable(
  'marriages',
  {
    id: integer('id').primaryKey(),
    certificateNumber: text('certificate_number').notNull().unique(),
    registeredOn: text('registered_on').notNull(),
    authority: text('authority').notNull(),
    status: text('status', { enum: ['registered', 'dissolved'] }).notNull().default('registered'),
    party1Name: text('party1_name').notNull(),
    party1Sex: text('party1_sex', { enum: ['male', 'female'] }).notNull(),
    party1Nationality: text('party1_nationality').notNull(),
    party1BirthDate: text('party1_birth_date').notNull(),
    /** The document the party registered with (see contract/identity-documents.ts) and its number. */
    party1DocumentType: text('party1_document_type').notNull().default('resident-id'),
    party1IdNumber: text('party1_id_number').notNull(),
    party2Name: text('party2_name').notNull(),
    party2Sex: text('party2_sex', { enum: ['male', 'female'] }).notNull(),
    party2Nationality: text('party2_nationality').notNull(),
    party2BirthDate: text('party2_birth_date').notNull(),
    party2DocumentType: text('party2_document_type').notNull().default('resident-id'),
    party2IdNumber: text('party2_id_number').notNull(),
    registrarUserId: integer('registrar_user_id'),
    /** Whether the provincial platform confirmed the marital status (not until the sync issue lands). */
    platformChecked: integer('platform_checked', { mode: 'boolean' }).notNull().default(false),
    /** When the platform could not be asked, the supervisor who decided to proceed, and why. Re-checked later. */
    platformOverrideBy: integer('platform_override_by'),
    platformOverrideReason: text('platform_override_reason'),
    /** What the later re-check found against this registration, for a supervisor's review. */
    platformConflict: text('platform_conflict'),
    /** The supervisor who reviewed that conflict, and what they found and did (offline, from the files). */
    platformConflictReviewedBy: integer('platform_conflict_reviewed_by'),
    platformConflictNote: text('platform_conflict_note'),
    /** The review's findings (JSON list), printed on the 婚姻登记审查处理表. */
    reviewFindings: text('review_findings').notNull().default('[]'),
    createdAt: text('created_at').notNull(),
  },
  (t) => [
    index('marriages_party1').on(t.party1IdNumber),
    index('marriages_party2').on(t.party2IdNumber),
    index('marriages_registered_on').on(t.registeredOn),
  ],
);

/** 不予登记: a refusal with its reason, for the notice and the statistics. */
export const marriageRefusals = sqliteTable('marriage_refusals', {
  id: integer('id').primaryKey(),
  decidedOn: text('decided_on').notNull(),
  /** The legal ground (contract/refusal-reasons.ts), for the notice and the statistics. */
  reasonCode: text('reason_code').notNull().default('other'),
  reason: text('reason').notNull(),
  party1Name: text('party1_name').notNull(),
  party1IdNumber: text('party1_id_number').notNull(),
  party2Name: text('party2_name').notNull(),
  party2IdNumber: text('party2_id_number').notNull(),
  registrarUserId: integer('registrar_user_id'),
  createdAt: text('created_at').notNull(),
});

/** 协议离婚: an application, its statutory periods, and how it ended. */
export const divorceApplications = sqliteTable(
  'divorce_applications',
  {
    id: integer('id').primaryKey(),
    marriageId: integer('marriage_id')
      .notNull()
      .references(() => marriages.id),
    receivedOn: text('received_on').notNull(),
    coolingOffEnds: text('cooling_off_ends').notNull(),
    certificateDeadline: text('certificate_deadline').notNull(),
    status: text('status', { enum: ['received', 'withdrawn', 'lapsed', 'registered'] }).notNull().default('received'),
    agreement: text('agreement').notNull(),
    endedOn: text('ended_on'),
    withdrawnByParty: integer('withdrawn_by_party'),
    certificateNumber: text('certificate_number').unique(),
    /** Who registered the divorce: the 婚姻登记员 its certificates name, whoever prints them later. */
    registrarUserId: integer('registrar_user_id'),
    createdAt: text('created_at').notNull(),
  },
  (t) => [index('divorce_applications_status').on(t.status, t.certificateDeadline)],
);

/** Scans attached to a case (divorce agreement, ID copies…), kept in the database so a backup holds them. */
export const attachments = sqliteTable(
  'attachments',
  {
    id: integer('id').primaryKey(),
    /** e.g. `divorce-application:12`. */
    recordId: text('record_id').notNull(),
    name: text('name').notNull(),
    mimeType: text('mime_type').notNull(),
    sha256: text('sha256').notNull(),
    content: blob('content', { mode: 'buffer' }).notNull(),
    addedAt: text('added_at').notNull(),
  },
  (t) => [index('attachments_record').on(t.recordId)],
);

/** A case saved at the counter to be resumed (a party stepped out to fetch a document). */
export const drafts = sqliteTable('drafts', {
  id: integer('id').primaryKey(),
  kind: text('kind', { enum: ['marriage', 'divorce'] }).notNull(),
  /** What the list shows: the parties' names, no ID numbers. */
  title: text('title').notNull(),
  data: text('data').notNull(),
  userId: integer('user_id'),
  updatedAt: text('updated_at').notNull(),
});

/** 补领: a replacement booklet under a BJ/BL 字号, for one party of a registration here. */
export const certificateReissues = sqliteTable('certificate_reissues', {
  id: integer('id').primaryKey(),
  certificateNumber: text('certificate_number').notNull().unique(),
  originalNumber: text('original_number').notNull(),
  party: integer('party').notNull(),
  issuedOn: text('issued_on').notNull(),
  reason: text('reason').notNull(),
  registrarUserId: integer('registrar_user_id'),
  createdAt: text('created_at').notNull(),
});

/** 婚姻登记记录证明: what this office's records say of one person, when a replacement cannot be issued. */
export const recordCertificates = sqliteTable('record_certificates', {
  id: integer('id').primaryKey(),
  number: text('number').notNull().unique(),
  idNumber: text('id_number').notNull(),
  name: text('name').notNull(),
  issuedOn: text('issued_on').notNull(),
  /** The records as printed, so the certificate can be printed again exactly. */
  content: text('content').notNull(),
  registrarUserId: integer('registrar_user_id'),
  createdAt: text('created_at').notNull(),
});

/** Years of the State Council holiday calendar loaded by the administrator (or later the platform). */
export const calendarYears = sqliteTable('calendar_years', {
  year: integer('year').primaryKey(),
  holidays: text('holidays').notNull(),
  workdays: text('workdays').notNull(),
  source: text('source').notNull(),
  loadedAt: text('loaded_at').notNull(),
});

/** A city's fee-waiver scheme as the station holds it, once changed from the seed (a new version added). */
export const funeralPolicySchemes = sqliteTable('funeral_policy_schemes', {
  id: text('id').primaryKey(),
  /** The whole scheme (contract/funeral-policy.ts), validated when written. */
  data: text('data').notNull(),
  updatedAt: text('updated_at').notNull(),
});

/** 基本殡葬服务费用减免: one deceased person, as entered at the funeral home and reviewed by the bureau. */
export const funeralWaivers = sqliteTable(
  'funeral_waivers',
  {
    id: integer('id').primaryKey(),
    number: text('number').notNull().unique(),
    funeralHome: text('funeral_home').notNull(),
    deceasedName: text('deceased_name').notNull(),
    deceasedIdNumber: text('deceased_id_number').notNull(),
    dateOfDeath: text('date_of_death').notNull(),
    /** What was entered (contract waiverInput), and the computation under the version in force. */
    input: text('input').notNull(),
    computation: text('computation').notNull(),
    schemeId: text('scheme_id').notNull(),
    versionId: text('version_id').notNull(),
    totalClaimed: integer('total_claimed').notNull(),
    totalWaived: integer('total_waived').notNull(),
    /** `superseded`: an approved waiver of a closed month that was corrected (reversed, and replaced by a new one). */
    status: text('status', { enum: ['pending', 'approved', 'rejected', 'superseded'] }).notNull().default('pending'),
    /** The approved waiver this one replaces after a correction. */
    replacesWaiverId: integer('replaces_waiver_id'),
    /**
     * The province-wide duplicate check at entry: `answered`, `unreachable` (entered without it; the
     * reviewer's approval is the supervisor's decision, and the sync service asks again later), or
     * `not-linked` (a standalone station). What a later check found against it, for the reviewer.
     */
    platformCheck: text('platform_check', { enum: ['not-linked', 'answered', 'unreachable'] }).notNull().default('not-linked'),
    platformConflict: text('platform_conflict'),
    platformConflictReviewedBy: integer('platform_conflict_reviewed_by'),
    platformConflictNote: text('platform_conflict_note'),
    enteredBy: integer('entered_by'),
    enteredAt: text('entered_at').notNull(),
    reviewedBy: integer('reviewed_by'),
    reviewedAt: text('reviewed_at'),
    rejectReason: text('reject_reason'),
    settlementMonth: text('settlement_month'),
  },
  (t) => [
    // One waiver per person: a rejected one may be corrected, never doubled (a superseded one is history).
    uniqueIndex('funeral_waivers_person').on(t.deceasedIdNumber).where(sql`status <> 'superseded'`),
    index('funeral_waivers_settlement').on(t.funeralHome, t.settlementMonth),
    index('funeral_waivers_status').on(t.status),
  ],
);

/** A funeral home's month, once submitted: closed for good; later corrections go to an open month. */
export const funeralSettlements = sqliteTable(
  'funeral_settlements',
  {
    funeralHome: text('funeral_home').notNull(),
    month: text('month').notNull(),
    closedAt: text('closed_at').notNull(),
    closedBy: integer('closed_by'),
    waivers: integer('waivers').notNull(),
    totalWaived: integer('total_waived').notNull(),
  },
  (t) => [primaryKey({ columns: [t.funeralHome, t.month] })],
);

/**
 * 冲销: the negative of an approved waiver's lines, entered in an open month when that waiver (settled in
 * a month since closed) is corrected. The closed month's statement never changes.
 */
export const funeralWaiverReversals = sqliteTable(
  'funeral_waiver_reversals',
  {
    id: integer('id').primaryKey(),
    waiverId: integer('waiver_id').notNull(),
    funeralHome: text('funeral_home').notNull(),
    settlementMonth: text('settlement_month').notNull(),
    /** The reversed waiver's lines as they were settled (JSON), and their total in 分 (positive; subtracted). */
    lines: text('lines').notNull(),
    totalWaived: integer('total_waived').notNull(),
    reason: text('reason').notNull(),
    createdBy: integer('created_by'),
    createdAt: text('created_at').notNull(),
  },
  (t) => [index('funeral_waiver_reversals_month').on(t.funeralHome, t.settlementMonth)],
);

/** 无人认领遗体: one body from intake to the disposal of its ashes, or its claim by the family. */
export const unclaimedBodies = sqliteTable(
  'unclaimed_bodies',
  {
    id: integer('id').primaryKey(),
    number: text('number').notNull().unique(),
    stage: text('stage', { enum: ['stored', 'notice', 'awaiting-approval', 'approved', 'cremated', 'ashes-disposed', 'claimed'] }).notNull(),
    intakeDate: text('intake_date').notNull(),
    deliveringUnit: text('delivering_unit').notNull(),
    identityKnown: integer('identity_known', { mode: 'boolean' }).notNull(),
    name: text('name'),
    idNumber: text('id_number'),
    sex: text('sex', { enum: ['male', 'female', 'unknown'] }).notNull(),
    estimatedAge: integer('estimated_age'),
    description: text('description').notNull(),
    placeFound: text('place_found').notNull(),
    deathCertificateNumber: text('death_certificate_number'),
    policeCaseNumber: text('police_case_number'),
    policeSamples: text('police_samples'),
    belongings: text('belongings').notNull(),
    storageLocation: text('storage_location').notNull(),
    noticeStart: text('notice_start'),
    noticeDays: integer('notice_days'),
    noticeMedium: text('notice_medium'),
    policeOfficer: text('police_officer'),
    policeUnit: text('police_unit'),
    policeConfirmedOn: text('police_confirmed_on'),
    approvedBy: integer('approved_by'),
    approvedOn: text('approved_on'),
    crematedOn: text('cremated_on'),
    cremationCertificateNumber: text('cremation_certificate_number'),
    ashLocation: text('ash_location'),
    ashRetainUntil: text('ash_retain_until'),
    /** Ashes disposed of, or the body claimed: the day, and how. */
    endedOn: text('ended_on'),
    outcome: text('outcome'),
    /** The claimant (name, document, relation, how verified), as JSON. */
    claimant: text('claimant'),
    createdAt: text('created_at').notNull(),
  },
  (t) => [index('unclaimed_bodies_stage').on(t.stage)],
);

/** 火化证明台账: every cremation certificate issued here, and where the ashes went. */
export const cremationCertificates = sqliteTable('cremation_certificates', {
  number: text('number').primaryKey(),
  issuedOn: text('issued_on').notNull(),
  deceasedName: text('deceased_name').notNull(),
  deceasedIdNumber: text('deceased_id_number'),
  crematedOn: text('cremated_on').notNull(),
  status: text('status', { enum: ['issued', 'registered', 'voided'] }).notNull().default('issued'),
  voidReason: text('void_reason'),
  ashDisposition: text('ash_disposition'),
  ashLocation: text('ash_location'),
  registeredOn: text('registered_on'),
  source: text('source').notNull(),
  issuedBy: integer('issued_by'),
});

/** 节地生态安葬奖补: one application per deceased, the amount fixed by the policy when applied, then paid. */
export const ecoBurialSubsidies = sqliteTable(
  'eco_burial_subsidies',
  {
    id: integer('id').primaryKey(),
    number: text('number').notNull().unique(),
    deceasedName: text('deceased_name').notNull(),
    deceasedIdNumber: text('deceased_id_number').notNull(),
    dateOfDeath: text('date_of_death').notNull(),
    /** The application as entered (contract ecoBurialInput). */
    input: text('input').notNull(),
    burialType: text('burial_type', { enum: ['sea', 'tree', 'lawn', 'flower'] }).notNull(),
    burialDate: text('burial_date').notNull(),
    amount: integer('amount').notNull(),
    reason: text('reason').notNull(),
    schemeId: text('scheme_id').notNull(),
    versionId: text('version_id').notNull(),
    status: text('status', { enum: ['pending', 'approved', 'paid', 'rejected'] }).notNull().default('pending'),
    appliedOn: text('applied_on').notNull(),
    enteredBy: integer('entered_by'),
    reviewedBy: integer('reviewed_by'),
    reviewedAt: text('reviewed_at'),
    rejectReason: text('reject_reason'),
    paidOn: text('paid_on'),
    paymentReference: text('payment_reference'),
    paidBy: integer('paid_by'),
  },
  (t) => [uniqueIndex('eco_burial_subsidies_person').on(t.deceasedIdNumber), index('eco_burial_subsidies_status').on(t.status)],
);

import type { Handlers } from '../core/context';
import { listAudit, verifyAudit } from './audit';
import { changePassword, lock, login, logout, unlock } from './auth';
import { bookletLedger, receiveBooklets, voidBooklet } from './booklets';
import { calendarStatus, divorceDates, loadCalendar } from './calendar';
import { recordCertificate, reissue } from './certificates';
import { overview, revealIdNumber as revealCaseIdNumber, search } from './counter';
import * as divorce from './divorce';
import { documentData } from './documents';
import * as ecoBurial from './eco-burial';
import * as funeral from './funeral';
import { deleteDraft, getDraft, saveDraft } from './drafts';
import * as identity from './identity';
import { checkRegistration, correct, refuse, register, registration } from './marriage';
import { addFont, calibrate, listFonts, listJobs, listTemplates, output, preview, printers, verifyQr } from './print';
import { sessionStatus } from './session';
import { getSettings, updateSettings } from './settings';
import { exportStatistics, marriageStatistics } from './stats';
import { initialize, setupStatus } from './setup';
import * as sync from './sync';
import * as unclaimed from './unclaimed';
import { createUser, listUsers, resetPassword, revealIdNumber, updateUser } from './users';

/** One handler per contract operation; the type makes a missing or extra one a compile error. */
export const handlers: Handlers = {
  'setup.status': setupStatus,
  'setup.initialize': initialize,
  'auth.login': login,
  'auth.logout': logout,
  'auth.lock': lock,
  'auth.unlock': unlock,
  'auth.changePassword': changePassword,
  'session.status': sessionStatus,
  'users.list': listUsers,
  'users.create': createUser,
  'users.update': updateUser,
  'users.resetPassword': resetPassword,
  'users.revealIdNumber': revealIdNumber,
  'audit.list': listAudit,
  'audit.verify': verifyAudit,
  'settings.get': getSettings,
  'settings.update': updateSettings,
  'print.templates': listTemplates,
  'print.preview': preview,
  'print.output': output,
  'print.jobs': listJobs,
  'print.printers': printers,
  'print.calibrate': calibrate,
  'fonts.list': listFonts,
  'fonts.add': addFont,
  'qr.verify': verifyQr,
  'booklets.receive': receiveBooklets,
  'booklets.void': voidBooklet,
  'booklets.ledger': bookletLedger,
  'marriage.check': checkRegistration,
  'marriage.register': register,
  'marriage.refuse': refuse,
  'marriage.correct': correct,
  'marriage.registration': registration,
  'divorce.apply': divorce.apply,
  'divorce.withdraw': divorce.withdraw,
  'divorce.register': divorce.register,
  'divorce.lapseDue': divorce.lapseDue,
  'divorce.list': divorce.list,
  'stats.marriage': marriageStatistics,
  'stats.export': exportStatistics,
  'sync.overview': sync.overview,
  'sync.events': sync.events,
  'sync.retry': sync.retry,
  'sync.wake': sync.wake,
  'sync.configure': sync.configure,
  'sync.returnSerials': sync.returnSerials,
  'sync.reviewConflict': sync.reviewConflict,
  'sync.acknowledge': sync.acknowledge,
  'sync.anchorAudit': sync.anchorAudit,
  'sync.recordLease': sync.recordLease,
  'sync.applyChanges': sync.applyChanges,
  'sync.recordRecheck': sync.recordRecheck,
  'identity.readCard': identity.readCard,
  'identity.reader': identity.reader,
  'identity.placeCard': identity.placeCard,
  'identity.configureReader': identity.configureReader,
  'divorce.scan': divorce.scan,
  'drafts.save': saveDraft,
  'drafts.get': getDraft,
  'drafts.delete': deleteDraft,
  'counter.overview': overview,
  'counter.search': search,
  'counter.revealIdNumber': revealCaseIdNumber,
  'counter.document': documentData,
  'certificates.reissue': reissue,
  'certificates.recordCertificate': recordCertificate,
  'dates.divorce': divorceDates,
  'calendar.status': calendarStatus,
  'calendar.load': loadCalendar,
  'funeral.policies': funeral.policies,
  'funeral.selectPolicy': funeral.selectPolicy,
  'funeral.addPolicyVersion': funeral.addPolicyVersion,
  'funeral.computeWaiver': funeral.computeWaiver,
  'funeral.enterWaiver': funeral.enterWaiver,
  'funeral.correctWaiver': funeral.correctWaiver,
  'funeral.waivers': funeral.listWaivers,
  'funeral.waiver': funeral.getWaiver,
  'funeral.scan': funeral.scan,
  'funeral.reviewWaiver': funeral.reviewWaiver,
  'funeral.settlement': funeral.settlement,
  'funeral.closeMonth': funeral.closeMonth,
  'funeral.settlementExport': funeral.settlementExport,
  'funeral.document': funeral.document,
  'unclaimed.intake': unclaimed.intake,
  'unclaimed.publishNotice': unclaimed.publishNotice,
  'unclaimed.confirmByPolice': unclaimed.confirmByPolice,
  'unclaimed.approve': unclaimed.approve,
  'unclaimed.cremate': unclaimed.cremate,
  'unclaimed.disposeAshes': unclaimed.disposeAshes,
  'unclaimed.claim': unclaimed.claim,
  'unclaimed.list': unclaimed.list,
  'unclaimed.dashboard': unclaimed.dashboard,
  'unclaimed.document': unclaimed.document,
  'cremation.ledger': unclaimed.ledger,
  'cremation.issue': unclaimed.issue,
  'cremation.registerAshes': unclaimed.registerAshes,
  'cremation.void': unclaimed.voidCertificate,
  'ecoBurial.selectPolicy': ecoBurial.selectPolicy,
  'ecoBurial.compute': ecoBurial.compute,
  'ecoBurial.apply': ecoBurial.apply,
  'ecoBurial.review': ecoBurial.review,
  'ecoBurial.pay': ecoBurial.pay,
  'ecoBurial.list': ecoBurial.list,
};

import { AppError } from '../../contract';
import type { Template } from '../template';
import { a4Text } from './a4-text';
import { calibrationPage } from './calibration';
import { certificateBooklet } from './certificate-booklet';
import { divorceReceiptTemplate, divorceWithdrawalTemplate } from './divorce-forms';
import { funeralSettlementStatementTemplate, funeralWaiverFormTemplate } from './funeral-forms';
import { marriageDeclarationTemplate, marriageRefusalNoticeTemplate, marriageReviewTemplate } from './marriage-forms';
import { recordCertificateTemplate } from './record-certificate';
import { unclaimedNoticeTemplate } from './unclaimed-notice';

/** Every document CivReg prints, by id. Business modules add theirs here. */
export const TEMPLATES: ReadonlyMap<string, Template> = new Map(
  [
    certificateBooklet('marriage-certificate', '结婚证（套打）', '结婚证字号', 'marriage'),
    certificateBooklet('divorce-certificate', '离婚证（套打）', '离婚证字号', 'divorce'),
    calibrationPage,
    a4Text,
    marriageDeclarationTemplate,
    marriageReviewTemplate,
    marriageRefusalNoticeTemplate,
    divorceReceiptTemplate,
    divorceWithdrawalTemplate,
    recordCertificateTemplate,
    funeralWaiverFormTemplate,
    funeralSettlementStatementTemplate,
    unclaimedNoticeTemplate,
  ].map((t) => [t.id, t] as const),
);

export function templateById(id: string): Template {
  const t = TEMPLATES.get(id);
  if (!t) throw new AppError('NOT_FOUND', `未知的模板：${id}（可用：${[...TEMPLATES.keys()].join('、')}）`, { templateId: '未知的模板' });
  return t;
}

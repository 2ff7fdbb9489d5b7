import type { Template } from '../template';
import { A4Form, BODY_SIZE, LEFT, WIDTH, type DataKey, type Row } from './a4-form';

const LABEL_W = 40;

/** A table of one label column and one value column, a row per data key. */
function particulars(form: A4Form, y: number, items: Array<[string, DataKey]>): number {
  const rows: Row[] = items.map(([label, key]) => ({ height: 11, cells: [{ width: LABEL_W, label }, { width: WIDTH - LABEL_W, text: key }] }));
  return form.table(LEFT, y, rows);
}

/** 受理编号：… at the right, under the title. */
function applicationNumber(form: A4Form, y: number): void {
  form.documentNumber('受理编号：', { key: 'applicationNumber', label: '受理编号' }, 120, y);
}

const office: DataKey = { key: 'office', label: '登记机关' };

/**
 * 离婚登记申请受理回执单 (the parties' copy): the application was received on a date; the 30-day
 * cooling-off period and the 30 days after it, to their computed last days (民法典 第一千零七十七条).
 */
function divorceReceipt(): Template {
  const form = new A4Form();
  form.title('离婚登记申请受理回执单', 16);
  form.label('（当事人留存）', 0, 27, BODY_SIZE, { width: 210, align: 'center' });
  applicationNumber(form, 37);
  let y = particulars(form, 45, [
    ['一方姓名', { key: 'party1Name', label: '一方姓名' }],
    ['一方身份证件号码', { key: 'party1IdNumber', label: '一方身份证件号码' }],
    ['另一方姓名', { key: 'party2Name', label: '另一方姓名' }],
    ['另一方身份证件号码', { key: 'party2IdNumber', label: '另一方身份证件号码' }],
    ['结婚证字号', { key: 'marriageCertificateNumber', label: '结婚证字号' }],
  ]);
  y = form.paragraph(
    ['你们的离婚登记申请，本机关已于', { date: { key: 'receivedOn', label: '受理日期' } }, '受理。依照《中华人民共和国民法典》第一千零七十七条的规定，告知如下：'],
    LEFT,
    y + 9,
    WIDTH,
  );
  y = form.paragraph(
    [
      '一、自受理之日起三十日内（至',
      { date: { key: 'coolingOffEnds', label: '冷静期届满日' } },
      '止），任何一方不愿意离婚的，可以持本人有效身份证件和本回执单向本机关申请撤回离婚登记申请。',
    ],
    LEFT,
    y,
    WIDTH,
  );
  y = form.paragraph(
    [
      '二、前项期限届满后三十日内（自届满次日起至',
      { date: { key: 'certificateDeadline', label: '申请发证截止日' } },
      '止），双方应当持本人有效身份证件、结婚证和本回执单共同到本机关申请发给离婚证；未申请的，视为撤回离婚登记申请。',
    ],
    LEFT,
    y,
    WIDTH,
  );
  y = form.paragraph(['三、请妥善保管本回执单。回执单遗失的，可以书面说明情况。'], LEFT, y, WIDTH);
  const sealY = y + 14;
  form.blank('婚姻登记员签名：', LEFT, sealY + 9, 40);
  form.seal(sealY, office);
  return form.template('divorce-receipt', '离婚登记申请受理回执单');
}

/** 撤回离婚登记申请确认单: one party withdrew the application within the cooling-off period. */
function divorceWithdrawal(): Template {
  const form = new A4Form();
  form.title('撤回离婚登记申请确认单', 16);
  applicationNumber(form, 30);
  let y = particulars(form, 38, [
    ['撤回申请人姓名', { key: 'withdrawingPartyName', label: '撤回申请人姓名' }],
    ['撤回申请人证件号码', { key: 'withdrawingPartyIdNumber', label: '撤回申请人身份证件号码' }],
    ['另一方姓名', { key: 'otherPartyName', label: '另一方姓名' }],
    ['结婚证字号', { key: 'marriageCertificateNumber', label: '结婚证字号' }],
  ]);
  y = form.paragraph(
    [
      '撤回申请人于',
      { date: { key: 'withdrawnOn', label: '撤回日期' } },
      '向本机关申请撤回本机关于',
      { date: { key: 'receivedOn', label: '受理日期' } },
      '受理的上述当事人离婚登记申请。经确认，该撤回申请在法定期限内提出，本机关终止该离婚登记程序。',
    ],
    LEFT,
    y + 9,
    WIDTH,
  );
  y = form.paragraph(['当事人如需办理离婚登记，应当重新提出申请。'], LEFT, y, WIDTH);
  form.paragraph(['特此确认。'], LEFT, y, WIDTH);
  const signY = y + 20;
  form.blank('撤回申请人签名：', LEFT, signY, 40);
  form.blank('婚姻登记员签名：', LEFT, signY + 12, 40);
  form.seal(signY + 30, office);
  return form.template('divorce-withdrawal', '撤回离婚登记申请确认单');
}

export const divorceReceiptTemplate = divorceReceipt();
export const divorceWithdrawalTemplate = divorceWithdrawal();

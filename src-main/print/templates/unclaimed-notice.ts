import type { Template } from '../template';
import { A4Form, BODY_SIZE, LEFT, RIGHT, WIDTH, type DataKey, type Row } from './a4-form';

/**
 * 认尸公告: what the public notice of an unclaimed body shows (unclaimed-bodies.md) — the body's
 * number, the known name if any, sex, estimated age, where it was found, when it was received, its
 * description and one photo; the notice period with its last day; the funeral home as the issuer.
 * Data comes from the record (handlers/unclaimed.ts builds it); the photo is optional.
 */

const k = (key: string, label: string, optional = false): DataKey => ({ key, label, ...(optional ? { optional: true } : {}) });

const PHOTO = { width: 45, height: 60 };

function unclaimedNotice(): Template {
  const form = new A4Form();
  form.title('认尸公告', 18);
  const homeW = form.label('发布单位：', LEFT, 34);
  form.text(k('funeralHome', '发布单位'), LEFT + homeW, 34, 112 - homeW);
  form.documentNumber('编号：', k('number', '遗体编号'), 136, 34);

  let y = form.paragraph(
    ['我馆现有遗体一具，至今无人认领。现将有关情况公告如下，请逝者亲属或知情人见公告后与我馆联系。'],
    LEFT,
    45,
    WIDTH,
  );

  const tableW = WIDTH - PHOTO.width - 5;
  const L = 26;
  const rows: Row[] = [
    { height: 10, cells: [{ width: L, label: '姓名' }, { width: tableW - L, text: { ...k('name', '姓名'), size: 12 } }] },
    {
      height: 10,
      cells: [
        { width: L, label: '性别' },
        { width: 26, text: { ...k('sex', '性别'), align: 'center' } },
        { width: L, label: '估计年龄' },
        { width: tableW - 2 * L - 26, text: { ...k('estimatedAge', '估计年龄'), size: 11, align: 'center' } },
      ],
    },
    { height: 10, cells: [{ width: L, label: '接收日期' }, { width: tableW - L, date: k('intakeDate', '接收日期') }] },
    { height: 16, cells: [{ width: L, label: '发现地点' }, { width: tableW - L, multiline: { ...k('placeFound', '发现或死亡地点'), size: 11, minSize: 6 }, firstLineCentred: true }] },
    { height: 70, cells: [{ width: L, label: '体貌特征' }, { width: tableW - L, multiline: { ...k('description', '体貌特征'), size: 11, minSize: 6 } }] },
  ];
  const top = y + 3;
  y = form.table(LEFT, top, rows);

  const px = RIGHT - PHOTO.width;
  form.rect(px, top, PHOTO.width, PHOTO.height, 0.5);
  form.fields.push({ kind: 'image', key: 'photo', label: '遗体照片', optional: true, x: px + 0.5, y: top + 0.5, width: PHOTO.width - 1, height: PHOTO.height - 1 });
  form.label('遗体照片', px, top + PHOTO.height + 2, 10.5, { width: PHOTO.width, align: 'center' });

  y = form.paragraph(
    [
      '公告期自',
      { date: k('noticeStart', '公告日期') },
      '起至',
      { date: k('noticeExpires', '公告届满日期') },
      '止。请逝者亲属持本人身份证件及与逝者关系的证明材料到我馆认领。公告期满无人认领的，经公安机关确认、民政部门批准，将依照有关规定火化处理。',
    ],
    LEFT,
    y + 8,
    WIDTH,
  );

  const sealW = 86;
  const sx = RIGHT - sealW;
  form.label('（盖章）', sx, y + 14, BODY_SIZE, { width: sealW, align: 'center' });
  form.text({ ...k('funeralHome', '发布单位'), align: 'center' }, sx, y + 23, sealW);
  return form.template('unclaimed-notice', '认尸公告');
}

export const unclaimedNoticeTemplate = unclaimedNotice();

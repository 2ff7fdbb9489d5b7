import type { Template } from '../template';

/** Plain A4, one line of large type per entry of `lines`: for tests and font checks. */
export const a4Text: Template = {
  id: 'a4-text',
  title: '文字测试页（A4）',
  kind: 'a4',
  page: { width: 210, height: 297 },
  fields: [{ kind: 'lines', key: 'lines', label: '文字行', x: 20, y: 20, width: 170, size: 28, minSize: 8, lineGap: 14, maxLines: 18 }],
  decorations: [],
};

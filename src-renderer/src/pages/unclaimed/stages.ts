import type { BodyStage, OpOutput } from '../../../../src-main/contract';

export type Body = OpOutput<'unclaimed.list'>[number];

/** The stages as the tabs name them, in the order a body goes through them. */
export const STAGE_TABS: { stage: BodyStage; label: string; color: string }[] = [
  { stage: 'stored', label: '存放待公告', color: 'default' },
  { stage: 'notice', label: '认尸公告中', color: 'processing' },
  { stage: 'awaiting-approval', label: '公告期满待审批', color: 'warning' },
  { stage: 'approved', label: '已批准火化', color: 'cyan' },
  { stage: 'cremated', label: '已火化', color: 'purple' },
  { stage: 'ashes-disposed', label: '已处置', color: 'success' },
  { stage: 'claimed', label: '已认领', color: 'green' },
];

export const STAGE_LABEL = Object.fromEntries(STAGE_TABS.map((t) => [t.stage, t.label])) as Record<BodyStage, string>;
export const STAGE_COLOR = Object.fromEntries(STAGE_TABS.map((t) => [t.stage, t.color])) as Record<BodyStage, string>;

/** What can be done to a body next, and by whom. */
export type BodyAction = 'notice' | 'print' | 'police' | 'approve' | 'cremate' | 'dispose' | 'claim';

export const ACTION_LABEL: Record<BodyAction, string> = {
  notice: '发布公告',
  print: '打印认尸公告',
  police: '公安确认',
  approve: '批准火化',
  cremate: '登记火化',
  dispose: '处置骨灰',
  claim: '亲属认领',
};

/** Whether the notice has run its course: from the day after its last day, the police may confirm. */
export function noticeExpired(body: Body, today: string): boolean {
  return body.noticeExpires !== null && body.noticeExpires < today;
}

/**
 * The stage's next step: the funeral home's (`funeral.waiver`) or the reviewer's (`funeral.review`).
 * A notice stays “认尸公告中” after it expires until the police confirmation is recorded (the server
 * moves it on then), so an expired one asks for that.
 */
export function nextAction(body: Body, today: string): { action: BodyAction; by: 'funeral' | 'reviewer' } | null {
  switch (body.stage) {
    case 'stored':
      return { action: 'notice', by: 'funeral' };
    case 'notice':
      return noticeExpired(body, today) ? { action: 'police', by: 'funeral' } : { action: 'print', by: 'funeral' };
    case 'awaiting-approval':
      return { action: 'approve', by: 'reviewer' };
    case 'approved':
      return { action: 'cremate', by: 'funeral' };
    case 'cremated':
      return { action: 'dispose', by: 'reviewer' };
    default:
      return null;
  }
}

/** A family may claim the body (or the ashes) until the ashes are disposed of. */
export function claimable(body: Body): boolean {
  return body.stage !== 'ashes-disposed' && body.stage !== 'claimed';
}

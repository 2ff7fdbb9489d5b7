import { Alert, Descriptions, Divider, Typography } from 'antd';
import { DOCUMENT_TYPES, type PolicyVersion } from '../../../../src-main/contract';
import { formatDateTime } from '../../format';
import { SEX_LABELS } from '../marriage/marriageData';
import { ComputationView } from './ComputationPanel';
import { formatFen } from './money';
import { WaiverAttachments } from './WaiverScans';
import { StatusTag } from './WaiverTable';
import type { Policies, WaiverDetail } from './waiverForm';

const yesNo = (v: boolean) => (v ? '是' : '否');

/** The version a computation was made under, wherever it is kept. */
export function versionById(policies: Policies | null, versionId: string): PolicyVersion | null {
  for (const scheme of policies?.schemes ?? []) {
    const found = scheme.versions.find((v) => v.id === versionId);
    if (found) return found;
  }
  return null;
}

/** Why a waiver is here twice: the one it replaces (and why), or its own reversal (冲销) and replacement. */
function CorrectionNote({ detail }: { detail: WaiverDetail }) {
  const r = detail.reversal;
  if (r) {
    const by = r.replacedBy ? `，由减免 ${r.replacedBy} 替代` : '';
    return (
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 12 }}
        title={`已于 ${r.settlementMonth} 冲销 ${formatFen(r.totalWaived)}（原计入 ${r.originalMonth} 结算）${by}`}
        description={`更正原因：${r.reason}`}
        data-testid="waiver-reversal"
      />
    );
  }
  if (!detail.replacesNumber) return null;
  return (
    <Alert
      type="warning"
      showIcon
      style={{ marginBottom: 12 }}
      title={`更正已结算的减免 ${detail.replacesNumber}（原减免已冲销）`}
      description={detail.correctionReason && `更正原因：${detail.correctionReason}`}
      data-testid="waiver-replaces"
    />
  );
}

/**
 * Entered while the provincial platform could not be asked about earlier waivers of this person: the
 * reviewer decides knowing it, and a conflict the later check found is shown here.
 */
function PlatformCheckNote({ detail }: { detail: WaiverDetail }) {
  if (detail.platformConflict) {
    return <Alert type="error" showIcon style={{ marginBottom: 12 }} title="省级平台复核发现重复减免" description={detail.platformConflict} data-testid="waiver-platform-conflict" />;
  }
  if (detail.platformCheck !== 'unreachable') return null;
  return (
    <Alert
      type="warning"
      showIcon
      style={{ marginBottom: 12 }}
      title="录入时未能向省级平台查重"
      description="本减免录入时省级平台无法连接，尚未核实该逝者是否已在其他殡仪馆办理减免。平台恢复后将自动复核；审核通过即视为审核员决定先行办理。"
      data-testid="waiver-platform-unchecked"
    />
  );
}

/** One waiver in full: the deceased, the category, the payer, who entered and reviewed it, the computation and the scans. */
export function WaiverDetailView({ detail, policies }: { detail: WaiverDetail; policies: Policies | null }) {
  const { input, computation } = detail;
  const d = input.deceased;
  const version = versionById(policies, computation.versionId);
  const category = input.categoryId === null ? '不属于减免对象类别' : (version?.categories.find((c) => c.id === input.categoryId)?.label ?? input.categoryId);
  const exclusions = (input.exclusionIds ?? []).map((id) => version?.exclusions.find((e) => e.id === id)?.label ?? id);
  return (
    <div data-testid="waiver-detail">
      {detail.status === 'rejected' && detail.rejectReason && <Alert type="error" showIcon title={`已退回：${detail.rejectReason}`} style={{ marginBottom: 12 }} />}
      <CorrectionNote detail={detail} />
      <PlatformCheckNote detail={detail} />
      <Descriptions
        size="small"
        bordered
        column={2}
        title={
          <span>
            {detail.number} <StatusTag waiver={detail} />
          </span>
        }
        items={[
          { key: 'name', label: '逝者姓名', children: d.name },
          { key: 'sex', label: '性别', children: SEX_LABELS[d.sex] },
          { key: 'doc', label: '证件', children: `${DOCUMENT_TYPES[d.documentType ?? 'resident-id'].label} ${detail.idNumberMasked}` },
          { key: 'birth', label: '出生日期', children: d.birthDate ?? '—' },
          { key: 'death', label: '死亡日期', children: d.dateOfDeath },
          { key: 'cert', label: '死亡证明编号', children: d.deathCertificateNumber },
          { key: 'hukou', label: '户籍地', children: `${d.hukou}（本市户籍：${yesNo(d.hukouInCity)}）` },
          { key: 'place', label: '死亡地点', children: `${d.placeOfDeath}（在本市死亡：${yesNo(d.diedInCity)}）` },
          { key: 'cremated', label: '在本市殡仪馆火化', children: yesNo(d.crematedAtCityHome) },
          { key: 'home', label: '殡仪馆', children: detail.funeralHome },
          { key: 'category', label: '减免对象类别', children: category },
          { key: 'exclusions', label: '不予减免情形', children: exclusions.length ? exclusions.join('、') : '无' },
          { key: 'payer', label: '经办人', children: `${input.payer.name}（${input.payer.relation}）` },
          { key: 'entered', label: '录入', children: `${detail.enteredBy ?? '—'} ${formatDateTime(detail.enteredAt)}` },
          ...(detail.reviewedAt ? [{ key: 'reviewed', label: '审核', children: `${detail.reviewedBy ?? '—'} ${formatDateTime(detail.reviewedAt)}` }] : []),
          ...(detail.settlementMonth ? [{ key: 'month', label: '结算月份', children: detail.settlementMonth }] : []),
        ]}
      />
      <Divider titlePlacement="start" style={{ margin: '16px 0 8px' }}>
        <Typography.Text strong>减免计算</Typography.Text>
      </Divider>
      <ComputationView computation={computation} />
      <Divider titlePlacement="start" style={{ margin: '16px 0 8px' }}>
        <Typography.Text strong>扫描件</Typography.Text>
      </Divider>
      <WaiverAttachments detail={detail} />
    </div>
  );
}

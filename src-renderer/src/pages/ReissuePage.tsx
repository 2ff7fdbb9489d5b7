import { useState } from 'react';
import { Alert, Card, Tabs, Typography } from 'antd';
import { hasPermission } from '../../../src-main/contract';
import { useCurrentSession } from '../currentSession';
import { PageHeader } from '../PageHeader';
import { useHashParams } from '../useHashRoute';
import { useQuery } from '../useQuery';
import { ForbiddenPage } from './ForbiddenPage';
import type { PrintTemplate } from './print/templateData';
import type { Printers } from './print/usePrintTarget';
import { RecordCertificate } from './reissue/RecordCertificate';
import { ReissuedCertificate } from './reissue/ReissuedCertificate';
import { ReissueForm, type Refusal, type Reissued } from './reissue/ReissueForm';

type Tab = 'reissue' | 'record';

/** 补领: the form, then either the replacement and its booklet, or why not and the record certificate instead. */
function ReissueDesk({ templates, printers }: { templates: PrintTemplate[] | null; printers: Printers | null }) {
  // `#/reissue?original=J…` (补领 from a search result on the home page) fills in the 原证字号.
  const original = useHashParams().get('original');
  const [initialOriginal] = useState(original ?? undefined);
  const [reissued, setReissued] = useState<Reissued | null>(null);
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  // Each new application starts a fresh form and result.
  const [round, setRound] = useState(0);

  return (
    <div key={round}>
      <ReissueForm
        initialOriginalNumber={initialOriginal}
        done={Boolean(reissued || refusal)}
        onIssued={(r) => {
          setRefusal(null);
          setReissued(r);
        }}
        onRefused={setRefusal}
        onReset={() => {
          setReissued(null);
          setRefusal(null);
          setRound((n) => n + 1);
        }}
      />
      {reissued && (
        <div style={{ marginTop: 16 }}>
          <ReissuedCertificate reissued={reissued} templates={templates} printers={printers} />
        </div>
      )}
      {refusal && (
        <div style={{ marginTop: 16 }} data-testid="reissue-refused">
          <Alert
            type="warning"
            showIcon
            title={`不予补发：${refusal.originalNumber}`}
            description={
              <>
                <Typography.Paragraph style={{ marginBottom: 4 }} data-testid="reissue-refused-reason">
                  {refusal.message}
                </Typography.Paragraph>
                <Typography.Text type="secondary">
                  婚姻状况发生变化（离婚、丧偶或再婚）后不再补发原证，由本机关出具婚姻登记记录证明，载明本机关保存的该当事人全部婚姻登记记录。
                </Typography.Text>
              </>
            }
            style={{ marginBottom: 12 }}
          />
          <Card size="small" title="改为出具婚姻登记记录证明">
            <RecordCertificate idNumber={refusal.idNumber} printers={printers} />
          </Card>
        </div>
      )}
    </div>
  );
}

export function ReissuePage() {
  const { status } = useCurrentSession();
  const templates = useQuery('print.templates', {});
  const printers = useQuery('print.printers', {});
  const [tab, setTab] = useState<Tab>('reissue');

  if (!hasPermission(status.user.role, 'marriage.register')) {
    return <ForbiddenPage area="补领与记录证明" permission="marriage.register" />;
  }

  const shared = { templates: templates.data, printers: printers.data };
  return (
    <div data-testid="reissue-page">
      <PageHeader
        title="补领与记录证明"
        description="结婚证、离婚证遗失或损毁的，持证人本人持身份证件申请，核对原登记档案后补发（BJ/BL 字号）；婚姻状况已变化的不补发，改为出具婚姻登记记录证明。"
      />
      <Card size="small">
        <Tabs
          activeKey={tab}
          onChange={(key) => setTab(key as Tab)}
          items={[
            { key: 'reissue', label: '补领婚姻登记证', children: <ReissueDesk {...shared} /> },
            { key: 'record', label: '婚姻登记记录证明', children: <RecordCertificate printers={printers.data} /> },
          ]}
        />
      </Card>
    </div>
  );
}

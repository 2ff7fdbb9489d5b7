import { useState } from 'react';
import { Button, Col, Row, Space } from 'antd';
import { ExperimentOutlined, PlusOutlined } from '@ant-design/icons';
import { hasPermission } from '../../../src-main/contract';
import { useCurrentSession } from '../currentSession';
import { TrainingCardPanel } from '../identity/TrainingCardPanel';
import { useCardReader } from '../identity/useCardReader';
import { PageHeader } from '../PageHeader';
import { navigate, useHashParams } from '../useHashRoute';
import { ForbiddenPage } from './ForbiddenPage';
import { MarriageDesk } from './marriage/MarriageDesk';
import { draftParam } from './marriage/marriageDraft';

/** 结婚登记: 读卡, 审查, 声明书, 登记 or 不予登记, then the two certificates — from the keyboard. */
export function MarriagePage() {
  const { role } = useCurrentSession().status.user;
  const reader = useCardReader();
  const [generation, setGeneration] = useState(0);
  const [training, setTraining] = useState(false);
  const draftId = draftParam(useHashParams());
  if (!hasPermission(role, 'marriage.register')) return <ForbiddenPage area="结婚登记" permission="marriage.register" />;

  const startNew = (): void => {
    // A resumed draft is finished or set aside: the address no longer names it.
    if (draftId !== null) navigate('marriage');
    setGeneration((g) => g + 1);
  };
  const simulated = reader.data?.kind === 'simulated';

  return (
    <div data-testid="marriage-page">
      <PageHeader
        title="结婚登记"
        description="F2 / F3 读取男方 / 女方身份证，Enter 审查，Alt+P 打印声明书，Alt+S 暂存，Alt+R 登记，Alt+N 不予登记。"
        extra={
          <Space>
            {simulated && (
              <Button icon={<ExperimentOutlined />} type={training ? 'primary' : 'default'} ghost={training} onClick={() => setTraining((t) => !t)} data-testid="training-toggle">
                {training ? '收起训练读卡器' : '训练读卡器'}
              </Button>
            )}
            <Button icon={<PlusOutlined />} onClick={startNew} data-testid="marriage-reset">
              新的登记
            </Button>
          </Space>
        }
      />
      <Row gutter={16} wrap={false}>
        <Col flex="auto" style={{ minWidth: 0 }}>
          <MarriageDesk key={`${generation}:${draftId ?? ''}`} draftId={draftId} onNew={startNew} />
        </Col>
        {simulated && training && (
          <Col flex="320px">
            <TrainingCardPanel style={{ position: 'sticky', top: 0 }} />
          </Col>
        )}
      </Row>
    </div>
  );
}

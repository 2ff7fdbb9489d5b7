import { Card, Col, Row, Tag, Typography } from 'antd';
import { ROLE_LABELS } from '../../../src-main/contract';
import { useCurrentSession } from '../currentSession';
import { PageHeader } from '../PageHeader';
import { ROLE_WORK, type WorkItem } from '../roleWork';
import { ROUTES, routeHref } from '../routes';
import { RegistrarHome } from './home/RegistrarHome';

function WorkCard({ item }: { item: WorkItem }) {
  if (!item.route) {
    return (
      <Card title={item.title} extra={<Tag>尚未开通</Tag>} className="work-card work-card-unavailable">
        <Typography.Paragraph type="secondary">{item.description}</Typography.Paragraph>
        <Typography.Text type="secondary">该业务模块尚未建成，暂不能在本系统办理。</Typography.Text>
      </Card>
    );
  }
  return (
    <Card
      title={item.title}
      extra={<Tag color="success">可使用</Tag>}
      className="work-card"
      actions={[
        <a key="open" href={routeHref(item.route)}>
          进入{ROUTES[item.route].title}
        </a>,
      ]}
    >
      <Typography.Paragraph>{item.description}</Typography.Paragraph>
    </Card>
  );
}

export function HomePage() {
  const { user } = useCurrentSession().status;
  // The registrar's home is the counter's desk (once the initial password is changed: until then the
  // server answers nothing else); the other posts see their work as cards.
  if (user.role === 'registrar' && !user.mustChangePassword) return <RegistrarHome />;
  const roleLabel = ROLE_LABELS[user.role];
  return (
    <div data-testid="home-page">
      <PageHeader title="首页" description={`${user.displayName}，您好。您的岗位是${roleLabel}，以下是本岗位的工作。`} />
      <Row gutter={[16, 16]}>
        {ROLE_WORK[user.role].map((item) => (
          <Col key={item.title} xs={24} md={12} xl={8}>
            <WorkCard item={item} />
          </Col>
        ))}
      </Row>
    </div>
  );
}

import { Button, Result } from 'antd';
import { ROLES, ROLE_LABELS, hasPermission, type Permission } from '../../../src-main/contract';
import { routeHref } from '../routes';

interface ForbiddenPageProps {
  /** The page's name, e.g. 用户管理. */
  area: string;
  permission: Permission;
  /** What the server said when asked anyway: the screen is not the only guard. */
  serverMessage?: string;
}

export function ForbiddenPage({ area, permission, serverMessage }: ForbiddenPageProps) {
  const allowedRoles = ROLES.filter((role) => hasPermission(role, permission)).map((role) => ROLE_LABELS[role]);
  return (
    <Result
      status="403"
      title={`无权访问：${area}仅限${allowedRoles.join('、')}`}
      subTitle={serverMessage ? `服务端已拒绝：${serverMessage}` : '如确需使用，请联系本工作站管理员调整角色。'}
      extra={
        <Button type="primary" href={routeHref('home')}>
          返回首页
        </Button>
      }
      data-testid="forbidden"
    />
  );
}

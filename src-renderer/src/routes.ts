import type { Permission } from '../../src-main/contract';

export type RouteKey = 'home' | 'print' | 'users' | 'audit' | 'settings';

interface RouteDef {
  title: string;
  /** Needed to see the page in the menu; the page itself and the server check it again. */
  permission?: Permission;
}

/** The pages reachable by hash (#/users …), in menu order. */
export const ROUTES: Record<RouteKey, RouteDef> = {
  home: { title: '首页' },
  print: { title: '打印与套打' },
  users: { title: '用户管理', permission: 'users.manage' },
  audit: { title: '审计日志', permission: 'audit.read' },
  settings: { title: '系统设置', permission: 'settings.manage' },
};

export const ROUTE_KEYS = Object.keys(ROUTES) as RouteKey[];

export function isRouteKey(value: string): value is RouteKey {
  return Object.prototype.hasOwnProperty.call(ROUTES, value);
}

export function routeHref(route: RouteKey): string {
  return `#/${route}`;
}

import { hasPermission, type Permission, type Role } from '../../src-main/contract';

export type RouteKey = 'home' | 'marriage' | 'divorce' | 'dates' | 'reissue' | 'print' | 'booklets' | 'statistics' | 'sync' | 'users' | 'audit' | 'settings' | FuneralRouteKey;
type FuneralRouteKey = 'funeral' | 'funeral-review' | 'funeral-settlement' | 'eco-burial' | UnclaimedRouteKey;
type UnclaimedRouteKey = 'unclaimed' | 'unclaimed-dashboard' | 'cremation-ledger';

interface RouteDef {
  title: string;
  /** Any one of these is needed to see the page in the menu; the page itself and the server check again. */
  permissions?: readonly Permission[];
}

/** The pages reachable by hash (#/users …), in menu order. */
export const ROUTES: Record<RouteKey, RouteDef> = {
  home: { title: '首页' },
  marriage: { title: '结婚登记', permissions: ['marriage.register'] },
  divorce: { title: '离婚登记', permissions: ['marriage.register'] },
  dates: { title: '日期计算器', permissions: ['marriage.register'] },
  reissue: { title: '补领与记录证明', permissions: ['marriage.register'] },
  funeral: { title: '殡葬费用减免', permissions: ['funeral.waiver'] },
  'funeral-review': { title: '殡葬减免审核', permissions: ['funeral.review'] },
  'funeral-settlement': { title: '月度结算', permissions: ['funeral.review', 'funeral.waiver'] },
  unclaimed: { title: '无人认领遗体', permissions: ['funeral.waiver', 'funeral.review'] },
  'unclaimed-dashboard': { title: '处置情况', permissions: ['funeral.waiver', 'funeral.review'] },
  'cremation-ledger': { title: '火化证明台账', permissions: ['funeral.waiver', 'funeral.review'] },
  'eco-burial': { title: '生态安葬奖补', permissions: ['funeral.read'] },
  print: { title: '打印与套打' },
  booklets: { title: '证书台账', permissions: ['stationery.use', 'stationery.manage'] },
  statistics: { title: '统计', permissions: ['statistics.read'] },
  sync: { title: '数据同步', permissions: ['sync.manage'] },
  users: { title: '用户管理', permissions: ['users.manage'] },
  audit: { title: '审计日志', permissions: ['audit.read'] },
  settings: { title: '系统设置', permissions: ['settings.manage'] },
};

export const ROUTE_KEYS = Object.keys(ROUTES) as RouteKey[];

/** Whether the menu offers this page to this role. */
export function isInMenu(role: Role, route: RouteKey): boolean {
  const { permissions } = ROUTES[route];
  return !permissions || permissions.some((permission) => hasPermission(role, permission));
}

export function isRouteKey(value: string): value is RouteKey {
  return Object.prototype.hasOwnProperty.call(ROUTES, value);
}

export function routeHref(route: RouteKey): string {
  return `#/${route}`;
}

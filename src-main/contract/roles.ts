/** Roles and the permission matrix: the one place that says who may do what. */
export const ROLES = ['registrar', 'reviewer', 'funeral', 'archivist', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  registrar: '婚姻登记员',
  reviewer: '审核员',
  funeral: '殡仪馆工作人员',
  archivist: '档案员',
  admin: '管理员',
};

export const PERMISSIONS = [
  'users.manage',
  'audit.read',
  'settings.manage',
  'print.calibrate',
  'stationery.manage',
  'stationery.use',
  'certificates.issue',
  'marriage.register',
  'statistics.read',
  'funeral.waiver',
  'funeral.review',
  'funeral.read',
  'marriage.correct',
  'sync.manage',
  'sync.service',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

export const PERMISSION_LABELS: Record<Permission, string> = {
  'users.manage': '管理用户',
  'audit.read': '查看审计日志',
  'settings.manage': '修改系统设置',
  'print.calibrate': '校准套打打印机',
  'stationery.manage': '领入空白证书',
  'stationery.use': '使用或作废空白证书',
  'certificates.issue': '打印或保存带签名二维码的证书',
  'marriage.register': '办理结婚登记',
  'statistics.read': '查看婚姻登记统计',
  'funeral.waiver': '录入殡葬费用减免',
  'funeral.review': '审核殡葬费用减免与月度结算',
  'funeral.read': '查看殡葬费用减免',
  'marriage.correct': '更正婚姻登记记录',
  'sync.manage': '处理与省级平台的同步',
  // Held by no role: the sync service's own bookkeeping, called with system authority.
  'sync.service': '同步服务记账（仅系统）',
};

const MATRIX: Record<Role, readonly Permission[]> = {
  registrar: ['print.calibrate', 'stationery.use', 'certificates.issue', 'marriage.register'],
  reviewer: ['audit.read', 'stationery.manage', 'stationery.use', 'statistics.read', 'funeral.review', 'funeral.read', 'marriage.correct', 'sync.manage'],
  funeral: ['print.calibrate', 'funeral.waiver', 'funeral.read'],
  archivist: [],
  admin: ['users.manage', 'audit.read', 'settings.manage', 'print.calibrate', 'stationery.manage', 'stationery.use', 'certificates.issue', 'marriage.register', 'statistics.read', 'funeral.read', 'marriage.correct', 'sync.manage'],
};

export function hasPermission(role: Role, permission: Permission): boolean {
  return MATRIX[role].includes(permission);
}

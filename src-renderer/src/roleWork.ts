import type { Role } from '../../src-main/contract';
import type { RouteKey } from './routes';

export interface WorkItem {
  title: string;
  description: string;
  /** The page that does this work; absent while the module has not been built. */
  route?: RouteKey;
}

/** For those who receive blank certificates as well as use them. */
const BOOKLET_LEDGER: WorkItem = {
  title: '证书台账',
  description: '登记领入的空白结婚证、离婚证号段，登记作废，核对领入、已用、作废和库存。',
  route: 'booklets',
};

/** For those who read the office's figures: supervisors and the administrator. */
const STATISTICS: WorkItem = {
  title: '婚姻登记统计',
  description: '按日、按月统计结婚登记、离婚登记、补发证件和不予登记件数，跨省通办占比和不予登记原因，导出 Excel。',
  route: 'statistics',
};

/** For the supervisors who deal with what the provincial platform sends back. */
const SYNC: WorkItem = {
  title: '数据同步',
  description: '查看与省级平台的连接和上报情况，处理被平台退回的记录（更正后重新上报），跟踪平台无法连接时经授权办理的结婚登记的复核结果。',
  route: 'sync',
};

/** The work of each post at a civil-affairs registration window, as the home page lists it. */
export const ROLE_WORK: Record<Role, WorkItem[]> = {
  registrar: [
    { title: '结婚登记', description: '受理内地居民结婚登记申请，查验双方证件和声明，颁发结婚证。', route: 'marriage' },
    { title: '离婚登记（含离婚冷静期）', description: '受理离婚登记申请；30 日离婚冷静期届满后 30 日内，双方共同到场申请发给离婚证。', route: 'divorce' },
    { title: '补领婚姻登记证', description: '结婚证、离婚证遗失或损毁的，核实原登记档案后补发。', route: 'reissue' },
    { title: '婚姻登记记录证明', description: '依申请出具本机关保存的婚姻登记记录证明。', route: 'reissue' },
    { title: '证书台账', description: '查看空白结婚证、离婚证的库存；套打印坏或损毁的空白证书登记作废。', route: 'booklets' },
  ],
  reviewer: [
    { title: '殡葬减免审核', description: '审核殡仪馆录入的基本殡葬服务费用减免：核对逝者情况、服务项目和计算依据，通过或退回。', route: 'funeral-review' },
    { title: '月度结算', description: '按月汇总各殡仪馆审核通过的减免，提交结算，导出 Excel，打印结算汇总表。', route: 'funeral-settlement' },
    { title: '无人认领遗体处置情况', description: '无人认领遗体的存量、各阶段数量和本年处置进度；批准公告期满的遗体火化，处置保存期满的骨灰。', route: 'unclaimed-dashboard' },
    { title: '生态安葬奖补审核与发放', description: '审核殡仪馆受理的节地生态安葬奖补申请，批准或不予补贴，登记发放日期和支付凭证号。', route: 'eco-burial' },
    BOOKLET_LEDGER,
    STATISTICS,
    SYNC,
    { title: '审计日志', description: '查阅本工作站的全部操作记录，校验审计链是否完整。', route: 'audit' },
  ],
  funeral: [
    { title: '基本殡葬服务费用减免', description: '逝者家属结账时按本地减免政策录入减免，随填随算，打印减免审批表；退回的修改后重新提交。', route: 'funeral' },
    { title: '减免月度结算', description: '查看本馆每月审核通过的减免汇总和结算状态，导出 Excel。', route: 'funeral-settlement' },
    { title: '生态安葬补贴', description: '受理海葬、树葬、草坪葬、花坛葬等节地生态安葬的奖补申请，随填随算，查看审核与发放情况。', route: 'eco-burial' },
    { title: '无人认领遗体', description: '登记无人认领遗体的接收、公告和处置情况。', route: 'unclaimed' },
    { title: '火化证明台账', description: '火化证明的开具、骨灰去向登记和作废；无人认领遗体火化时自动开具。', route: 'cremation-ledger' },
    { title: '无人认领遗体处置情况', description: '当前存量、各阶段数量、在馆最久的遗体、公告期满未处理，本年处置进度对照年度目标。', route: 'unclaimed-dashboard' },
  ],
  archivist: [{ title: '婚姻档案数字化', description: '将纸质婚姻登记档案扫描、著录，形成电子档案。' }],
  admin: [
    { title: '用户管理', description: '新建本工作站的用户账户，分配角色，停用账户，重置密码。', route: 'users' },
    BOOKLET_LEDGER,
    STATISTICS,
    SYNC,
    { title: '审计日志', description: '查阅本工作站的全部操作记录，校验审计链是否完整。', route: 'audit' },
    { title: '系统设置', description: '设置空闲自动锁屏时间、省级平台连接、打印字体、殡葬减免政策等本工作站参数。', route: 'settings' },
  ],
};

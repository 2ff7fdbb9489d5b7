import { useCallback, useEffect, useMemo, useState } from 'react';
import { Button, Layout, Result, Spin } from 'antd';
import { call, onSessionProblem } from './api/client';
import { AppHeader } from './AppHeader';
import { ChangePasswordDialog } from './ChangePasswordDialog';
import { SessionContext } from './currentSession';
import { LockScreen } from './LockScreen';
import { NavMenu } from './NavMenu';
import { AuditLogPage } from './pages/AuditLogPage';
import { BookletsPage } from './pages/BookletsPage';
import { HomePage } from './pages/HomePage';
import { MarriagePage } from './pages/MarriagePage';
import { DivorcePage } from './pages/DivorcePage';
import { DateCalculatorPage } from './pages/DateCalculatorPage';
import { FuneralReviewPage } from './pages/FuneralReviewPage';
import { FuneralSettlementPage } from './pages/FuneralSettlementPage';
import { FuneralWaiverPage } from './pages/FuneralWaiverPage';
import { PrintPage } from './pages/PrintPage';
import { ReissuePage } from './pages/ReissuePage';
import { SettingsPage } from './pages/SettingsPage';
import { StatisticsPage } from './pages/StatisticsPage';
import { SyncPage } from './pages/SyncPage';
import { UsersPage } from './pages/UsersPage';
import { UnclaimedPage } from './pages/UnclaimedPage';
import { UnclaimedDashboardPage } from './pages/UnclaimedDashboardPage';
import { CremationLedgerPage } from './pages/CremationLedgerPage';
import { EcoBurialPage } from './pages/EcoBurialPage';
import type { RouteKey } from './routes';
import { StatusBar } from './StatusBar';
import { useHashRoute } from './useHashRoute';
import { useIdleLock } from './useIdleLock';
import { useSessionStatus } from './useSessionStatus';

function Page({ route }: { route: RouteKey }) {
  switch (route) {
    case 'home':
      return <HomePage />;
    case 'marriage':
      return <MarriagePage />;
    case 'divorce':
      return <DivorcePage />;
    case 'dates':
      return <DateCalculatorPage />;
    case 'print':
      return <PrintPage />;
    case 'reissue':
      return <ReissuePage />;
    case 'funeral':
      return <FuneralWaiverPage />;
    case 'funeral-review':
      return <FuneralReviewPage />;
    case 'funeral-settlement':
      return <FuneralSettlementPage />;
    case 'unclaimed':
      return <UnclaimedPage />;
    case 'unclaimed-dashboard':
      return <UnclaimedDashboardPage />;
    case 'cremation-ledger':
      return <CremationLedgerPage />;
    case 'eco-burial':
      return <EcoBurialPage />;
    case 'booklets':
      return <BookletsPage />;
    case 'statistics':
      return <StatisticsPage />;
    case 'sync':
      return <SyncPage />;
    case 'users':
      return <UsersPage />;
    case 'audit':
      return <AuditLogPage />;
    case 'settings':
      return <SettingsPage />;
  }
}

/** Everything after login: header, menu, the current page, the status bar, and the lock screen. */
export function Workspace({ onLogout }: { onLogout: () => void }) {
  const [locked, setLocked] = useState(false);
  const [changingPassword, setChangingPassword] = useState(false);
  const showLock = useCallback(() => setLocked(true), []);
  const { status, error, refresh } = useSessionStatus(showLock);
  const route = useHashRoute();

  // The server refused a call because the session is locked (it locks idle sessions on its own too).
  useEffect(
    () =>
      onSessionProblem((code) => {
        if (code === 'LOCKED') setLocked(true);
      }),
    [],
  );

  const lockNow = useCallback(() => {
    setLocked(true);
    // The screen is locked whatever the answer; if the session has meanwhile ended, the client's
    // session-problem listener takes the user back to the login page.
    call('auth.lock', {}).catch(() => undefined);
  }, []);
  useIdleLock(status && !locked ? status.idleLockMinutes : null, lockNow);

  const session = useMemo(() => (status ? { status, refresh } : null), [status, refresh]);

  if (!session) {
    if (!error) return <Spin fullscreen description="正在读取登录状态…" />;
    return (
      <Result
        status="error"
        title="无法读取登录状态"
        subTitle={error.message}
        extra={[
          <Button key="retry" type="primary" onClick={refresh}>
            重试
          </Button>,
          <Button key="logout" onClick={onLogout}>
            退出登录
          </Button>,
        ]}
      />
    );
  }

  const { user, station } = session.status;
  // The workspace stays mounted under the lock screen, so a half-filled form survives a coffee break.
  return (
    <SessionContext value={session}>
      <Layout className="workspace">
        <AppHeader
          officeName={station.officeName}
          onChangePassword={() => setChangingPassword(true)}
          onLock={lockNow}
          onLogout={onLogout}
        />
        <Layout>
          <Layout.Sider theme="light" width={200} className="workspace-sider">
            <NavMenu role={user.role} route={route} />
          </Layout.Sider>
          <Layout.Content className="workspace-content">
            <Page key={route} route={route} />
          </Layout.Content>
        </Layout>
        <StatusBar status={session.status} connectionError={error} />
      </Layout>
      {changingPassword && <ChangePasswordDialog onClosed={() => setChangingPassword(false)} />}
      {user.mustChangePassword && !locked && (
        // After a reload with an initial password still in place: the server refuses all other work.
        <ChangePasswordDialog forced onChanged={refresh} onCancel={onLogout} onClosed={refresh} />
      )}
      {locked && (
        <LockScreen
          user={user}
          onUnlocked={() => {
            setLocked(false);
            refresh();
          }}
          onLogout={onLogout}
        />
      )}
    </SessionContext>
  );
}

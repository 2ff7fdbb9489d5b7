import { useCallback, useEffect, useState } from 'react';
import { Button, Result, Spin } from 'antd';
import type { OpOutput } from '../../src-main/contract';
import { call, getSession, onSessionProblem, setSession } from './api/client';
import { asAppError } from './formErrors';
import { LoginPage } from './pages/LoginPage';
import { SetupPage } from './pages/SetupPage';
import { navigate } from './useHashRoute';
import { Workspace } from './Workspace';

type Station = OpOutput<'setup.status'>['station'];

type Phase =
  | { kind: 'starting' }
  | { kind: 'unavailable'; message: string }
  | { kind: 'setup' }
  | { kind: 'login'; station: Station; notice?: string }
  | { kind: 'workspace'; station: Station };

/** Which screen the window shows: first-run setup, login, or the workspace of a logged-in user. */
export function App() {
  const [phase, setPhase] = useState<Phase>({ kind: 'starting' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let active = true;
    call('setup.status', {}).then(
      ({ initialized, station }) => {
        if (!active) return;
        if (!initialized) {
          setSession(null);
          setPhase({ kind: 'setup' });
        } else {
          // A session kept from before a reload carries on; the workspace finds out if it has ended.
          setPhase(getSession() ? { kind: 'workspace', station } : { kind: 'login', station });
        }
      },
      (err: unknown) => {
        if (active) setPhase({ kind: 'unavailable', message: asAppError(err).message });
      },
    );
    return () => {
      active = false;
    };
  }, [attempt]);

  const station = phase.kind === 'login' || phase.kind === 'workspace' ? phase.station : null;

  useEffect(
    () =>
      onSessionProblem((code) => {
        if (code !== 'UNAUTHENTICATED') return;
        setSession(null);
        setPhase((current) => ({
          kind: 'login',
          station: current.kind === 'login' || current.kind === 'workspace' ? current.station : null,
          notice: '登录已失效（会话已结束或账户已停用），请重新登录',
        }));
      }),
    [],
  );

  const logout = useCallback(async (): Promise<void> => {
    try {
      await call('auth.logout', {});
    } catch {
      // Logging out must always work at the counter: the session is dropped here whatever the server says.
    }
    setSession(null);
    // The next user starts from the home page, not wherever the last one left off.
    navigate('home');
    setPhase((current) => ({ kind: 'login', station: current.kind === 'workspace' || current.kind === 'login' ? current.station : null }));
  }, []);

  switch (phase.kind) {
    case 'starting':
      return <Spin fullscreen description="正在启动…" />;
    case 'unavailable':
      return (
        <Result
          status="error"
          title="无法连接到 CivReg 服务"
          subTitle={phase.message}
          extra={
            <Button type="primary" onClick={() => setAttempt((n) => n + 1)}>
              重试
            </Button>
          }
        />
      );
    case 'setup':
      return <SetupPage onInitialized={() => setAttempt((n) => n + 1)} />;
    case 'login':
      return (
        <LoginPage
          station={station}
          notice={phase.notice}
          onLoggedIn={() => setPhase({ kind: 'workspace', station })}
          onLogout={() => void logout()}
        />
      );
    case 'workspace':
      return <Workspace onLogout={() => void logout()} />;
  }
}

import { createContext, useContext } from 'react';
import type { OpOutput } from '../../src-main/contract';

export type SessionStatus = OpOutput<'session.status'>;

export interface CurrentSession {
  status: SessionStatus;
  /** Re-read session.status now, e.g. after changing one's own name or the idle-lock setting. */
  refresh: () => void;
}

export const SessionContext = createContext<CurrentSession | null>(null);

/** The logged-in user's session, for pages inside the workspace. */
export function useCurrentSession(): CurrentSession {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useCurrentSession 只能在登录后的工作区内使用');
  return session;
}

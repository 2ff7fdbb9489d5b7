import { useState } from 'react';
import type { OpOutput } from '../../../../src-main/contract';
import { call } from '../../api/client';
import { asAppError } from '../../formErrors';

export interface ChainVerdict {
  type: 'success' | 'error';
  title: string;
  description?: string;
}

function anchorNote(anchor: OpOutput<'audit.verify'>['anchor']): string {
  if (!anchor) return '尚未向省级平台锚定审计链。';
  return anchor.matches ? `第 ${anchor.seq} 条的哈希已由省级平台确认（${anchor.confirmedAt.slice(0, 16).replace('T', ' ')}），与本机一致。` : '';
}

function verdictOf(result: OpOutput<'audit.verify'>): ChainVerdict {
  if (result.ok) return { type: 'success', title: `审计链完整，共校验 ${result.checked} 条`, description: anchorNote(result.anchor) };
  if (!result.firstBad && result.anchor && !result.anchor.matches) {
    return {
      type: 'error',
      title: `审计链与省级平台锚定的第 ${result.anchor.seq} 条不一致`,
      description: '本机审计链自身可以校验通过，但与此前报送省级平台的哈希不同：审计日志可能被整体改写。请保全本机数据并立即报告。',
    };
  }
  const bad = result.firstBad;
  return {
    type: 'error',
    title: bad ? `审计链校验未通过：#${bad.seq} ${bad.reason}` : '审计链校验未通过',
    description: `此前 ${result.checked} 条记录校验无误。自第一条异常记录起的内容可能已被改动或删除，请保全本机数据并立即报告。`,
  };
}

/** Walk the whole hash chain on the server and turn its answer into a sentence for the auditor. */
export function useChainVerification() {
  const [verifying, setVerifying] = useState(false);
  const [verdict, setVerdict] = useState<ChainVerdict | null>(null);

  const verify = async (): Promise<void> => {
    setVerifying(true);
    try {
      setVerdict(verdictOf(await call('audit.verify', {})));
    } catch (err) {
      setVerdict({ type: 'error', title: `审计链校验未能完成：${asAppError(err).message}` });
    } finally {
      setVerifying(false);
    }
  };

  return { verifying, verdict, verify, dismiss: () => setVerdict(null) };
}

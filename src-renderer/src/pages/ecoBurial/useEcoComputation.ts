import { useEffect, useRef, useState } from 'react';
import type { AppError } from '../../../../src-main/contract';
import { call } from '../../api/client';
import { asAppError } from '../../formErrors';
import type { EcoBurialComputation, EcoBurialInput } from './ecoBurialForm';

const DELAY_MS = 350;

interface Answer {
  for: string;
  computation?: EcoBurialComputation;
  error?: AppError;
}

/**
 * 试算 as the form is typed: `input` (null while something is missing) goes to ecoBurial.compute once
 * typing pauses. An answer to an older input is dropped; the last one stays (marked stale) until the next.
 */
export function useEcoComputation(input: EcoBurialInput | null) {
  const [answer, setAnswer] = useState<Answer | null>(null);
  const [last, setLast] = useState<EcoBurialComputation | null>(null);
  const latest = useRef<string | null>(null);
  const json = input ? JSON.stringify(input) : null;

  useEffect(() => {
    latest.current = json;
    if (json === null) return;
    const timer = setTimeout(() => {
      call('ecoBurial.compute', JSON.parse(json) as EcoBurialInput).then(
        (computation) => {
          if (latest.current !== json) return;
          setAnswer({ for: json, computation });
          setLast(computation);
        },
        (err: unknown) => {
          if (latest.current === json) setAnswer({ for: json, error: asAppError(err) });
        },
      );
    }, DELAY_MS);
    return () => clearTimeout(timer);
  }, [json]);

  const current = json !== null && answer?.for === json;
  return {
    computation: json === null ? null : last,
    fresh: current && Boolean(answer?.computation),
    error: current ? (answer?.error ?? null) : null,
    loading: json !== null && !current,
  };
}

import { useEffect, useRef, useState } from 'react';
import type { AppError, OpInput } from '../../../../src-main/contract';
import { call } from '../../api/client';
import { asAppError } from '../../formErrors';
import type { WaiverComputation, WaiverInput } from './waiverForm';

const DELAY_MS = 350;

interface Answer {
  /** The input (as JSON) it answers. */
  for: string;
  computation?: WaiverComputation;
  error?: AppError;
}

/**
 * 试算 while the form is typed: `input` (null while something is still missing) is sent to
 * funeral.computeWaiver once typing pauses. An answer to an older input is dropped; the last
 * computation stays on screen (marked stale by the panel) until the next one arrives.
 */
export function useLiveComputation(input: WaiverInput | null, correctingId?: number) {
  const [answer, setAnswer] = useState<Answer | null>(null);
  const [lastComputation, setLastComputation] = useState<WaiverComputation | null>(null);
  const latest = useRef<string | null>(null);
  // The waiver being corrected is not an earlier waiver of the same person.
  const json = input ? JSON.stringify(correctingId === undefined ? input : { ...input, id: correctingId }) : null;

  useEffect(() => {
    latest.current = json;
    if (json === null) return;
    const timer = setTimeout(() => {
      call('funeral.computeWaiver', JSON.parse(json) as OpInput<'funeral.computeWaiver'>).then(
        (computation) => {
          if (latest.current !== json) return;
          setAnswer({ for: json, computation });
          setLastComputation(computation);
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
    computation: lastComputation,
    /** The computation shown answers exactly what the form holds now. */
    fresh: current && Boolean(answer?.computation),
    error: current ? (answer?.error ?? null) : null,
    loading: json !== null && !current,
  };
}

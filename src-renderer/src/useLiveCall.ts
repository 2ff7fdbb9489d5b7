import { useEffect, useRef, useState } from 'react';
import type { AppError, OpInput, OpName, OpOutput } from '../../src-main/contract';
import { call } from './api/client';
import { asAppError } from './formErrors';

const DELAY_MS = 350;

interface Answer<T> {
  /** The input (as JSON) it answers. */
  for: string;
  result?: T;
  error?: AppError;
}

/**
 * A read operation kept up to date while a form is typed (试算): `input` (null while something is still
 * missing) is sent once typing pauses. An answer to an older input is dropped; the last result stays
 * (`fresh` false) until the next one arrives, so the panel does not flicker.
 */
export function useLiveCall<K extends OpName>(name: K, input: OpInput<K> | null) {
  const [answer, setAnswer] = useState<Answer<OpOutput<K>> | null>(null);
  const [last, setLast] = useState<OpOutput<K> | null>(null);
  const latest = useRef<string | null>(null);
  const json = input ? JSON.stringify(input) : null;

  useEffect(() => {
    latest.current = json;
    if (json === null) return;
    const timer = setTimeout(() => {
      call(name, JSON.parse(json) as OpInput<K>).then(
        (result) => {
          if (latest.current !== json) return;
          setAnswer({ for: json, result });
          setLast(result);
        },
        (err: unknown) => {
          if (latest.current === json) setAnswer({ for: json, error: asAppError(err) });
        },
      );
    }, DELAY_MS);
    return () => clearTimeout(timer);
  }, [name, json]);

  const current = json !== null && answer?.for === json;
  return {
    last,
    /** Nothing to ask yet: the form is incomplete. */
    idle: json === null,
    /** The result shown answers exactly what the form holds now. */
    fresh: current && Boolean(answer?.result),
    error: current ? (answer?.error ?? null) : null,
    loading: json !== null && !current,
  };
}

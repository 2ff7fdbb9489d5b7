import { useCallback, useEffect, useState } from 'react';
import type { AppError, OpInput, OpName, OpOutput } from '../../src-main/contract';
import { call } from './api/client';
import { asAppError } from './formErrors';

interface Outcome<K extends OpName> {
  key: string;
  data?: OpOutput<K>;
  error?: AppError;
}

/**
 * Load a read operation when the page shows, and again on `reload()`. While reloading the previous
 * data stays on screen, so tables do not flash empty.
 */
export function useQuery<K extends OpName>(name: K, input: OpInput<K>) {
  const [generation, setGeneration] = useState(0);
  const [outcome, setOutcome] = useState<Outcome<K> | null>(null);
  const inputJson = JSON.stringify(input);
  const key = `${name}#${generation}#${inputJson}`;

  useEffect(() => {
    let active = true;
    call(name, JSON.parse(inputJson) as OpInput<K>).then(
      (data) => {
        if (active) setOutcome({ key, data });
      },
      (err: unknown) => {
        if (active) setOutcome({ key, error: asAppError(err) });
      },
    );
    return () => {
      active = false;
    };
  }, [name, inputJson, key]);

  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  const current = outcome?.key === key;
  return {
    data: outcome?.data ?? null,
    error: current ? (outcome.error ?? null) : null,
    loading: !current,
    reload,
  };
}

import { useLiveCall } from '../../useLiveCall';
import type { EcoBurialInput } from './ecoBurialForm';

/** 试算 of the subsidy as the form is typed; nothing is shown while the form is incomplete. */
export function useEcoComputation(input: EcoBurialInput | null) {
  const { last, idle, ...state } = useLiveCall('ecoBurial.compute', input);
  return { computation: idle ? null : last, ...state };
}

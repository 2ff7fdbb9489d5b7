import { useLiveCall } from '../../useLiveCall';
import type { WaiverInput } from './waiverForm';

/**
 * 试算 of the waiver while the form is typed. The last computation stays on screen (marked stale by the
 * panel) while the form is incomplete or the next one is on its way.
 */
export function useLiveComputation(input: WaiverInput | null, correctingId?: number) {
  // The waiver being corrected is not an earlier waiver of the same person.
  const { last, ...state } = useLiveCall('funeral.computeWaiver', input && (correctingId === undefined ? input : { ...input, id: correctingId }));
  return { computation: last, ...state };
}

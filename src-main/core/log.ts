/**
 * Operational log: one JSON line per event on stderr. Callers pass operation names, codes and
 * timings only — never input values, names or ID numbers.
 */
export function logEvent(event: string, fields: Record<string, string | number | boolean | null> = {}): void {
  if (process.env.CIVREG_QUIET === '1') return;
  process.stderr.write(JSON.stringify({ t: new Date().toISOString(), event, ...fields }) + '\n');
}

import os from 'node:os';
import path from 'node:path';

/** Where shipped resources (migrations, fonts) live: source tree and build output are both two levels down. */
export function resourcesDir(): string {
  return process.env.CIVREG_RESOURCES ?? path.resolve(__dirname, '../../resources');
}

/** The data folder: `--data-dir`, else CIVREG_DATA_DIR, else the per-user application-data folder. */
export function resolveDataDir(explicit?: string, userDataDir?: string): string {
  if (explicit) return path.resolve(explicit);
  if (process.env.CIVREG_DATA_DIR) return path.resolve(process.env.CIVREG_DATA_DIR);
  if (userDataDir) return userDataDir;
  const base = process.env.XDG_CONFIG_HOME ?? path.join(os.homedir(), '.config');
  return path.join(base, 'CivReg');
}

export const DATABASE_FILE = 'civreg.sqlite';

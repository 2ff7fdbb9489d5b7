import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * Where shipped resources (migrations, fonts) live: the nearest `resources` folder above this
 * module — the source tree, the build output and its shared chunks sit at different depths.
 */
export function resourcesDir(): string {
  if (process.env.CIVREG_RESOURCES) return process.env.CIVREG_RESOURCES;
  for (let dir = __dirname; ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'resources');
    if (fs.existsSync(path.join(candidate, 'migrations'))) return candidate;
    if (path.dirname(dir) === dir) throw new Error(`resources folder not found above ${__dirname}`);
  }
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

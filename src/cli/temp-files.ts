/**
 * The temporary files writes go through (`.<name>.<pid>.<random>.redis-codemod.tmp`, next to the file),
 * and the clean-up of those a killed run (SIGKILL, power loss) left behind.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describeFsError, errorCode } from './fs-error';

const TEMP_NAME = /^\..+\.(\d+)\.[0-9a-f]{8}\.redis-codemod\.tmp$/;
/** No write takes this long: an older temp file is debris even if its pid now belongs to another process. */
const STALE_AFTER_MS = 60 * 60 * 1000;

export function tempFileFor(file: string): string {
  const name = `.${path.basename(file)}.${process.pid}.${crypto.randomBytes(4).toString('hex')}.redis-codemod.tmp`;
  return path.join(path.dirname(file), name);
}

export interface LeftoverTempFile {
  path: string;
  removed: boolean;
  /** Why it could not be removed. */
  error?: string;
}

function isProcessAlive(pid: number): boolean {
  if (pid === process.pid) return false; // this run has written nothing yet: an old run had our pid
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return errorCode(error) === 'EPERM'; // alive, owned by another user
  }
}

function isLeftover(dir: string, name: string, now: number): boolean {
  const match = TEMP_NAME.exec(name);
  if (!match) return false;
  if (!isProcessAlive(Number(match[1]))) return true;
  const stat = fs.lstatSync(path.join(dir, name), { throwIfNoEntry: false });
  return stat !== undefined && now - stat.mtimeMs > STALE_AFTER_MS;
}

/**
 * Temp files left by runs that no longer exist (their pid is gone, or the file is over an hour old)
 * in the given folders; removed unless `remove` is false (--dry, --check, --diff, --print write nothing).
 */
export function cleanLeftoverTempFiles(dirs: Iterable<string>, remove: boolean): LeftoverTempFile[] {
  const found: LeftoverTempFile[] = [];
  const now = Date.now();
  for (const dir of dirs) {
    let names: string[];
    try {
      names = fs.readdirSync(dir);
    } catch {
      continue; // reported when its files are read
    }
    for (const name of names.filter((n) => isLeftover(dir, n, now)).sort()) {
      const file = path.join(dir, name);
      if (!remove) {
        found.push({ path: file, removed: false });
        continue;
      }
      try {
        fs.rmSync(file);
        found.push({ path: file, removed: true });
      } catch (error) {
        found.push({ path: file, removed: false, error: describeFsError(error) });
      }
    }
  }
  return found;
}

/** Removes this process's temp files for `file` (after a worker died in the middle of writing it). */
export function removeOwnTempFiles(file: string): void {
  const dir = path.dirname(file);
  const prefix = `.${path.basename(file)}.${process.pid}.`;
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return;
  }
  for (const name of names) {
    if (name.startsWith(prefix) && TEMP_NAME.test(name)) fs.rmSync(path.join(dir, name), { force: true });
  }
}

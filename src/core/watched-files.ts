/**
 * Small JSON files (package.json) read once and read again only when they change: each file is
 * `stat`ed at most once per `recheckAfterMs`, and its generation goes up when its size, modification
 * time or existence changed.
 */
import { readFileSync, statSync } from 'node:fs';

export interface WatchedFile {
  readonly path: string;
  /** The parsed content; undefined when the file is absent or not valid JSON. */
  json: unknown;
  generation: number;
  stamp: string;
  checkedAt: number;
}

export class WatchedFiles {
  private readonly files = new Map<string, WatchedFile>();

  constructor(
    private readonly recheckAfterMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** The file, read now if it was never read. */
  get(filePath: string): WatchedFile {
    const known = this.files.get(filePath);
    if (known) return this.refresh(known);
    const stamp = stampOf(filePath);
    const file: WatchedFile = { path: filePath, json: readJson(filePath, stamp), generation: 0, stamp, checkedAt: this.now() };
    this.files.set(filePath, file);
    return file;
  }

  /** Checks the file again when its last check is older than `recheckAfterMs`; re-reads it when it changed. */
  refresh(file: WatchedFile): WatchedFile {
    const now = this.now();
    if (now - file.checkedAt < this.recheckAfterMs) return file;
    file.checkedAt = now;
    const stamp = stampOf(file.path);
    if (stamp !== file.stamp) {
      file.stamp = stamp;
      file.json = readJson(file.path, stamp);
      file.generation++;
    }
    return file;
  }
}

const ABSENT = 'absent';

function stampOf(filePath: string): string {
  try {
    const stats = statSync(filePath, { throwIfNoEntry: false });
    return stats?.isFile() ? `${stats.size}:${stats.mtimeMs}:${stats.ino}` : ABSENT;
  } catch {
    return ABSENT;
  }
}

function readJson(filePath: string, stamp: string): unknown {
  if (stamp === ABSENT) return undefined;
  try {
    return JSON.parse(readFileSync(filePath, 'utf8')) as unknown;
  } catch {
    return undefined;
  }
}

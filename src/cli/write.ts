/**
 * Replaces a file's contents: keeps its mode, owner, group and hard links, honours its write
 * permission bits, and refuses to clobber an edit made since it was read.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describeFsError, errorCode } from './fs-error';
import { tempFileFor } from './temp-files';

export class WriteError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'WriteError';
  }
}

export const READ_ONLY = 'read-only file, not written (pass --force to write it)';

/**
 * Writes `content` to `file`. `original` is what was read (bytes and stat); if the file no longer
 * matches it, the file is left alone. A file with no write permission bit is left alone unless
 * `overrideReadOnly` (root could write it: the bits are what the owner asked for).
 *
 * The write is atomic (a temp file in the same folder, fsynced, renamed over the original) unless
 * that would break a hard link or change the owner or group (a new file gets this user's, and only
 * root may give it another owner): then the file is written in place (writeInPlace). On any failure
 * the original is intact and the temp file is removed.
 */
export function rewriteFile(
  file: string,
  content: Buffer,
  original: ReadFile,
  { overrideReadOnly = false } = {},
): void {
  const current = checkUnchanged(file, original);
  if (!overrideReadOnly && (current.mode & 0o222) === 0) throw new WriteError(READ_ONLY);
  try {
    if (current.nlink > 1 || !replaceThroughTempFile(file, content, current)) writeInPlace(file, content, original.bytes);
  } catch (error) {
    throw error instanceof WriteError ? error : new WriteError(`cannot write (${describeFsError(error)})`);
  }
  syncFolder(file);
}

/** A file's bytes as read, and what its stat said then. */
export interface ReadFile {
  bytes: Buffer;
  stat: Pick<fs.Stats, 'size' | 'mtimeMs' | 'ino'>;
}

function checkUnchanged(file: string, original: ReadFile): fs.Stats {
  let current: fs.Stats;
  try {
    current = fs.statSync(file);
  } catch (error) {
    throw new WriteError(`file changed on disk while processing, not written (${describeFsError(error)})`);
  }
  const same =
    current.isFile() &&
    current.size === original.stat.size &&
    current.mtimeMs === original.stat.mtimeMs &&
    current.ino === original.stat.ino &&
    readOrUndefined(file)?.equals(original.bytes) === true;
  if (!same) throw new WriteError('file changed on disk while processing, not written');
  return current;
}

function readOrUndefined(file: string): Buffer | undefined {
  try {
    return fs.readFileSync(file);
  } catch {
    return undefined;
  }
}

/** Returns false, having changed nothing, when the temp file cannot get the file's owner and group. */
function replaceThroughTempFile(file: string, content: Buffer, current: fs.Stats): boolean {
  const temp = tempFileFor(file);
  let fd: number | undefined = fs.openSync(temp, 'wx', 0o600);
  let renamed = false;
  try {
    if (!giveOwnerOf(fd, current)) return false;
    writeAll(fd, content, 0);
    fs.fchmodSync(fd, current.mode & 0o7777); // after fchown, which clears the setuid and setgid bits
    fs.fsyncSync(fd);
    fs.closeSync(fd);
    fd = undefined;
    fs.renameSync(temp, file);
    renamed = true;
    return true;
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
    if (!renamed) fs.rmSync(temp, { force: true });
  }
}

function giveOwnerOf(fd: number, current: fs.Stats): boolean {
  const temp = fs.fstatSync(fd);
  if (temp.uid === current.uid && temp.gid === current.gid) return true;
  try {
    fs.fchownSync(fd, current.uid, current.gid);
    return true;
  } catch (error) {
    if (errorCode(error) === 'EPERM') return false;
    throw error;
  }
}

/**
 * Keeps hard links, owner and group, at the cost of atomicity. The part beyond the old length is
 * written first, so a full disk fails before any old byte is touched; the rest overwrites blocks the
 * file already has. Signals cannot split a write to a local file, so only a crash or power loss
 * between the two writes can leave a mix of old and new text.
 */
function writeInPlace(file: string, content: Buffer, old: Buffer): void {
  const fd = fs.openSync(file, fs.constants.O_WRONLY);
  try {
    const head = Math.min(old.length, content.length);
    try {
      writeAll(fd, content.subarray(head), head);
    } catch (error) {
      fs.ftruncateSync(fd, old.length);
      throw error;
    }
    try {
      writeAll(fd, content.subarray(0, head), 0);
      fs.ftruncateSync(fd, content.length);
      fs.fsyncSync(fd);
    } catch (error) {
      restore(fd, old, error);
    }
  } finally {
    fs.closeSync(fd);
  }
}

function restore(fd: number, old: Buffer, cause: unknown): never {
  try {
    writeAll(fd, old, 0);
    fs.ftruncateSync(fd, old.length);
  } catch (error) {
    throw new WriteError(`cannot write (${describeFsError(cause)}); restoring the original failed too (${describeFsError(error)})`);
  }
  throw cause;
}

function writeAll(fd: number, bytes: Buffer, position: number): void {
  for (let offset = 0; offset < bytes.length; ) {
    offset += fs.writeSync(fd, bytes, offset, bytes.length - offset, position + offset);
  }
}

/** Makes the rename durable; best effort (not every platform can fsync a folder). */
function syncFolder(file: string): void {
  try {
    const fd = fs.openSync(path.dirname(file), 'r');
    try {
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
  } catch {
    // ignored
  }
}

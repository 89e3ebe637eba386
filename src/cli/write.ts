/** Atomic replacement of a file's contents that keeps its mode and refuses to clobber newer edits. */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describeFsError } from './discover';

export class WriteError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'WriteError';
  }
}

/**
 * Replaces `file` with `content`: writes a temp file in the same folder, fsyncs it, renames it over
 * the original. `original` is what was read (bytes and stat); if the file no longer matches it, the
 * file is left alone. On any failure the original is intact and the temp file is removed.
 */
export function writeFileAtomic(file: string, content: Buffer, original: { bytes: Buffer; stat: fs.Stats }): void {
  let current: fs.Stats;
  let currentBytes: Buffer;
  try {
    current = fs.statSync(file);
    currentBytes = fs.readFileSync(file);
  } catch (error) {
    throw new WriteError(`file changed on disk while processing, not written (${describeFsError(error)})`);
  }
  if (
    current.size !== original.stat.size ||
    current.mtimeMs !== original.stat.mtimeMs ||
    current.ino !== original.stat.ino ||
    !currentBytes.equals(original.bytes)
  ) {
    throw new WriteError('file changed on disk while processing, not written');
  }
  try {
    // rename() would replace a read-only file in a writable folder: honour the file's own bits.
    fs.accessSync(file, fs.constants.W_OK);
  } catch (error) {
    throw new WriteError(`cannot write (${describeFsError(error)})`);
  }

  const mode = current.mode & 0o7777;
  const temp = path.join(
    path.dirname(file),
    `.${path.basename(file)}.${process.pid}.${crypto.randomBytes(4).toString('hex')}.redis-codemod.tmp`,
  );
  let fd: number | undefined;
  let created = false;
  try {
    fd = fs.openSync(temp, 'wx', mode);
    created = true;
    for (let offset = 0; offset < content.length; ) {
      offset += fs.writeSync(fd, content, offset, content.length - offset);
    }
    fs.fchmodSync(fd, mode); // open() applied the umask
    if (process.getuid?.() === 0) fs.fchownSync(fd, current.uid, current.gid);
    fs.fsyncSync(fd);
    fs.closeSync(fd);
    fd = undefined;
    fs.renameSync(temp, file);
    created = false;
  } catch (error) {
    throw new WriteError(`cannot write (${describeFsError(error)})`);
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
    if (created) fs.rmSync(temp, { force: true });
  }
  syncFolder(path.dirname(file));
}

/** Makes the rename durable; best effort (not every platform can fsync a folder). */
function syncFolder(dir: string): void {
  try {
    const fd = fs.openSync(dir, 'r');
    try {
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
  } catch {
    // ignored
  }
}

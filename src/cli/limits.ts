/**
 * How much one file may cost. Measured on a 2-core machine: a 1 MB file that names node-redis takes
 * 20-30 s and 700-800 MB to transform; a 5 MB one 70 s and 2.3 GB. Hand-written source files are far
 * below 1 MB; larger ones are nearly always generated or bundled, and not worth a minute each.
 */
import os from 'node:os';

const MB = 1024 * 1024;
const UNITS: Record<string, number> = { '': 1, b: 1, k: 1024, kb: 1024, m: MB, mb: MB, g: 1024 * MB, gb: 1024 * MB };

export const DEFAULT_MAX_FILE_SIZE = MB;

/** `500000`, `500KB`, `1.5MB` (units are powers of 1024, case-insensitive) → bytes; undefined if invalid. */
export function parseSize(text: string): number | undefined {
  const match = /^(\d+(?:\.\d+)?)\s*([a-z]*)$/i.exec(text);
  const unit = match ? UNITS[match[2].toLowerCase()] : undefined;
  if (!match || unit === undefined) return undefined;
  const bytes = Math.round(Number(match[1]) * unit);
  return bytes >= 1 && Number.isSafeInteger(bytes) ? bytes : undefined;
}

/**
 * Heap per thread: 1 GB per started MB of --max-file-size (about twice what parsing was measured to
 * need), but at most half the machine's memory: past that the system, not V8, would end the process.
 */
export function defaultMemoryMb(maxFileSize: number): number {
  const halfOfMemory = Math.floor(os.totalmem() / MB / 2);
  return Math.min(1024 * Math.max(1, Math.ceil(maxFileSize / MB)), halfOfMemory);
}

/** Budget per file: 120 s per started MB of --max-file-size (four to six times the measured cost). */
export function defaultTimeoutSeconds(maxFileSize: number): number {
  return 120 * Math.max(1, Math.ceil(maxFileSize / MB));
}

/** `1048576` → `1 MB`, `1536` → `1.5 KB`. */
export function formatSize(bytes: number): string {
  if (bytes >= MB) return `${+(bytes / MB).toFixed(2)} MB`;
  if (bytes >= 1024) return `${+(bytes / 1024).toFixed(2)} KB`;
  return `${bytes} bytes`;
}

/** Skip reasons for a file over a limit. */
export function tooLargeReason(maxFileSize: number): string {
  return `larger than ${formatSize(maxFileSize)}`;
}
export function outOfMemoryReason(memoryMb: number): string {
  return `ran out of memory (limit ${memoryMb} MB)`;
}
export function outOfTimeReason(timeoutMs: number): string {
  return `took longer than ${timeoutMs / 1000} s`;
}

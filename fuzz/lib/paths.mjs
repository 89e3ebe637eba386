import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const FUZZ_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const ROOT = path.resolve(FUZZ_DIR, '..');
export const DIST = path.join(ROOT, 'dist');
export const FINDINGS_DIR = path.join(FUZZ_DIR, 'findings');

/**
 * The check after each batch of edits: a refused site among many costs a few extra lints, not one per
 * site. Lints are counted through the engine's own `lintText`, never timed.
 */
import { describe, expect, it, vi } from 'vitest';
import * as lint from '../../src/codemods/lint';
import { transformSource } from '../../src/codemods/transform-source';

vi.mock('../../src/codemods/lint', async (importOriginal) => {
  const original = await importOriginal<typeof lint>();
  return { ...original, lintText: vi.fn(original.lintText) };
});

const IMPORT = "import { createClient } from 'redis';";
const DISABLED = '// eslint-disable-next-line redis/no-legacy-options -- read by our wrapper';
const CLIENT = "const client = createClient({ url: process.env.REDIS_URL, db: 1 });\nclient.on('error', console.error);\nawait client.connect();";

/**
 * `blocks` clients; the first one's `db` is silenced on its line, so breaking its object over lines (the
 * width is 60) would make that report appear: refused.
 */
function file(blocks: number): string {
  const rest = Array.from({ length: blocks - 1 }, () => `{\n${CLIENT}\n}`);
  return [IMPORT, DISABLED, CLIENT, ...rest, ''].join('\n');
}

describe('checkedApply', () => {
  it.each([8, 32])('refuses the one site that fails among %i with three checks, not one per site or per halving', (blocks) => {
    const lintText = vi.mocked(lint.lintText);
    lintText.mockClear();
    const result = transformSource(file(blocks), 'src/clients.mjs', ['add-connect-timeout', 'migrate-legacy-options'], { lineWidth: 60 });
    expect(result.skipped).toEqual([
      { transform: 'migrate-legacy-options', line: 3, column: 59, reason: 'disabled by an eslint-disable comment' },
      { transform: 'add-connect-timeout', line: 3, column: 16, reason: 'left unchanged: the edit would change what the rules report elsewhere' },
    ]);
    expect(result.output.match(/connectTimeout: 10000/g)).toHaveLength(blocks - 1);
    // The first lint, the migration round's check, then the timeout round: the batch that fails, the
    // others without the suspect, the suspect alone. Halving alone needs 9 at 8 clients, 13 at 32.
    expect(lintText).toHaveBeenCalledTimes(5);
  });
});

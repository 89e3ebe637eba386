/**
 * The width inserted lines keep within, without Prettier: `.editorconfig`'s `max_line_length`, else the
 * file's longest line when it is 80 columns or more, else 100. Real files in a temporary folder, so the
 * `.editorconfig` lookup runs as it does for users.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { transformSource } from '../../src/codemods/transform-source';
import { fileLineWidth } from '../../src/core/layout';

const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'redis-line-width-')));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function write(rel: string, text: string): string {
  const file = path.join(dir, rel);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
  return file;
}

const SHORT = "import { createClient } from 'redis';\nexport const client = createClient({ url: 'redis://a' });\n";

describe('the width of a file', () => {
  it('is 100 for a file whose lines are all shorter than 80 columns', () => {
    expect(fileLineWidth(SHORT, write('plain/a.ts', SHORT))).toBe(100);
  });

  it("is the file's longest line when that is 80 columns or more", () => {
    const text = `${SHORT}// ${'x'.repeat(117)}\n`;
    expect(fileLineWidth(text, write('plain/b.ts', text))).toBe(120);
  });

  it(".editorconfig's max_line_length wins, matched by section, nearer files first, up to root = true", () => {
    write('ec/.editorconfig', 'root = true\n\n[*]\nmax_line_length = 90\n\n[*.{ts,tsx}]\nmax_line_length = 72\n');
    write('ec/legacy/.editorconfig', '[*.js]\nmax_line_length = off\n');
    expect(fileLineWidth(SHORT, write('ec/src/a.ts', SHORT))).toBe(72);
    expect(fileLineWidth(SHORT, write('ec/src/a.mjs', SHORT))).toBe(90);
    // `off` says there is no limit: the file's own width counts again.
    expect(fileLineWidth(SHORT, write('ec/legacy/a.js', SHORT))).toBe(100);
  });
});

describe('inserted code keeps within the width', () => {
  const source = [
    "import { createClient } from 'redis';",
    "import { env } from './env';",
    '',
    "export const client = createClient({ url: env.URL, name: 'a' });",
    '',
  ].join('\n');

  it('breaks the option object at 80 columns (.editorconfig), one property per line', () => {
    write('narrow/.editorconfig', 'root = true\n[*]\nmax_line_length = 80\n');
    const file = write('narrow/src/client.ts', source);
    const { output } = transformSource(source, file, ['add-connect-timeout'], { cwd: dir });
    expect(output).toBe(
      [
        "import { createClient } from 'redis';",
        "import { env } from './env';",
        '',
        'export const client = createClient({',
        '  url: env.URL,',
        '  socket: { connectTimeout: 10000 },',
        "  name: 'a',",
        '});',
        '',
      ].join('\n'),
    );
  });

  it('keeps the property on the line when it fits (100 columns)', () => {
    const file = write('wide/src/client.ts', source);
    const { output } = transformSource(source, file, ['add-connect-timeout'], { cwd: dir });
    expect(output).toBe(source.replace('env.URL, ', 'env.URL, socket: { connectTimeout: 10000 }, '));
  });

  it('leaves an object with a comment between its properties on one line rather than move the comment', () => {
    const commented = source.replace("name: 'a'", "/* replica */ name: 'a'");
    write('commented/.editorconfig', 'root = true\n[*]\nmax_line_length = 80\n');
    const file = write('commented/src/client.ts', commented);
    const { output } = transformSource(commented, file, ['add-connect-timeout'], { cwd: dir });
    expect(output).toBe(commented.replace('env.URL, ', 'env.URL, socket: { connectTimeout: 10000 }, '));
  });
});

describe('a strategy in place of a branch that gives up', () => {
  const branches = (giveUp: string) =>
    [
      "import { createClient } from 'redis';",
      '',
      'export const make = (isTest: boolean) =>',
      '  createClient({',
      '    socket: {',
      '      connectTimeout: 1000,',
      '      reconnectStrategy: isTest',
      `        ${giveUp}`,
      '        : (retries: number) => Math.min(retries * 100, 3000),',
      '    },',
      '  });',
      '',
    ].join('\n');

  it('is broken below its `?` as Prettier breaks it when it does not fit (100 columns)', () => {
    const source = branches('? false');
    const file = write('branch/src/client.ts', source);
    const { output } = transformSource(source, file, ['bound-reconnect-strategy'], { cwd: dir });
    expect(output).toBe(
      branches(
        [
          '? (retries: number, cause: Error) =>',
          '            retries >= 20',
          "              ? new Error('Redis: gave up reconnecting after 20 attempts: ' + cause.message)",
          '              : Math.min(2 ** retries * 50, 2000)',
        ].join('\n'),
      ),
    );
  });
});

describe('every safeguard on one client', () => {
  it('breaks the object once and puts each remedy in it (the README example)', () => {
    const input = [
      "import { createClient } from 'redis';",
      '',
      'export const cache = createClient({ url: process.env.REDIS_URL, socket: { reconnectStrategy: false } });',
      'await cache.connect();',
      '',
    ].join('\n');
    const file = write('readme/src/cache.ts', input);
    const result = transformSource(input, file, ['add-error-listener', 'add-connect-timeout', 'bound-reconnect-strategy'], { cwd: path.join(dir, 'readme') });
    expect(result.skipped).toEqual([]);
    expect(result.output).toBe(
      [
        "import { createClient } from 'redis';",
        '',
        'export const cache = createClient({',
        '  url: process.env.REDIS_URL,',
        '  socket: {',
        '    reconnectStrategy: (retries: number, cause: Error) =>',
        '      retries >= 20',
        "        ? new Error('Redis: gave up reconnecting after 20 attempts: ' + cause.message)",
        '        : Math.min(2 ** retries * 50, 2000),',
        '    connectTimeout: 10000,',
        '  },',
        '});',
        "cache.on('error', (err) => console.error('Redis client error:', err));",
        'await cache.connect();',
        '',
      ].join('\n'),
    );
  });
});

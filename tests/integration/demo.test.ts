/**
 * `npm run demo` (scripts/demo.mjs): lints examples/ with redis/recommended, prints the codemod's
 * unified diff, exits 0 and changes no file.
 */
import { spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { assertCodemodBuilt, repoRoot } from './support/example-app';

const RULE_IDS = ['redis/require-error-listener', 'redis/no-disabled-reconnect', 'redis/require-connect-timeout'];

/** One hash over every file path and content under `dir` (sorted, so stable). */
function hashTree(dir: string): string {
  const hash = crypto.createHash('sha256');
  const walk = (current: string) => {
    for (const entry of fs.readdirSync(current, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const full = path.join(current, entry.name);
      hash.update(`${path.relative(dir, full)}\0`);
      if (entry.isDirectory()) walk(full);
      else hash.update(fs.readFileSync(full)).update('\0');
    }
  };
  walk(dir);
  return hash.digest('hex');
}

/** Rule ids per example file (path relative to examples/shop-api) from stylish output. */
function parseStylish(text: string): Map<string, string[]> {
  const findings = new Map<string, string[]>();
  let current: string[] | undefined;
  for (const line of text.split('\n')) {
    const file = /^\S*examples\/shop-api\/(\S+)$/.exec(line);
    if (file) {
      current = [];
      findings.set(file[1], current);
      continue;
    }
    const row = /^\s+\d+:\d+\s+(?:error|warning)\s+.*?\s(\S+)$/.exec(line);
    if (row && current) current.push(row[1]);
    else if (line.trim() === '') current = undefined;
  }
  return findings;
}

describe('npm run demo', () => {
  it('reports every rule and the codemod diff for examples/, exits 0 and writes nothing', () => {
    assertCodemodBuilt();
    const examples = path.join(repoRoot, 'examples');
    const before = hashTree(examples);

    const run = spawnSync(process.execPath, [path.join(repoRoot, 'scripts', 'demo.mjs')], {
      cwd: repoRoot,
      encoding: 'utf8',
      timeout: 120_000,
      env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' },
    });
    const output = `${run.stdout}\n${run.stderr}`;

    expect(hashTree(examples)).toBe(before);
    expect(run.status, output).toBe(0);
    for (const ruleId of RULE_IDS) expect(run.stdout, `missing ${ruleId}`).toContain(ruleId);
    // stylish: a file path line, then "  line:col  error  message  rule-id" rows, then the summary.
    expect(run.stdout).toMatch(/✖ \d+ problems? \(\d+ errors?, 0 warnings\)/);
    const findings = parseStylish(run.stdout.split(/^2\. redis-codemod/m)[0]);
    expect(findings.get('src/cache.js'), output).toContain('redis/require-error-listener');
    expect(findings.get('src/pubsub.ts'), output).toContain('redis/require-error-listener');
    expect(findings.get('src/jobs/queue.ts'), output).toContain('redis/no-disabled-reconnect');
    expect(findings.get('src/worker.js'), output).toContain('redis/no-disabled-reconnect');
    expect(findings.get('src/cluster.ts'), output).toContain('redis/require-connect-timeout');
    // The already-safe module has no findings.
    expect(findings.has('src/sessions.ts'), output).toBe(false);
    // Unified diff headers and hunks.
    expect(run.stdout).toMatch(/^--- .*examples\/shop-api\/src\/server\.js/m);
    expect(run.stdout).toMatch(/^\+\+\+ .*examples\/shop-api\/src\/server\.js/m);
    expect(run.stdout).toMatch(/^@@ -\d+(,\d+)? \+\d+(,\d+)? @@/m);
    expect(run.stdout).toMatch(/^\+.*\.on\(\s*['"]error['"]/m);
  });
});

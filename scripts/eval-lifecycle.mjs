// Scores the connection-lifecycle rules against ../shared/corpus/labels-lifecycle.json (imported by
// eval-corpus.mjs): no-floating-connect on every labelled connect() call, no-client-per-request on every
// labelled client-creating call. Each file is linted twice: under its corpus name, and under the path it
// had in its own repository (the `// Path:` header), because both rules read the file's path (Next.js
// route files, test files) and the corpus renames files.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Linter } from 'eslint';
import tsParser from '@typescript-eslint/parser';
import { emptyScore, printScores, scoreReports } from './score-labels.mjs';

const RULES = {
  'no-floating-connect': {
    kind: 'connect',
    expect: (label) => label.floating === true || label.inErrorListener === true,
  },
  'no-client-per-request': {
    kind: 'call',
    expect: (label) => (label.perRequest === 'unknown' ? undefined : label.perRequest === true),
  },
};

const VIRTUAL_ROOT = path.resolve('/virtual-project');

function originalPath(code, corpusFile) {
  const header = /^\/\/ Path: (\S+)/m.exec(code.split('\n').slice(0, 12).join('\n'));
  if (!header) return undefined;
  const original = header[1];
  // Keep the corpus file's extension: it was chosen to match how the original is run (e.g. .mjs).
  return path.join(path.dirname(original), path.basename(original, path.extname(original)) + path.extname(corpusFile));
}

function lint(linter, plugin, code, filename) {
  const config = [
    { files: ['**/*.ts', '**/*.tsx', '**/*.mts', '**/*.cts'], languageOptions: { parser: tsParser } },
    {
      files: ['**/*.*'],
      plugins: { redis: plugin },
      languageOptions: { sourceType: filename.endsWith('.cjs') ? 'commonjs' : 'module', ecmaVersion: 'latest' },
      rules: Object.fromEntries(Object.keys(RULES).map((rule) => [`redis/${rule}`, 'error'])),
    },
  ];
  const messages = linter.verify(code, config, { filename });
  const fatal = messages.find((message) => message.fatal);
  if (fatal) console.warn(`  parse error in ${filename}: ${fatal.message}`);
  return messages.filter((message) => !message.fatal);
}

function at(label, message) {
  const callee = label.callee ?? label;
  return (message.line === callee.line && message.column === callee.column) || (message.line === label.line && message.column === label.column);
}

function emptyResults() {
  return Object.fromEntries(Object.keys(RULES).map((rule) => [rule, emptyScore()]));
}

function scoreFile(results, file, labels, messages) {
  for (const [rule, { kind, expect }] of Object.entries(RULES)) {
    scoreReports(results[rule], {
      file,
      labels: labels.filter((label) => label.kind === kind),
      reports: messages.filter((message) => message.ruleId === `redis/${rule}`),
      expect,
      at,
      describe: (message) => ` ${message.message.slice(0, 60)}`,
    });
  }
}

export function scoreLifecycle({ corpusDir, plugin }) {
  const labelsPath = path.join(corpusDir, 'labels-lifecycle.json');
  if (!existsSync(labelsPath)) return;
  const missing = Object.keys(RULES).filter((rule) => !plugin.rules[rule]);
  if (missing.length > 0) {
    console.log(`\nlifecycle: rules not built: ${missing.join(', ')}`);
    return;
  }
  const labels = JSON.parse(readFileSync(labelsPath, 'utf8'));
  const files = [...new Set(labels.map((label) => label.file))];
  const linter = new Linter({ configType: 'flat', cwd: VIRTUAL_ROOT });
  const byCorpusName = emptyResults();
  const byOriginalPath = emptyResults();
  for (const file of files) {
    const code = readFileSync(path.join(path.dirname(corpusDir), file), 'utf8');
    const fileLabels = labels.filter((label) => label.file === file);
    scoreFile(byCorpusName, file, fileLabels, lint(linter, plugin, code, path.join(VIRTUAL_ROOT, file)));
    const original = originalPath(code, file) ?? file;
    scoreFile(byOriginalPath, file, fileLabels, lint(linter, plugin, code, path.join(VIRTUAL_ROOT, original)));
  }
  const connects = labels.filter((label) => label.kind === 'connect');
  const dropped = connects.filter((label) => label.enclosingPromiseDropped).length;
  console.log(
    `\nlifecycle: ${connects.length} labelled connect() calls, ${labels.filter((label) => label.kind === 'call').length} client-creating calls` +
      ` (${dropped} connect() calls are awaited inside a function whose own promise is dropped: not this rule's report, scored as negatives)`,
  );
  printScores('Lifecycle rules, each file linted under its original path (the // Path: header)', byOriginalPath);
  printScores('Lifecycle rules, each file linted under its corpus name', byCorpusName);
}

/**
 * Keeps the rule docs and the rules in step: every rule has a doc with the required sections, every
 * option has its own heading, every code example parses, and every example really behaves as its heading
 * says (❌ examples are reported by the rule, ✅ examples are not, diffs are what the suggestion writes).
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';
import plugin from '../src/index';
import { safeguardOfRule } from '../src/core/safeguards';
import { rules } from '../src/rules';
import { typescriptFiles } from './helpers/linter';

type RuleName = keyof typeof rules;

const ROOT = path.resolve(__dirname, '..');
const DOCS_DIR = path.join(ROOT, 'docs', 'rules');
/** Examples are linted as files of a made-up project, so no real path can match the test-file globs. */
const VIRTUAL_CWD = path.resolve('/virtual-project');
const EXAMPLE_LANGUAGES = new Set(['js', 'ts']);
/** A first line like `// tests/cache.test.js` names the file an example is linted as. */
const FILENAME_COMMENT = /^\/\/ ([\w@.-]+(?:\/[\w@.-]+)*\.[cm]?[jt]sx?)\s*$/;

const INCORRECT = '❌ Incorrect';
const CORRECT = '✅ Correct';

interface Heading {
  level: number;
  text: string;
  line: number;
}

interface CodeBlock {
  lang: string;
  code: string;
  /** 1-based line of the opening fence. */
  line: number;
  h2: string | undefined;
  h3: string | undefined;
}

interface ParsedDoc {
  headings: Heading[];
  blocks: CodeBlock[];
}

/** A small line-based Markdown reader: ATX headings outside fences, and fenced code blocks. */
function parseMarkdown(text: string): ParsedDoc {
  const headings: Heading[] = [];
  const blocks: CodeBlock[] = [];
  const lines = text.split(/\r?\n/);
  let h2: string | undefined;
  let h3: string | undefined;
  let fence: { marker: string; lang: string; line: number; body: string[] } | undefined;
  lines.forEach((line, index) => {
    if (fence) {
      if (line.trim() === fence.marker) {
        blocks.push({ lang: fence.lang, code: `${fence.body.join('\n')}\n`, line: fence.line, h2, h3 });
        fence = undefined;
      } else {
        fence.body.push(line);
      }
      return;
    }
    const open = /^(`{3,}|~{3,})\s*([\w-]*)/.exec(line);
    if (open) {
      fence = { marker: open[1]!, lang: open[2]!, line: index + 1, body: [] };
      return;
    }
    const heading = /^(#{1,6})\s+(.*?)\s*#*\s*$/.exec(line);
    if (!heading) return;
    const level = heading[1]!.length;
    const headingText = heading[2]!;
    headings.push({ level, text: headingText, line: index + 1 });
    if (level <= 2) {
      h2 = level === 2 ? headingText : undefined;
      h3 = undefined;
    } else if (level === 3) {
      h3 = headingText;
    }
  });
  if (fence) throw new Error(`unclosed code fence opened at line ${fence.line}`);
  return { headings, blocks };
}

function docPath(ruleName: string): string {
  return path.join(DOCS_DIR, `${ruleName}.md`);
}

const ruleNames = Object.keys(rules).sort() as RuleName[];
const docFiles = readdirSync(DOCS_DIR)
  .filter((file) => file.endsWith('.md'))
  .sort();
const docs = new Map<RuleName, { text: string; parsed: ParsedDoc }>(
  ruleNames
    .filter((name) => docFiles.includes(`${name}.md`))
    .map((name) => {
      const text = readFileSync(docPath(name), 'utf8');
      return [name, { text, parsed: parseMarkdown(text) }];
    }),
);

function docOf(ruleName: RuleName): { text: string; parsed: ParsedDoc } {
  const doc = docs.get(ruleName);
  if (!doc) throw new Error(`docs/rules/${ruleName}.md is missing`);
  return doc;
}

/** The option names a rule's schema declares (the rules take one options object). */
function optionNames(ruleName: RuleName): string[] {
  const schema = rules[ruleName].meta.schema;
  const schemas = Array.isArray(schema) ? schema : schema ? [schema] : [];
  return schemas.flatMap((item) =>
    item && typeof item === 'object' && 'properties' in item && item.properties ? Object.keys(item.properties) : [],
  );
}

function descriptionOf(ruleName: RuleName): string {
  const description = rules[ruleName].meta.docs?.description;
  if (!description) throw new Error(`${ruleName} has no meta.docs.description`);
  return description;
}

function requiredSections(ruleName: RuleName): string[] {
  return [
    'Rule Details',
    'Examples',
    ...(optionNames(ruleName).length > 0 ? ['Options'] : []),
    'When Not To Use It',
    'Further Reading',
  ];
}

// ---- linting examples ---------------------------------------------------------------------------------

const linter = new Linter({ configType: 'flat', cwd: VIRTUAL_CWD });

function exampleFilename(block: Pick<CodeBlock, 'lang' | 'code'>): string {
  const named = FILENAME_COMMENT.exec(block.code.split('\n', 1)[0]!);
  return path.join(VIRTUAL_CWD, named ? named[1]! : `src/example.${block.lang === 'ts' ? 'ts' : 'js'}`);
}

function lintConfig(ruleName: RuleName | undefined): Linter.Config[] {
  return [
    {
      files: ['**/*.js', '**/*.jsx', '**/*.mjs', '**/*.cjs', '**/*.ts', '**/*.tsx', '**/*.mts', '**/*.cts'],
      plugins: { redis: plugin as unknown as NonNullable<Linter.Config['plugins']>[string] },
      languageOptions: { ecmaVersion: 'latest', sourceType: 'module' },
      rules: ruleName ? { [`redis/${ruleName}`]: 'error' } : {},
    },
    typescriptFiles,
  ];
}

function lint(code: string, filename: string, ruleName: RuleName | undefined): Linter.LintMessage[] {
  return linter.verify(code, lintConfig(ruleName), { filename });
}

function fatalMessages(messages: Linter.LintMessage[]): string[] {
  return messages.filter((message) => message.fatal).map((message) => `${message.line}:${message.column} ${message.message}`);
}

/** The reports of `ruleName`, after making sure the example parsed. */
function reportsOf(block: CodeBlock, ruleName: RuleName): Linter.LintMessage[] {
  const messages = lint(block.code, exampleFilename(block), ruleName);
  expect(fatalMessages(messages), 'the example does not parse').toEqual([]);
  return messages.filter((message) => message.ruleId === `redis/${ruleName}`);
}

/** Applies the first suggestion of every report, as a user accepting each one in turn would. */
function applyFirstSuggestions(code: string, messages: Linter.LintMessage[]): string {
  const fixes = messages.flatMap((message) => (message.suggestions?.[0] ? [message.suggestions[0].fix] : []));
  fixes.sort((a, b) => b.range[0] - a.range[0]);
  let output = code;
  let limit = Number.POSITIVE_INFINITY;
  for (const fix of fixes) {
    if (fix.range[1] > limit) throw new Error('overlapping suggestions in one diff example');
    output = output.slice(0, fix.range[0]) + fix.text + output.slice(fix.range[1]);
    limit = fix.range[0];
  }
  return output;
}

/** The two sides of a unified-diff-like example: ` ` context, `-` before only, `+` after only. */
function diffSides(diff: string): { before: string; after: string } {
  const before: string[] = [];
  const after: string[] = [];
  for (const line of diff.replace(/\n$/, '').split('\n')) {
    const marker = line[0];
    const content = line.slice(1);
    if (marker === '-') before.push(content);
    else if (marker === '+') after.push(content);
    else if (marker === ' ' || line === '') {
      before.push(content);
      after.push(content);
    } else {
      throw new Error(`diff line without a ' ', '-' or '+' marker: ${line}`);
    }
  }
  return { before: `${before.join('\n')}\n`, after: `${after.join('\n')}\n` };
}

function describeBlock(ruleName: string, block: CodeBlock): string {
  const firstCode = block.code.split('\n').find((line) => line.trim() !== '' && !line.startsWith('//') && !/^import |require\(/.test(line));
  return `docs/rules/${ruleName}.md:${block.line} (${block.lang}) ${firstCode?.trim().slice(0, 60) ?? ''}`;
}

// ---- links ----------------------------------------------------------------------------------------------

/** The anchors GitHub gives a document's headings: lowercase, punctuation except '-' and '_' dropped, spaces to '-', repeats numbered. */
function headingAnchors(headings: Heading[]): Set<string> {
  const anchors = new Set<string>();
  for (const heading of headings) {
    const slug = heading.text
      .toLowerCase()
      .replace(/[^\p{L}\p{M}\p{N}\s_-]/gu, '')
      .replace(/\s/g, '-');
    let anchor = slug;
    for (let repeat = 1; anchors.has(anchor); repeat += 1) anchor = `${slug}-${repeat}`;
    anchors.add(anchor);
  }
  return anchors;
}

/** The targets of the Markdown links in a document's prose (code blocks and code spans left out), web links excluded. */
function relativeLinks(text: string): string[] {
  const prose = text.replace(/^(`{3,}|~{3,})[^\n]*\n[\s\S]*?^\1\s*$/gm, '').replace(/`[^`\n]*`/g, '');
  return [...prose.matchAll(/\]\(([^)\s]+)\)/g)].map((match) => match[1]!).filter((target) => !/^[a-z][\w+.-]*:/i.test(target));
}

/** Why a link from `fromFile` to `target` (a path relative to `fromFile`, optionally with `#anchor`) is broken, or undefined. */
function brokenLink(fromFile: string, target: string): string | undefined {
  const [targetPath = '', anchor] = target.split('#', 2);
  const file = targetPath === '' ? fromFile : path.resolve(path.dirname(fromFile), targetPath);
  if (!existsSync(file)) return `${path.relative(ROOT, file)} does not exist`;
  if (anchor === undefined || !file.endsWith('.md')) return undefined;
  const anchors = headingAnchors(parseMarkdown(readFileSync(file, 'utf8')).headings);
  return anchors.has(anchor) ? undefined : `${path.relative(ROOT, file)} has no heading #${anchor}`;
}

/** Every file under `dir` whose name ends with one of `extensions`. */
function filesUnder(dir: string, extensions: readonly string[]): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((file) => extensions.some((extension) => file.endsWith(extension)))
    .map((file) => path.join(dir, file))
    .sort();
}

// ---- tests ------------------------------------------------------------------------------------------------

describe('rule docs', () => {
  it('every rule has a doc and every doc has a rule', () => {
    expect(docFiles).toEqual(ruleNames.map((name) => `${name}.md`));
  });

  describe.each(ruleNames)('%s', (ruleName) => {
    it('starts with the generated header, which carries the description', () => {
      const { text } = docOf(ruleName);
      expect(text.startsWith(`# redis/${ruleName}\n`)).toBe(true);
      const header = text.slice(0, text.indexOf('<!-- end auto-generated rule header -->'));
      expect(header.length, 'the end-of-header marker is missing').toBeGreaterThan(0);
      expect(header).toContain(descriptionOf(ruleName));
    });

    it('has the required H2 sections, in order', () => {
      const h2 = docOf(ruleName)
        .parsed.headings.filter((heading) => heading.level === 2)
        .map((heading) => heading.text);
      expect(h2).toEqual(requiredSections(ruleName));
    });

    it('has one ### heading per option, naming it in backticks', () => {
      const { parsed, text } = docOf(ruleName);
      const names = optionNames(ruleName);
      const optionsStart = parsed.headings.find((heading) => heading.level === 2 && heading.text === 'Options');
      if (names.length === 0) {
        expect(optionsStart).toBeUndefined();
        return;
      }
      expect(text).toContain('<!-- begin auto-generated rule options list -->');
      expect(text).toContain('<!-- end auto-generated rule options list -->');
      const optionsEnd = parsed.headings.find((heading) => heading.level === 2 && heading.line > optionsStart!.line);
      const optionHeadings = parsed.headings
        .filter(
          (heading) =>
            heading.level === 3 && heading.line > optionsStart!.line && (!optionsEnd || heading.line < optionsEnd.line),
        )
        .map((heading) => heading.text);
      expect(optionHeadings.sort()).toEqual(names.map((name) => `\`${name}\``).sort());
    });

    it('has ❌ Incorrect and ✅ Correct examples under ## Examples', () => {
      const { parsed } = docOf(ruleName);
      const exampleHeadings = parsed.headings
        .filter((heading) => heading.level === 3)
        .filter((heading) => heading.text === INCORRECT || heading.text === CORRECT)
        .map((heading) => heading.text);
      expect(exampleHeadings).toEqual([INCORRECT, CORRECT]);
      for (const h3 of [INCORRECT, CORRECT]) {
        const examples = parsed.blocks.filter((block) => block.h2 === 'Examples' && block.h3 === h3);
        expect(examples.length, `${h3} examples`).toBeGreaterThanOrEqual(3);
        expect(examples.every((block) => EXAMPLE_LANGUAGES.has(block.lang)), `${h3} examples are js or ts`).toBe(true);
      }
    });

    it('mentions the matching codemod', () => {
      const safeguard = safeguardOfRule(ruleName);
      if (!safeguard) return;
      expect(docOf(ruleName).text).toContain(`redis-codemod --transform ${safeguard.transform}`);
    });
  });
});

describe('rule doc code blocks', () => {
  const allBlocks = ruleNames.flatMap((ruleName) =>
    (docs.get(ruleName)?.parsed.blocks ?? []).map((block) => ({ ruleName, block, name: describeBlock(ruleName, block) })),
  );

  it.each(allBlocks.filter(({ block }) => EXAMPLE_LANGUAGES.has(block.lang)).map((entry) => [entry.name, entry] as const))(
    'parses: %s',
    (_name, { block }) => {
      expect(fatalMessages(lint(block.code, exampleFilename(block), undefined))).toEqual([]);
    },
  );

  const incorrect = allBlocks.filter(({ block }) => block.h2 === 'Examples' && block.h3 === INCORRECT);
  it.each(incorrect.map((entry) => [entry.name, entry] as const))('❌ is reported: %s', (_name, { ruleName, block }) => {
    expect(reportsOf(block, ruleName).length).toBeGreaterThan(0);
  });

  const correct = allBlocks.filter(({ block }) => block.h2 === 'Examples' && block.h3 === CORRECT);
  it.each(correct.map((entry) => [entry.name, entry] as const))('✅ is not reported: %s', (_name, { ruleName, block }) => {
    expect(reportsOf(block, ruleName).map((message) => `${message.line}:${message.column} ${message.message}`)).toEqual([]);
  });

  const diffs = allBlocks.filter(({ block }) => block.lang === 'diff');
  it.each(diffs.map((entry) => [entry.name, entry] as const))(
    'the suggestion writes what the diff shows: %s',
    (_name, { ruleName, block }) => {
      const { before, after } = diffSides(block.code);
      const filename = exampleFilename({ lang: 'js', code: before });
      const messages = lint(before, filename, ruleName);
      expect(fatalMessages(messages)).toEqual([]);
      const reports = messages.filter((message) => message.ruleId === `redis/${ruleName}`);
      expect(reports.length).toBeGreaterThan(0);
      expect(applyFirstSuggestions(before, reports)).toBe(after);
    },
  );
});

describe('README', () => {
  const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
  const begin = '<!-- begin auto-generated rules list -->';
  const end = '<!-- end auto-generated rules list -->';

  it('has the generated rules table, with a row for every rule', () => {
    expect(readme).toContain(begin);
    expect(readme).toContain(end);
    const table = readme.slice(readme.indexOf(begin) + begin.length, readme.indexOf(end));
    const rows = table.split('\n').filter((line) => line.startsWith('| ['));
    expect(rows).toHaveLength(ruleNames.length);
    for (const ruleName of ruleNames) {
      const row = rows.find((line) => line.startsWith(`| [${ruleName}](docs/rules/${ruleName}.md)`));
      expect(row, `README row for ${ruleName}`).toBeDefined();
      expect(row).toContain(descriptionOf(ruleName));
    }
  });
});

describe('links between the docs', () => {
  const markdownFiles = [path.join(ROOT, 'README.md'), ...filesUnder(path.join(ROOT, 'docs'), ['.md'])];
  const markdownLinks = markdownFiles.flatMap((file) =>
    relativeLinks(readFileSync(file, 'utf8')).map((target) => [`${path.relative(ROOT, file)} → ${target}`, file, target] as const),
  );

  it('finds the links, and knows broken ones when it sees them', () => {
    expect(markdownLinks.length).toBeGreaterThan(0);
    const headings = ['v2/v3 code', '❌ Incorrect', '`errorHandler`', 'Examples', 'Examples'].map((text) => ({ level: 2, text, line: 1 }));
    expect([...headingAnchors(headings)]).toEqual(['v2v3-code', '-incorrect', 'errorhandler', 'examples', 'examples-1']);
    expect(relativeLinks('[a](./a.md#x) `[b](b.md)` [c](https://c.example)\n```md\n[d](d.md)\n```\n')).toEqual(['./a.md#x']);
    const readme = path.join(ROOT, 'README.md');
    expect(brokenLink(readme, 'docs/node-redis.md#timeouts')).toBeUndefined();
    expect(brokenLink(readme, 'docs/node-redis.md#no-such-heading')).toBe('docs/node-redis.md has no heading #no-such-heading');
    expect(brokenLink(readme, 'docs/no-such-file.md')).toBe('docs/no-such-file.md does not exist');
  });

  it.each(markdownLinks)('resolves: %s', (_name, file, target) => {
    expect(brokenLink(file, target)).toBeUndefined();
  });

  /** Source comments cite the docs by their path from the repository root, e.g. `docs/node-redis.md#timeouts`. */
  const sourceCitations = filesUnder(path.join(ROOT, 'src'), ['.ts']).flatMap((file) =>
    [...readFileSync(file, 'utf8').matchAll(/\bdocs\/[\w./-]+\.md(?:#[\w-]+)?/g)].map(
      (match) => [`${path.relative(ROOT, file)} → ${match[0]}`, match[0]] as const,
    ),
  );

  it.each(sourceCitations)('resolves: %s', (_name, citation) => {
    expect(brokenLink(path.join(ROOT, 'README.md'), citation)).toBeUndefined();
  });
});

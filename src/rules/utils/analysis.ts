import path from 'node:path';
import type { TSESLint } from '@typescript-eslint/utils';
import { analyzeFile, type FileAnalysis } from '../../core/analyze';
import { remedyContext, type RemedyContext } from '../../core/remedies';
import type { TraversalStep } from '../../core/same-file-values';
import {
  aliasModules,
  detectRedisVersions,
  explicitVersions,
  versionFromSetting,
  type ProjectRedisVersions,
  type RedisVersionSetting,
} from '../../core/redis-version';
import { readSettings, type RedisPluginSettings } from './settings';

type AnyRuleContext = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;

interface LintedAnalysis {
  settings: RedisPluginSettings;
  filename: string;
  cwd: string;
  analysis: FileAnalysis | undefined;
}

/** The last analysis handed to a rule for each parsed file: the next rules ask with the same settings. */
const linted = new WeakMap<TSESLint.SourceCode, LintedAnalysis>();

/** The shared analysis of the file being linted (computed once for all rules). */
export function analyzeLintedFile(context: AnyRuleContext): FileAnalysis | undefined {
  const { sourceCode, physicalFilename: filename, cwd } = context;
  const settings = readSettings(context);
  const last = linted.get(sourceCode);
  if (last?.settings === settings && last.filename === filename && last.cwd === cwd) return last.analysis;
  const analysis = analyzeWithSettings(sourceCode, settings, filename, cwd);
  linted.set(sourceCode, { settings, filename, cwd, analysis });
  return analysis;
}

/** The analysis the rules see for `sourceCode` under `settings`; the codemod reads its skipped sites from it too. */
export function analyzeWithSettings(
  sourceCode: Pick<TSESLint.SourceCode, 'ast' | 'scopeManager' | 'visitorKeys' | 'text'> & { traverse?: () => Iterable<TraversalStep> },
  settings: Pick<RedisPluginSettings, 'clientModules' | 'version'>,
  filename: string,
  cwd: string,
): FileAnalysis | undefined {
  const versions = projectVersions(settings.version, filename, cwd);
  return analyzeFile({
    ast: sourceCode.ast,
    scopeManager: sourceCode.scopeManager,
    visitorKeys: sourceCode.visitorKeys,
    traverse: sourceCode.traverse?.bind(sourceCode),
    sourceText: sourceCode.text,
    clientModules: versions ? [...settings.clientModules, ...aliasModules(versions)] : settings.clientModules,
    versions,
  });
}

/** ESLint's names for code that is not a file on disk (`lintText` without a path, stdin). */
const NOT_A_FILE = new Set(['<input>', '<text>']);

/** The setting's version, or what the package.json files above the file declare. */
function projectVersions(setting: RedisVersionSetting, filename: string, cwd: string): ProjectRedisVersions | undefined {
  if (setting !== 'detect') return explicitVersions(versionFromSetting(setting)!);
  if (NOT_A_FILE.has(filename)) return undefined;
  return detectRedisVersions(path.resolve(cwd, filename));
}

const remedyContexts = new WeakMap<TSESLint.SourceCode, { filename: string; lineWidth?: number; remedy: RemedyContext }>();

/** How the file's remedies are written; one per parsed file, so its layout is read at most once. */
export function lintedRemedyContext(context: AnyRuleContext): RemedyContext {
  const { sourceCode, filename } = context;
  const { lineWidth } = readSettings(context);
  const last = remedyContexts.get(sourceCode);
  if (last?.filename === filename && last.lineWidth === lineWidth) return last.remedy;
  const remedy = remedyContext(sourceCode.text, filename, lineWidth);
  remedyContexts.set(sourceCode, { filename, lineWidth, remedy });
  return remedy;
}

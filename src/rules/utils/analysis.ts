import path from 'node:path';
import type { TSESLint } from '@typescript-eslint/utils';
import { analyzeFile, type FileAnalysis } from '../../core/analyze';
import { remedyContext, type RemedyContext } from '../../core/remedies';
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

/** The shared analysis of the file being linted (computed once for all rules). */
export function analyzeLintedFile(context: AnyRuleContext): FileAnalysis | undefined {
  return analyzeWithSettings(context.sourceCode, readSettings(context), context.physicalFilename, context.cwd);
}

/** The analysis the rules see for `sourceCode` under `settings`; the codemod reads its skipped sites from it too. */
export function analyzeWithSettings(
  sourceCode: Pick<TSESLint.SourceCode, 'ast' | 'scopeManager' | 'visitorKeys' | 'text'>,
  settings: Pick<RedisPluginSettings, 'clientModules' | 'version'>,
  filename: string,
  cwd: string,
): FileAnalysis | undefined {
  const versions = projectVersions(settings.version, filename, cwd);
  return analyzeFile({
    ast: sourceCode.ast,
    scopeManager: sourceCode.scopeManager,
    visitorKeys: sourceCode.visitorKeys,
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

export function lintedRemedyContext(context: AnyRuleContext): RemedyContext {
  return remedyContext(context.sourceCode.text, context.filename, readSettings(context).lineWidth);
}

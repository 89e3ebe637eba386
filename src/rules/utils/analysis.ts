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
import { readSettings } from './settings';

type AnyRuleContext = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;

/** The shared analysis of the file being linted (computed once for all rules). */
export function analyzeLintedFile(context: AnyRuleContext): FileAnalysis | undefined {
  const { sourceCode } = context;
  const settings = readSettings(context);
  const versions = lintedVersions(context, settings.version);
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

/** The setting's version, or what the package.json files above the linted file declare. */
function lintedVersions(context: AnyRuleContext, setting: RedisVersionSetting): ProjectRedisVersions | undefined {
  if (setting !== 'detect') return explicitVersions(versionFromSetting(setting)!);
  const file = context.physicalFilename;
  if (NOT_A_FILE.has(file)) return undefined;
  return detectRedisVersions(path.resolve(context.cwd, file));
}

export function lintedRemedyContext(context: AnyRuleContext): RemedyContext {
  return remedyContext(context.sourceCode.text, context.filename, readSettings(context).lineWidth);
}

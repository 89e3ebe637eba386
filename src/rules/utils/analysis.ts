import type { TSESLint } from '@typescript-eslint/utils';
import { analyzeFile, type FileAnalysis } from '../../core/analyze';
import type { RemedyContext } from '../../core/remedies';
import { readSettings } from './settings';

const TYPESCRIPT_FILE = /\.[cm]?tsx?$/;

/** The shared analysis of the file being linted (computed once for all rules). */
export function analyzeLintedFile(
  context: Readonly<TSESLint.RuleContext<string, readonly unknown[]>>,
): FileAnalysis | undefined {
  const { sourceCode } = context;
  return analyzeFile({
    ast: sourceCode.ast,
    scopeManager: sourceCode.scopeManager,
    visitorKeys: sourceCode.visitorKeys,
    sourceText: sourceCode.text,
    clientModules: readSettings(context).clientModules,
  });
}

export function remedyContext(context: Readonly<TSESLint.RuleContext<string, readonly unknown[]>>): RemedyContext {
  return { sourceText: context.sourceCode.text, typescript: TYPESCRIPT_FILE.test(context.filename) };
}

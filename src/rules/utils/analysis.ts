import type { TSESLint } from '@typescript-eslint/utils';
import { analyzeFile, type FileAnalysis } from '../../core/analyze';
import { remedyContext, type RemedyContext } from '../../core/remedies';
import { readSettings } from './settings';

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

export function lintedRemedyContext(context: Readonly<TSESLint.RuleContext<string, readonly unknown[]>>): RemedyContext {
  return remedyContext(context.sourceCode.text, context.filename, readSettings(context).lineWidth);
}

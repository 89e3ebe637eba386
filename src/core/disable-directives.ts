/**
 * Reads `eslint-disable` comments, so a codemod leaves alone exactly what a developer silenced for the
 * matching lint rule (`eslint-disable-next-line redis/require-error-listener`, block disables, ...).
 */
import type { TSESTree } from '@typescript-eslint/utils';

interface Directive {
  kind: 'disable' | 'enable' | 'disable-line' | 'disable-next-line';
  rules: string[] | 'all';
  comment: TSESTree.Comment;
}

const DIRECTIVE = /^\s*eslint-(disable|enable|disable-line|disable-next-line)(?:\s+([\s\S]*))?$/;

function parseDirectives(comments: readonly TSESTree.Comment[]): Directive[] {
  const directives: Directive[] = [];
  for (const comment of comments) {
    const match = DIRECTIVE.exec(comment.value.split(/\s--\s/)[0]!);
    if (!match) continue;
    const kind = match[1] as Directive['kind'];
    if ((kind === 'disable' || kind === 'enable') && comment.type === 'Line') continue;
    const names = (match[2] ?? '').split(',').map((name) => name.trim()).filter(Boolean);
    directives.push({ kind, rules: names.length === 0 ? 'all' : names, comment });
  }
  return directives;
}

export class DisableDirectives {
  private readonly directives: Directive[];

  constructor(comments: readonly TSESTree.Comment[] = []) {
    this.directives = parseDirectives(comments);
  }

  /** Is `ruleId` silenced for a report at `node` (ESLint reports at the node's start)? */
  isDisabled(ruleId: string, node: TSESTree.Node): boolean {
    const line = node.loc.start.line;
    const offset = node.range[0];
    let blockDisabled = false;
    for (const { kind, rules, comment } of this.directives) {
      const names = rules === 'all' || rules.includes(ruleId);
      if (!names) continue;
      if (kind === 'disable-line' && comment.loc.start.line === line) return true;
      if (kind === 'disable-next-line' && comment.loc.end.line + 1 === line) return true;
      if (kind === 'disable' && comment.range[1] <= offset) blockDisabled = true;
      if (kind === 'enable' && comment.range[1] <= offset) blockDisabled = false;
    }
    return blockDisabled;
  }
}

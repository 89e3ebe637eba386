import type { TSESTree } from '@typescript-eslint/utils';
import type { FileAnalysis } from '../analyze';
import type { RemedyContext, TextEdit } from '../remedies';

export interface OptionSpec {
  /** The one name: the rule option, jscodeshift's `--name=value` and the CLI's `--kebab-name`. */
  name: string;
  type: 'positive-integer' | 'string' | 'string-list' | 'enum';
  values?: readonly string[];
  description: string;
  default?: unknown;
  /** Shown in the CLI's `--help`: what the value looks like (`<ms>`, `<glob>`). */
  placeholder?: string;
  /** Earlier names, still accepted: as a rule option and as a CLI flag. */
  deprecated?: { ruleOption?: string; cliFlag?: string };
  /** Only the rule reads it (the codemod applies every remedy regardless). */
  ruleOnly?: boolean;
}

export interface SafeguardInput {
  analysis: FileAnalysis;
  remedy: RemedyContext;
  /** The rule's options, merged over the defaults. */
  options: Readonly<Record<string, unknown>>;
  filename: string;
  cwd: string;
}

export interface SafeguardReport {
  node: TSESTree.Node;
  messageId: string;
  data?: Record<string, string | number>;
  /** The remedy: offered as the rule's suggestion and applied by the codemod; none when it has no edits. */
  remedy?: { messageId: string; data?: Record<string, string | number>; edits: TextEdit[] };
}

/** The report's remedy, if it has edits: a remedy with nowhere to write them is no remedy. */
export function offeredRemedy(report: SafeguardReport): SafeguardReport['remedy'] {
  return report.remedy && report.remedy.edits.length > 0 ? report.remedy : undefined;
}

/** A site a transform cannot judge (its options cannot be seen), with the reason the codemod reports. */
export interface UnseenSite {
  node: TSESTree.Node;
  reason: string;
}

export interface Safeguard<Rule extends string = string, Transform extends string = string> {
  rule: Rule;
  transform: Transform;
  /** One line for the CLI's `--help`. */
  summary: string;
  options: readonly OptionSpec[];
  /**
   * Its remedies turn options the other safeguards cannot read into ones they can (a URL string into
   * `{ url }`): the codemod applies them first, and lets the others' reports appear where they do.
   */
  revealsOptions?: boolean;
  /** The transform runs only when named (`--transform`), never in the CLI's default set. */
  optIn?: boolean;
  check(input: SafeguardInput): SafeguardReport[];
  unseen?(input: SafeguardInput): UnseenSite[];
}

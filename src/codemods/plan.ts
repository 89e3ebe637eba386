import path from 'node:path';
import type { TSESTree } from '@typescript-eslint/utils';
import {
  findDisabledReconnects,
  findMissingConnectTimeouts,
  findMissingErrorListeners,
  ownerReportNode,
  type FileAnalysis,
} from '../core/analyze';
import type { RedisOwner } from '../core/find-clients';
import type { DisableDirectives } from '../core/disable-directives';
import {
  boundedReconnectEdits,
  connectTimeoutEdits,
  errorListenerEdits,
  type RemedyContext,
  type TextEdit,
} from '../core/remedies';
import { isTestFile } from '../core/test-files';
import type { SkippedSite, TransformName } from './api';

/** A validated `--error-handler`; `javascript` is false when it needs TypeScript syntax. */
export interface ErrorHandler {
  source: string;
  javascript: boolean;
}

export interface ResolvedOptions {
  errorHandler: ErrorHandler | undefined;
  connectTimeout: number;
  maxRetries: number;
  clientModules: string[];
  testFilePatterns: string[];
  cwd: string;
}

export interface PlanInput {
  analysis: FileAnalysis;
  remedy: RemedyContext;
  directives: DisableDirectives;
  filePath: string;
  options: ResolvedOptions;
}

/** One report's remedy: the edits that make the rule's report at `reportNode` go away. */
export interface PlannedSite {
  reportNode: TSESTree.Node;
  edits: TextEdit[];
}

export interface TransformPlan {
  sites: PlannedSite[];
  skipped: Omit<SkippedSite, 'transform'>[];
}

type Planner = (input: PlanInput) => TransformPlan;

const DISABLED_BY_COMMENT = 'disabled by an eslint-disable comment';
const TYPESCRIPT_HANDLER = '--error-handler uses TypeScript syntax, which this JavaScript file cannot hold';

export function at(node: { loc: { start: { line: number; column: number } } }, reason: string) {
  return { line: node.loc.start.line, column: node.loc.start.column + 1, reason };
}

/** The same edits the rule `require-error-listener` suggests, for every owner it would report. */
const planErrorListeners: Planner = ({ analysis, remedy, directives, options }) => {
  const plan: TransformPlan = { sites: [], skipped: [] };
  const handler = options.errorHandler;
  for (const { owner } of findMissingErrorListeners(analysis)) {
    const reportNode = ownerReportNode(owner);
    if (directives.isDisabled('redis/require-error-listener', reportNode)) {
      plan.skipped.push(at(reportNode, DISABLED_BY_COMMENT));
    } else if (handler && !handler.javascript && !remedy.typescript) {
      plan.skipped.push(at(reportNode, TYPESCRIPT_HANDLER));
    } else {
      plan.sites.push({ reportNode, edits: errorListenerEdits(owner, remedy, handler?.source) });
    }
  }
  return plan;
};

/** The edits `require-connect-timeout` suggests; options it cannot see are listed as skipped. */
const planConnectTimeouts: Planner = ({ analysis, remedy, directives, options }) => {
  const plan: TransformPlan = { sites: [], skipped: [] };
  const unseen = (owner: RedisOwner, reason: string) => plan.skipped.push(at(ownerReportNode(owner), reason));
  for (const finding of findMissingConnectTimeouts(analysis, unseen)) {
    if (directives.isDisabled('redis/require-connect-timeout', finding.reportNode)) {
      plan.skipped.push(at(finding.reportNode, DISABLED_BY_COMMENT));
      continue;
    }
    plan.sites.push({ reportNode: finding.reportNode, edits: connectTimeoutEdits(finding, remedy, options.connectTimeout) });
  }
  return plan;
};

/** The edits `no-disabled-reconnect` suggests, outside test files. */
const planBoundedReconnects: Planner = ({ analysis, remedy, directives, filePath, options }) => {
  const plan: TransformPlan = { sites: [], skipped: [] };
  if (isTestFile(path.resolve(options.cwd, filePath), options.cwd, options.testFilePatterns)) return plan;
  for (const finding of findDisabledReconnects(analysis)) {
    if (directives.isDisabled('redis/no-disabled-reconnect', finding.target)) {
      plan.skipped.push(at(finding.target, DISABLED_BY_COMMENT));
      continue;
    }
    plan.sites.push({ reportNode: finding.target, edits: boundedReconnectEdits(finding, remedy, options.maxRetries) });
  }
  return plan;
};

export const PLANNERS: Record<TransformName, Planner> = {
  'add-error-listener': planErrorListeners,
  'add-connect-timeout': planConnectTimeouts,
  'bound-reconnect-strategy': planBoundedReconnects,
};

/** Where each rule reports, by transform: what a remedy must clear and every other edit must leave in place. */
export function reportedOffsets(analysis: FileAnalysis): { transform: TransformName; problem: string; offset: number }[] {
  return [
    ...findMissingErrorListeners(analysis).map((finding) => ({
      transform: 'add-error-listener' as const,
      problem: finding.problem,
      offset: ownerReportNode(finding.owner).range[0],
    })),
    ...findMissingConnectTimeouts(analysis).map((finding) => ({
      transform: 'add-connect-timeout' as const,
      problem: finding.problem,
      offset: finding.reportNode.range[0],
    })),
    ...findDisabledReconnects(analysis).map((finding) => ({
      transform: 'bound-reconnect-strategy' as const,
      problem: finding.problem,
      offset: finding.target.range[0],
    })),
  ];
}

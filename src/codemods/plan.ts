import path from 'node:path';
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

export interface ResolvedOptions {
  errorHandler: string | undefined;
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

export interface TransformPlan {
  edits: TextEdit[];
  skipped: Omit<SkippedSite, 'transform'>[];
}

type Planner = (input: PlanInput) => TransformPlan;

const DISABLED_BY_COMMENT = 'disabled by an eslint-disable comment';

function at(node: { loc: { start: { line: number; column: number } } }, reason: string) {
  return { line: node.loc.start.line, column: node.loc.start.column + 1, reason };
}

/** The same edits the rule `require-error-listener` suggests, for every owner it would report. */
const planErrorListeners: Planner = ({ analysis, remedy, directives, options }) => {
  const plan: TransformPlan = { edits: [], skipped: [] };
  for (const { owner } of findMissingErrorListeners(analysis)) {
    const reportNode = ownerReportNode(owner);
    if (directives.isDisabled('redis/require-error-listener', reportNode)) {
      plan.skipped.push(at(reportNode, DISABLED_BY_COMMENT));
      continue;
    }
    plan.edits.push(...errorListenerEdits(owner, remedy, options.errorHandler));
  }
  return plan;
};

/** The edits `require-connect-timeout` suggests; options it cannot see are listed as skipped. */
const planConnectTimeouts: Planner = ({ analysis, remedy, directives, options }) => {
  const plan: TransformPlan = { edits: [], skipped: [] };
  const unseen = (owner: RedisOwner, reason: string) => plan.skipped.push(at(ownerReportNode(owner), reason));
  for (const finding of findMissingConnectTimeouts(analysis, unseen)) {
    if (directives.isDisabled('redis/require-connect-timeout', finding.reportNode)) {
      plan.skipped.push(at(finding.reportNode, DISABLED_BY_COMMENT));
      continue;
    }
    plan.edits.push(...connectTimeoutEdits(finding, remedy, options.connectTimeout));
  }
  return plan;
};

/** The edits `no-disabled-reconnect` suggests, outside test files. */
const planBoundedReconnects: Planner = ({ analysis, remedy, directives, filePath, options }) => {
  const plan: TransformPlan = { edits: [], skipped: [] };
  if (isTestFile(path.resolve(options.cwd, filePath), options.cwd, options.testFilePatterns)) return plan;
  for (const finding of findDisabledReconnects(analysis)) {
    if (directives.isDisabled('redis/no-disabled-reconnect', finding.target)) {
      plan.skipped.push(at(finding.target, DISABLED_BY_COMMENT));
      continue;
    }
    plan.edits.push(...boundedReconnectEdits(finding, remedy, options.maxRetries));
  }
  return plan;
};

export const PLANNERS: Record<TransformName, Planner> = {
  'add-error-listener': planErrorListeners,
  'add-connect-timeout': planConnectTimeouts,
  'bound-reconnect-strategy': planBoundedReconnects,
};

/**
 * The detection core is bounded: shapes found by fuzzing that used to cost exponential time or overflow
 * the stack are analysed exactly, and a file whose analysis would cost more than its budget is marked
 * unknown (no findings, a reason) instead of costing more. No timing assertions: the bounds are counted
 * in steps, so these tests assert what comes out.
 */
import { describe, expect, it } from 'vitest';
import {
  analyzeFile,
  findDisabledReconnects,
  findMissingConnectTimeouts,
  findMissingErrorListeners,
  type FileAnalysis,
} from '../../src/core/analyze';
import type { RedisOwner } from '../../src/core/find-clients';
import { lintText } from '../../src/codemods/lint';
import { aliasChain, globalSingletons, maybeCachedFunctions, pastTheBudget, pastTheDepthBound, spreadChain } from '../rules/bounded-shapes';

/** The analysis the rules computed while the codemod engine linted `source` (cached per AST). */
function analyze(source: string): FileAnalysis | undefined {
  const { sourceCode } = lintText(source, 'src/app.mjs', { cwd: process.cwd(), clientModules: [], ruleOptions: {} });
  return analyzeFile({
    ast: sourceCode.ast as never,
    scopeManager: sourceCode.scopeManager as never,
    visitorKeys: sourceCode.visitorKeys,
    sourceText: source,
    clientModules: [],
  });
}

/** Where each `createClient()` of `source` starts: [line, column], both 1-based. */
function factoryCalls(source: string): [number, number][] {
  const calls: [number, number][] = [];
  source.split('\n').forEach((text, index) => {
    const column = text.indexOf('createClient()');
    if (column >= 0) calls.push([index + 1, column + 1]);
  });
  return calls;
}

/** Where each rule would report: [line, column, problem] per finding. */
function findings(analysis: FileAnalysis) {
  const at = ({ owner, problem }: { owner: RedisOwner; problem: string }) =>
    [owner.node.loc.start.line, owner.node.loc.start.column + 1, problem] as const;
  return {
    errorListener: findMissingErrorListeners(analysis).map(at),
    connectTimeout: findMissingConnectTimeouts(analysis).map(at),
    reconnect: findDisabledReconnects(analysis).map(at),
  };
}

describe('shapes that used to grow exponentially are analysed exactly', () => {
  it('30 functions sharing one maybe-cached client: every client found, none listened to', () => {
    const source = maybeCachedFunctions(30);
    const analysis = analyze(source)!;
    expect(analysis.incomplete).toBeUndefined();
    expect(factoryCalls(source)).toHaveLength(30);
    const expected = (problem: string) => factoryCalls(source).map(([line, column]) => [line, column, problem]);
    expect(findings(analysis)).toEqual({
      errorListener: expected('missingErrorListener'),
      connectTimeout: expected('missingTimeout'),
      reconnect: [],
    });
  });

  it('30 maybe-cached functions where one attaches the listener: it reaches every client through g.redis', () => {
    const analysis = analyze(maybeCachedFunctions(30, { listenerAt: 29 }))!;
    expect(analysis.incomplete).toBeUndefined();
    expect(analysis.owners.map((owner) => owner.errorListener)).toEqual(Array(30).fill('persistent'));
  });

  it('40 globalThis singletons: every client found, each one returned', () => {
    const source = globalSingletons(40);
    const analysis = analyze(source)!;
    expect(analysis.incomplete).toBeUndefined();
    expect(factoryCalls(source)).toHaveLength(40);
    const expected = (problem: string) => factoryCalls(source).map(([line, column]) => [line, column, problem]);
    expect(findings(analysis)).toEqual({
      errorListener: expected('missingErrorListener'),
      connectTimeout: expected('missingTimeout'),
      reconnect: [],
    });
    expect(findMissingErrorListeners(analysis).map((finding) => finding.escapeRoute)).toEqual(Array(40).fill('returned'));
  });
});

describe('long chains are followed without recursion', () => {
  it('a listener at the end of a 1,500-step alias chain reaches the client', () => {
    const analysis = analyze(aliasChain(1500, ["a1500.on('error', console.error);", 'await a1500.connect();']))!;
    expect(analysis.incomplete).toBeUndefined();
    expect(findings(analysis)).toEqual({ errorListener: [], connectTimeout: [[2, 12, 'missingTimeout']], reconnect: [] });
  });

  it('a client exported at the end of a 1,500-step alias chain escapes', () => {
    const analysis = analyze(aliasChain(1500, ['export { a1500 };']))!;
    expect(findMissingErrorListeners(analysis)).toMatchObject([{ problem: 'missingErrorListener', escapeRoute: 'exported' }]);
  });
});

describe('a file past a bound is unknown: no owners, no findings, and the reason', () => {
  const INCOMPLETE = { owners: [], checks: new Map() };

  it('K clients that M places may read cost K × M: past the budget', () => {
    const analysis = analyze(pastTheBudget())!;
    expect(analysis).toEqual({ ...INCOMPLETE, incomplete: 'analysis budget exceeded' });
    expect(findings(analysis)).toEqual({ errorListener: [], connectTimeout: [], reconnect: [] });
  }, 60_000);

  it('options spread through 150 objects: past the depth bound', () => {
    const analysis = analyze(pastTheDepthBound())!;
    expect(analysis).toEqual({ ...INCOMPLETE, incomplete: 'analysis depth exceeded' });
    expect(findings(analysis)).toEqual({ errorListener: [], connectTimeout: [], reconnect: [] });
  });

  it('the same shapes at a real size are analysed', () => {
    expect(findings(analyze(spreadChain(5))!)).toEqual({
      errorListener: [[8, 16, 'missingErrorListener'], [9, 19, 'missingErrorListener']],
      connectTimeout: [[8, 16, 'missingTimeout'], [9, 19, 'missingTimeout']],
      reconnect: [[8, 16, 'disabled'], [9, 19, 'disabled']],
    });
  });
});

describe('a cycle through duplicate() is cut, not followed forever', () => {
  it('c = c.duplicate(): the client and its duplicate, both listened to', () => {
    const source = ["import { createClient } from 'redis';", 'let c = createClient();', 'c = c.duplicate();', "c.on('error', console.error);"].join('\n');
    const analysis = analyze(source)!;
    expect(analysis.owners.map((owner) => [owner.factory, owner.parent?.factory, owner.errorListener])).toEqual([
      ['createClient', undefined, 'persistent'],
      ['duplicate', 'createClient', 'persistent'],
    ]);
  });
});

describe('the factory tracker is bounded too', () => {
  /** `const r1 = r0 || r0; …`: the tracker follows both sides, so each line doubles its work. */
  const doublingAliases = (count: number) =>
    [
      "const r0 = require('redis');",
      ...Array.from({ length: count }, (_, i) => `const r${i + 1} = r${i} || r${i};`),
      `const client = r${count}.createClient({ url: 'redis://cache' });`,
    ].join('\n');

  it('a 1,500-step alias chain of the module: past the depth bound', () => {
    const source = ["const r0 = require('redis');", ...Array.from({ length: 1500 }, (_, i) => `const r${i + 1} = r${i};`), 'r1500.createClient();'].join('\n');
    expect(analyze(source)).toMatchObject({ owners: [], incomplete: 'analysis depth exceeded' });
  });

  it('aliases that double the work 30 times: past the budget', () => {
    expect(analyze(doublingAliases(30))).toMatchObject({ owners: [], incomplete: 'analysis budget exceeded' });
  });

  it('the same aliases 4 times: analysed', () => {
    const analysis = analyze(doublingAliases(4))!;
    expect(analysis.incomplete).toBeUndefined();
    expect(findings(analysis)).toEqual({ errorListener: [[6, 16, 'missingErrorListener']], connectTimeout: [[6, 16, 'missingTimeout']], reconnect: [] });
  });
});

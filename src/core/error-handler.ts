/** Validation of `--error-handler` / the jscodeshift `errorHandler` option. */
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from './ast';
import { InvalidOptionError } from './errors';
import { isJavaScriptExpression } from './languages';

/** A validated error handler; `javascript` is false when it needs TypeScript syntax. */
export interface ErrorHandler {
  source: string;
  javascript: boolean;
}

const EXAMPLES = 'such as "(err) => logger.error(err)" or "logError"';

/**
 * The handler is pasted into every file as `.on('error', <handler>)`, so it must be exactly one function
 * expression or a (dotted) name: a sequence (`f, process.exit(1)`) would become two arguments, and a
 * comment could swallow the closing parenthesis.
 */
export function validateErrorHandler(source: string, label = '--error-handler'): ErrorHandler {
  const expected = `${label} must be one function or function name, ${EXAMPLES}`;
  const handler = source.trim();
  let program: TSESTree.Program;
  try {
    program = parseTypeScript()(`(${handler});`, { range: true, comment: true, jsx: false });
  } catch (error) {
    throw new InvalidOptionError(`${expected}; it does not parse: ${(error as Error).message}`);
  }
  const [statement] = program.body;
  const expression = statement?.type === AST_NODE_TYPES.ExpressionStatement ? statement.expression : undefined;
  const whole =
    program.body.length === 1 &&
    program.comments?.length === 0 &&
    expression !== undefined &&
    expression.range[0] === 1 &&
    expression.range[1] === handler.length + 1;
  if (!handler || !whole || !isHandlerShape(expression)) throw new InvalidOptionError(`${expected}; got: ${source}`);
  return { source: handler, javascript: isJavaScriptExpression(handler) };
}

/**
 * typescript-estree loads TypeScript (about a second): required only when a handler is given, so that
 * loading the plugin in a JavaScript project, or the CLI without `--error-handler`, never pays for it.
 */
function parseTypeScript(): typeof import('@typescript-eslint/typescript-estree').parse {
  return (require('@typescript-eslint/typescript-estree') as typeof import('@typescript-eslint/typescript-estree')).parse;
}

function isHandlerShape(node: TSESTree.Expression): boolean {
  switch (node.type) {
    case AST_NODE_TYPES.ArrowFunctionExpression:
    case AST_NODE_TYPES.FunctionExpression:
    case AST_NODE_TYPES.Identifier:
      return true;
    case AST_NODE_TYPES.MemberExpression:
      return !node.computed && (node.object.type === AST_NODE_TYPES.ThisExpression || isHandlerShape(node.object));
    default:
      return false;
  }
}

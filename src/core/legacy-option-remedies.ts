/**
 * The edits that rewrite an option node-redis v4+ ignores into what it reads: the rule's suggestions and
 * (registered by the codemod engine) the `migrate-legacy-options` transform both apply exactly these.
 * Like the other remedies, they touch only the moved or renamed text.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from './ast';
import type { LegacyOptionFinding } from './legacy-options';
import type { PositionalArguments } from './legacy-positional';
import type { OptionRemedy } from './legacy-option-plans';
import { insertProperty, type RemedyContext, type TextEdit } from './remedies';

/** The edits for a finding; none when it has no mechanical rewrite (`retry_strategy`, `connect_timeout`, …). */
export function legacyOptionEdits(finding: LegacyOptionFinding, context: RemedyContext): TextEdit[] {
  const { remedy } = finding;
  if (!remedy) return [];
  return remedy.type === 'positional' ? positionalEdits(remedy.positional, context.sourceText) : optionEdits(remedy, context.sourceText);
}

function optionEdits(remedy: OptionRemedy, sourceText: string): TextEdit[] {
  const text = (node: TSESTree.Node) => sourceText.slice(node.range[0], node.range[1]);
  const { property } = remedy;
  switch (remedy.type) {
    case 'moveIntoSocket':
      if (!remedy.socket) {
        // The unchanged `{` makes the rewrite span the whole object up to the option, so that two of these
        // on one object never apply in the same pass (each would add its own `socket`, and the last wins).
        const open = remedy.from.range[0];
        return [
          { range: [open, open + 1], text: '{' },
          { range: property.range, text: `socket: { ${text(property)} }` },
        ];
      }
      return [...insertProperty(remedy.socket, text(property), sourceText), removeProperty(remedy.from, property, sourceText)];
    case 'rename':
      return property.shorthand
        ? [{ range: property.range, text: `${remedy.to}: ${text(property.value)}` }]
        : [{ range: property.key.range, text: renamedKey(property.key, remedy.to) }];
    case 'invertOfflineQueue':
      return [{ range: property.range, text: `disableOfflineQueue: ${remedy.disable}` }];
    case 'moveUrlOut':
      if (remedy.socket.properties.length === 1) return [{ range: remedy.socketProperty.range, text: text(property) }];
      return [removeProperty(remedy.socket, property, sourceText), ...insertProperty(remedy.into, text(property), sourceText)];
  }
}

function positionalEdits(positional: PositionalArguments, sourceText: string): TextEdit[] {
  const [first, second] = positional.call.arguments as [TSESTree.Node, TSESTree.Node | undefined];
  const option = (key: string, node: TSESTree.Node) => {
    const value = sourceText.slice(node.range[0], node.range[1]);
    return value === key ? key : `${key}: ${value}`;
  };
  switch (positional.shape) {
    case 'url':
      return [{ range: first.range, text: `{ ${option('url', first)} }` }];
    case 'path':
      return [{ range: first.range, text: `{ socket: { ${option('path', first)} } }` }];
    case 'port':
      return [{ range: first.range, text: `{ socket: { ${option('port', first)} } }` }];
    case 'portHost':
      if (!betweenArguments(sourceText, first, second!)) return [];
      return [{ range: [first.range[0], second!.range[1]], text: `{ socket: { ${option('port', first)}, ${option('host', second!)} } }` }];
    case 'urlWithOptions':
    case 'pathWithOptions': {
      if (!betweenArguments(sourceText, first, second!)) return [];
      const moved = positional.shape === 'urlWithOptions' ? option('url', first) : `socket: { ${option('path', first)} }`;
      const options = second as TSESTree.ObjectExpression;
      return [{ range: [first.range[0], second!.range[0]], text: '' }, ...insertProperty(options, moved, sourceText)];
    }
    default:
      return [];
  }
}

/**
 * Only a comma and spaces between the two arguments: an edit that spans or removes that gap would leave
 * half of a pair of parentheses (`createClient(url, ({ db: 2 }))`) or a comment behind otherwise.
 */
function betweenArguments(sourceText: string, first: TSESTree.Node, second: TSESTree.Node): boolean {
  return /^\s*,\s*$/.test(sourceText.slice(first.range[1], second.range[0]));
}

/** Removes a property with its comma; a property on a line of its own goes with its line. */
export function removeProperty(object: TSESTree.ObjectExpression, property: TSESTree.Node, sourceText: string): TextEdit {
  const index = object.properties.indexOf(property as TSESTree.ObjectLiteralElement);
  const previous = object.properties[index - 1];
  const next = object.properties[index + 1];
  const lineStart = sourceText.lastIndexOf('\n', property.range[0] - 1) + 1;
  const ownLine = /^[ \t]*$/.test(sourceText.slice(lineStart, property.range[0]));
  let end = skipSpaces(sourceText, property.range[1]);
  if (sourceText[end] === ',') end = skipSpaces(sourceText, end + 1);
  if (ownLine && sourceText.startsWith('\r\n', end)) return { range: [lineStart, end + 2], text: '' };
  if (ownLine && sourceText[end] === '\n') return { range: [lineStart, end + 1], text: '' };
  if (!next && previous && !ownLine) return { range: [previous.range[1], property.range[1]], text: '' };
  return { range: [property.range[0], end], text: '' };
}

function skipSpaces(sourceText: string, position: number): number {
  let index = position;
  while (sourceText[index] === ' ' || sourceText[index] === '\t') index++;
  return index;
}

/** `database`, or `'database'` in the quotes of a quoted key. */
function renamedKey(key: TSESTree.Property['key'], to: string): string {
  return key.type === AST_NODE_TYPES.Literal ? `${key.raw[0]}${to}${key.raw[0]}` : to;
}

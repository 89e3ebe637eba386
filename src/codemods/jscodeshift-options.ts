import type { API, FileInfo, Options } from 'jscodeshift';
import { codemodOptions, type OptionSpec, type TransformName } from '../core/safeguards';
import type { CodemodOptions } from './api';
import { transformSource } from './transform-source';

/** jscodeshift hands `--name=value` over as strings (or numbers it parsed itself); lists are comma-separated. */
function fromCommandLine(spec: OptionSpec, value: unknown): unknown {
  switch (spec.type) {
    case 'positive-integer':
      return Number(value);
    case 'string-list':
      return String(value).split(',').map((item) => item.trim()).filter(Boolean);
    default:
      return String(value);
  }
}

/** Maps jscodeshift's options onto the codemod options: the registry's names, plus `clientModules` (the lint setting). */
export function toCodemodOptions(options: Options): CodemodOptions {
  const result: Record<string, unknown> = {};
  for (const spec of codemodOptions()) {
    if (options[spec.name] !== undefined) result[spec.name] = fromCommandLine(spec, options[spec.name]);
  }
  if (options.clientModules !== undefined) {
    result.clientModules = fromCommandLine({ name: 'clientModules', type: 'string-list', description: '' }, options.clientModules);
  }
  return result as CodemodOptions;
}

/** A jscodeshift transform module for one safeguard: `npx jscodeshift -t …/dist/codemods/<transform>.js src`. */
export function jscodeshiftTransform(transform: TransformName) {
  return (file: FileInfo, _api: API, options: Options): string =>
    transformSource(file.source, file.path, [transform], toCodemodOptions(options)).output;
}

// A jscodeshift transform that parses each file and changes nothing: the baseline the CLI's cost is
// compared with. TypeScript files use jscodeshift's `ts` parser, everything else `babel`.
module.exports = function noopTransform(file, api) {
  const j = api.jscodeshift.withParser(/\.[cm]?tsx?$/.test(file.path) ? 'ts' : 'babel');
  j(file.source);
  return undefined;
};

/** @type {import('eslint-doc-generator').GenerateOptions} */
module.exports = {
  ignoreConfig: ['legacy-recommended', 'legacy-strict'],
  ruleDocSectionInclude: ['Rule Details', 'When Not To Use It', 'Further Reading'],
  ruleDocTitleFormat: 'prefix-name',
  ruleListColumns: ['name', 'description', 'configsError', 'hasSuggestions', 'options'],
  urlConfigs: 'https://github.com/eslint-plugin-redis/eslint-plugin-redis#configs',
};

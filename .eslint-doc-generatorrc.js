/** @type {import('eslint-doc-generator').GenerateOptions} */
module.exports = {
  ignoreConfig: ['legacy-recommended'],
  ruleDocSectionInclude: ['Rule Details', 'Options', 'When Not To Use It', 'Further Reading'],
  ruleDocTitleFormat: 'prefix-name',
  ruleListColumns: ['name', 'description', 'configsError', 'hasSuggestions', 'options'],
  urlConfigs: 'https://github.com/eslint-plugin-redis/eslint-plugin-redis#configs',
};

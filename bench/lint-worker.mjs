// Child process for the lint benchmark: one per configuration, so each reports its own peak memory.
// Messages from the parent: { files } once, then 'run' or 'run-stats' (replies { ms, messages, fatal, ... }),
// 'rss' (replies { maxRssKb }, the peak so far) and 'exit'.
import { lintConfig, requireFromRoot } from './lint-config.mjs';

const { ESLint } = requireFromRoot('eslint');
const [mode, cwd] = process.argv.slice(2);
let files = [];

process.on('message', async (message) => {
  if (message.files) {
    files = message.files;
    process.send({ ready: true });
  } else if (message === 'run' || message === 'run-stats') {
    const stats = message === 'run-stats';
    const eslint = new ESLint({ cwd, overrideConfigFile: true, overrideConfig: lintConfig(mode), stats });
    const start = process.hrtime.bigint();
    const results = await eslint.lintFiles(files);
    const ms = Number(process.hrtime.bigint() - start) / 1e6;
    let messages = 0;
    const fatal = [];
    for (const result of results) {
      messages += result.messages.length;
      if (result.messages.some((m) => m.fatal)) fatal.push(result.filePath);
    }
    // With stats: ESLint's own timing of parsing and of the plugin's rules, summed over all files.
    let parseMs = 0;
    let pluginRulesMs = 0;
    let noopRulesMs = 0;
    for (const result of stats ? results : []) {
      for (const pass of result.stats?.times.passes ?? []) {
        parseMs += pass.parse?.total ?? 0;
        for (const [ruleId, time] of Object.entries(pass.rules ?? {})) {
          if (ruleId.startsWith('redis/')) pluginRulesMs += time.total;
          if (ruleId.startsWith('bench/')) noopRulesMs += time.total;
        }
      }
    }
    process.send({ ms, messages, fatal, files: results.length, parseMs, pluginRulesMs, noopRulesMs });
  } else if (message === 'rss') {
    process.send({ maxRssKb: process.resourceUsage().maxRSS });
  } else if (message === 'exit') {
    process.disconnect();
  }
});

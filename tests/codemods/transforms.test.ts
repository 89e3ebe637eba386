import addConnectTimeout from '../../src/codemods/add-connect-timeout';
import addErrorListener from '../../src/codemods/add-error-listener';
import addReconnectStrategy from '../../src/codemods/add-reconnect-strategy';
import boundReconnectStrategy from '../../src/codemods/bound-reconnect-strategy';
import migrateLegacyOptions from '../../src/codemods/migrate-legacy-options';
import handleConnect from '../../src/codemods/handle-connect';
import { defineFixtureTests } from './fixtures';

defineFixtureTests('add-error-listener', { default: addErrorListener });

defineFixtureTests('add-connect-timeout', { default: addConnectTimeout });

defineFixtureTests('bound-reconnect-strategy', { default: boundReconnectStrategy });

// Options v4+ ignores are v2/v3 spellings only in v4+ code: the fixtures live in a redis 4.6 project (under
// `v3-app/`, a redis 3 one, whose options are right as they are).
defineFixtureTests('migrate-legacy-options', { default: migrateLegacyOptions }, {
  project: {
    'package.json': JSON.stringify({ dependencies: { redis: '^4.6.0' } }),
    'v3-app/package.json': JSON.stringify({ dependencies: { redis: '^3.1.2' } }),
  },
});
defineFixtureTests('handle-connect', { default: handleConnect });

defineFixtureTests('add-reconnect-strategy', { default: addReconnectStrategy });

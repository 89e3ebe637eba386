import addConnectTimeout from '../../src/codemods/add-connect-timeout';
import addErrorListener from '../../src/codemods/add-error-listener';
import boundReconnectStrategy from '../../src/codemods/bound-reconnect-strategy';
import { defineFixtureTests } from './fixtures';

defineFixtureTests('add-error-listener', { default: addErrorListener });

defineFixtureTests('add-connect-timeout', { default: addConnectTimeout });

defineFixtureTests('bound-reconnect-strategy', { default: boundReconnectStrategy });

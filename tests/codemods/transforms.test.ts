import addConnectTimeout from '../../src/codemods/add-connect-timeout';
import addErrorListener from '../../src/codemods/add-error-listener';
import addReconnectStrategy from '../../src/codemods/add-reconnect-strategy';
import boundReconnectStrategy from '../../src/codemods/bound-reconnect-strategy';
import handleConnect from '../../src/codemods/handle-connect';
import { defineFixtureTests } from './fixtures';

defineFixtureTests('add-error-listener', { default: addErrorListener });

defineFixtureTests('add-connect-timeout', { default: addConnectTimeout });

defineFixtureTests('bound-reconnect-strategy', { default: boundReconnectStrategy });

defineFixtureTests('handle-connect', { default: handleConnect });

defineFixtureTests('add-reconnect-strategy', { default: addReconnectStrategy });

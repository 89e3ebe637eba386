import noClientPerRequest from './no-client-per-request';
import noDisabledReconnect from './no-disabled-reconnect';
import noLegacyOptions from './no-legacy-options';
import noFloatingConnect from './no-floating-connect';
import requireConnectTimeout from './require-connect-timeout';
import requireErrorListener from './require-error-listener';
import requireReconnectStrategy from './require-reconnect-strategy';

export const rules = {
  'no-client-per-request': noClientPerRequest,
  'no-disabled-reconnect': noDisabledReconnect,
  'no-legacy-options': noLegacyOptions,
  'no-floating-connect': noFloatingConnect,
  'require-connect-timeout': requireConnectTimeout,
  'require-error-listener': requireErrorListener,
  'require-reconnect-strategy': requireReconnectStrategy,
};

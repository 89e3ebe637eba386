import noDisabledReconnect from './no-disabled-reconnect';
import noLegacyOptions from './no-legacy-options';
import requireConnectTimeout from './require-connect-timeout';
import requireErrorListener from './require-error-listener';

export const rules = {
  'no-disabled-reconnect': noDisabledReconnect,
  'no-legacy-options': noLegacyOptions,
  'require-connect-timeout': requireConnectTimeout,
  'require-error-listener': requireErrorListener,
};

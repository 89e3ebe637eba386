import noDisabledReconnect from './no-disabled-reconnect';
import requireConnectTimeout from './require-connect-timeout';
import requireErrorListener from './require-error-listener';

export const rules = {
  'no-disabled-reconnect': noDisabledReconnect,
  'require-connect-timeout': requireConnectTimeout,
  'require-error-listener': requireErrorListener,
};

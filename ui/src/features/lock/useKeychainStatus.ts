import { useEffect, useState } from 'react';

import * as api from '../../api';
import type { KeychainStatus } from '../../api';

/**
 * Asks the backend whether the OS keychain works, once per mount. `null` while it checks.
 * Only the places that offer a PIN use this: start-up and the lock screen never touch the
 * keychain (on a desktop whose keyring is locked, touching it makes the system ask for a password).
 */
export function useKeychainStatus(): KeychainStatus | null {
  const [status, setStatus] = useState<KeychainStatus | null>(null);
  useEffect(() => {
    let live = true;
    api
      .keychainStatus()
      .then((answer) => {
        if (live) setStatus(answer);
      })
      .catch(() => {
        if (live) setStatus({ available: false, reason: null });
      });
    return () => {
      live = false;
    };
  }, []);
  return status;
}

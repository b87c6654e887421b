// Show in session: the share on the whole screen in large type, to read together with the
// counselor in the room. Nothing is written anywhere; on close the window leaves full screen and
// the caller locks Cove.
import { useEffect, useRef } from 'react';
import { useIntl } from 'react-intl';
import { Dialog, Modal, ModalOverlay } from 'react-aria-components';
import { X } from 'lucide-react';
import * as api from '../../../api';
import type { SharePayload } from '../../../api';
import { Button } from '../../../components/Button';
import { CrisisHelpButton } from '../../../components/CrisisHelpButton';
import { useApp } from '../../../app/AppContext';
import { SharedView } from './SharedView';
import './view.css';

function fullscreen(on: boolean) {
  // Full screen is a nicety: if the window can't change, the view still fills it.
  api.setWindowFullscreen(on).catch(() => undefined);
}

/**
 * `onClose` is called once, by the close button or Escape (the caller locks). `onHelp` (Help is
 * one click away on every screen, this one too) ends the session the same way and opens Help.
 */
export function ShowInSession({ payload, onClose, onHelp }: { payload: SharePayload; onClose: () => void; onHelp: () => void }) {
  const intl = useIntl();
  const { appName } = useApp();
  const closed = useRef(false);

  useEffect(() => {
    closed.current = false;
    fullscreen(true);
    return () => {
      // Also when the view goes away without the close button (e.g. the app locks).
      if (!closed.current) fullscreen(false);
    };
  }, []);

  const end = (then: () => void) => {
    if (closed.current) return;
    closed.current = true;
    fullscreen(false);
    then();
  };
  const close = () => end(onClose);

  return (
    <ModalOverlay
      className="session-overlay"
      isOpen
      isDismissable={false}
      isKeyboardDismissDisabled={false}
      onOpenChange={(open) => {
        if (!open) close();
      }}
    >
      <Modal className="session-modal">
        <Dialog className="session-view" data-testid="session-view" aria-label={intl.formatMessage({ id: 'shareView.session.label' })}>
          <div className="session-view__bar">
            <p className="session-view__hint muted">{intl.formatMessage({ id: 'shareView.session.hint' }, { appName })}</p>
            <CrisisHelpButton onPress={() => end(onHelp)} />
            <Button variant="primary" icon={<X size={22} />} onPress={close} data-testid="session-close" className="session-view__close">
              {intl.formatMessage({ id: 'shareView.session.close' })}
            </Button>
          </div>
          <div className="session-view__content">
            <SharedView payload={payload} size="large" />
          </div>
        </Dialog>
      </Modal>
    </ModalOverlay>
  );
}

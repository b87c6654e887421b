import type { ReactNode } from 'react';
import { Dialog as AriaDialog, Heading, Modal, ModalOverlay } from 'react-aria-components';
import { useIntl } from 'react-intl';
import { Button } from './Button';

export type DialogProps = {
  isOpen: boolean;
  onOpenChange: (isOpen: boolean) => void;
  title: ReactNode;
  children: ReactNode;
  testId?: string;
};

/** A calm modal dialog: a title, the content, and one Close button. Escape and outside click close it. */
export function Dialog({ isOpen, onOpenChange, title, children, testId }: DialogProps) {
  const intl = useIntl();
  return (
    <ModalOverlay className="modal-overlay" isOpen={isOpen} onOpenChange={onOpenChange} isDismissable>
      <Modal className="modal">
        <AriaDialog className="dialog" data-testid={testId}>
          {({ close }) => (
            <>
              <Heading slot="title" className="dialog__title">
                {title}
              </Heading>
              <div className="dialog__body">{children}</div>
              <div className="dialog__actions">
                <Button variant="primary" onPress={close}>
                  {intl.formatMessage({ id: 'common.close' })}
                </Button>
              </div>
            </>
          )}
        </AriaDialog>
      </Modal>
    </ModalOverlay>
  );
}

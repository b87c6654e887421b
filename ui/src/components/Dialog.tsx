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

type DialogFrameProps = {
  isOpen: boolean;
  onOpenChange: (isOpen: boolean) => void;
  title: ReactNode;
  children: ReactNode;
  testId?: string;
  /** The buttons; `close` closes the dialog. */
  actions: (close: () => void) => ReactNode;
};

/** The shared frame: overlay, modal, title, content and a row of actions. */
function DialogFrame({ isOpen, onOpenChange, title, children, testId, actions }: DialogFrameProps) {
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
              <div className="dialog__actions">{actions(close)}</div>
            </>
          )}
        </AriaDialog>
      </Modal>
    </ModalOverlay>
  );
}

/** A calm modal dialog: a title, the content, and one Close button. Escape and outside click close it. */
export function Dialog({ isOpen, onOpenChange, title, children, testId }: DialogProps) {
  const intl = useIntl();
  return (
    <DialogFrame
      isOpen={isOpen}
      onOpenChange={onOpenChange}
      title={title}
      testId={testId}
      actions={(close) => (
        <Button variant="primary" onPress={close}>
          {intl.formatMessage({ id: 'common.close' })}
        </Button>
      )}
    >
      {children}
    </DialogFrame>
  );
}

export type ConfirmDialogProps = {
  isOpen: boolean;
  onOpenChange: (isOpen: boolean) => void;
  title: ReactNode;
  children: ReactNode;
  confirmLabel: ReactNode;
  cancelLabel: ReactNode;
  /** Runs after the dialog has closed itself. */
  onConfirm: () => void;
  testId?: string;
  confirmTestId?: string;
  cancelTestId?: string;
};

/**
 * A calm question before something that can't be undone from inside the app (e.g. printing an
 * unlocked copy). Cancel comes first and Escape or an outside click also cancel.
 */
export function ConfirmDialog({
  isOpen,
  onOpenChange,
  title,
  children,
  confirmLabel,
  cancelLabel,
  onConfirm,
  testId,
  confirmTestId,
  cancelTestId,
}: ConfirmDialogProps) {
  return (
    <DialogFrame
      isOpen={isOpen}
      onOpenChange={onOpenChange}
      title={title}
      testId={testId}
      actions={(close) => (
        <>
          <Button variant="secondary" onPress={close} data-testid={cancelTestId}>
            {cancelLabel}
          </Button>
          <Button
            variant="primary"
            onPress={() => {
              close();
              onConfirm();
            }}
            data-testid={confirmTestId}
          >
            {confirmLabel}
          </Button>
        </>
      )}
    >
      {children}
    </DialogFrame>
  );
}

import { useState, type ReactNode } from 'react';
import { ToggleButton } from 'react-aria-components';
import { Eye, EyeOff } from 'lucide-react';
import { useIntl } from 'react-intl';
import { TextField, type TextFieldProps } from './TextField';
import { cx } from './classNames';

export type PassphraseFieldProps = Omit<TextFieldProps, 'type' | 'trailing' | 'spellCheck'> & {
  /** Accessible name of the show/hide toggle; defaults to "Show passphrase". */
  showLabel?: string;
  description?: ReactNode;
};

/** A password input with a show/hide toggle (a pressed toggle = the text is visible). */
export function PassphraseField({
  showLabel,
  autoComplete = 'current-password',
  inputClassName,
  ...props
}: PassphraseFieldProps) {
  const intl = useIntl();
  const [visible, setVisible] = useState(false);
  const name = showLabel ?? intl.formatMessage({ id: 'passphrase.show' });
  return (
    <TextField
      {...props}
      autoComplete={autoComplete}
      type={visible ? 'text' : 'password'}
      spellCheck={false}
      inputClassName={cx('field__input--secret', inputClassName)}
      trailing={
        <ToggleButton
          className="field__toggle"
          isSelected={visible}
          onChange={setVisible}
          aria-label={name}
          data-testid={props.testId ? `${props.testId}-show` : undefined}
        >
          <span aria-hidden="true" className="field__toggle-icon">
            {visible ? <EyeOff size={18} /> : <Eye size={18} />}
          </span>
          <span aria-hidden="true">{intl.formatMessage({ id: 'passphrase.showShort' })}</span>
        </ToggleButton>
      }
    />
  );
}

import { useEffect, useRef, type ReactNode } from 'react';
import {
  FieldError,
  Input,
  Label,
  Text,
  TextField as AriaTextField,
  type TextFieldProps as AriaTextFieldProps,
} from 'react-aria-components';
import { cx } from './classNames';

export type TextFieldProps = {
  label: ReactNode;
  value: string;
  onChange: (value: string) => void;
  description?: ReactNode;
  /** Shown under the field and announced; styled as a kind note, never an alarm. */
  errorMessage?: ReactNode;
  type?: 'text' | 'password';
  autoComplete?: string;
  inputMode?: AriaTextFieldProps['inputMode'];
  isDisabled?: boolean;
  isRequired?: boolean;
  /** Puts the cursor here when the field first appears (used where one field is the whole task). */
  focusOnMount?: boolean;
  className?: string;
  inputClassName?: string;
  maxLength?: number;
  spellCheck?: boolean;
  testId?: string;
  /** Extra controls placed beside the input (e.g. a show/hide toggle). */
  trailing?: ReactNode;
};

export function TextField({
  label,
  value,
  onChange,
  description,
  errorMessage,
  type = 'text',
  autoComplete,
  inputMode,
  isDisabled,
  isRequired,
  focusOnMount,
  className,
  inputClassName,
  maxLength,
  spellCheck,
  testId,
  trailing,
}: TextFieldProps) {
  const inputRef = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (focusOnMount) inputRef.current?.focus();
  }, [focusOnMount]);

  const invalid = errorMessage != null && errorMessage !== false;
  return (
    <AriaTextField
      className={cx('field', className)}
      value={value}
      onChange={onChange}
      type={type}
      autoComplete={autoComplete}
      inputMode={inputMode}
      isDisabled={isDisabled}
      isRequired={isRequired}
      isInvalid={invalid}
      maxLength={maxLength}
      validationBehavior="aria"
    >
      <Label className="field__label">{label}</Label>
      <div className="field__row">
        <Input
          ref={inputRef}
          className={cx('field__input', inputClassName)}
          data-testid={testId}
          spellCheck={spellCheck}
          autoCapitalize="off"
          autoCorrect="off"
        />
        {trailing}
      </div>
      {description ? (
        <Text slot="description" className="field__description">
          {description}
        </Text>
      ) : null}
      <FieldError className="field__error">{errorMessage}</FieldError>
    </AriaTextField>
  );
}

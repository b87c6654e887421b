import type { ReactNode } from 'react';
import {
  Button as AriaButton,
  Label,
  ListBox,
  ListBoxItem,
  Popover,
  Select as AriaSelect,
  SelectValue,
  Text,
} from 'react-aria-components';
import { ChevronDown } from 'lucide-react';

export type SelectOption<K extends string> = { id: K; label: string };

export type SelectProps<K extends string> = {
  label: ReactNode;
  options: readonly SelectOption<K>[];
  value: K;
  onChange: (value: K) => void;
  description?: ReactNode;
  isDisabled?: boolean;
  /** On the wrapper; each option gets `${testId}-option-${id}`, the trigger `${testId}-button`. */
  testId?: string;
};

export function Select<K extends string>({
  label,
  options,
  value,
  onChange,
  description,
  isDisabled,
  testId,
}: SelectProps<K>) {
  return (
    <AriaSelect
      className="field select"
      value={value}
      onChange={(key) => {
        if (key != null) onChange(String(key) as K);
      }}
      isDisabled={isDisabled}
      data-testid={testId}
    >
      <Label className="field__label">{label}</Label>
      <AriaButton className="select__trigger" data-testid={testId ? `${testId}-button` : undefined}>
        <SelectValue className="select__value" />
        <ChevronDown aria-hidden="true" size={18} />
      </AriaButton>
      {description ? (
        <Text slot="description" className="field__description">
          {description}
        </Text>
      ) : null}
      <Popover className="select__popover" offset={6}>
        <ListBox className="select__list">
          {options.map((option) => (
            <ListBoxItem
              key={option.id}
              id={option.id}
              textValue={option.label}
              className="select__option"
              data-testid={testId ? `${testId}-option-${option.id}` : undefined}
            >
              {option.label}
            </ListBoxItem>
          ))}
        </ListBox>
      </Popover>
    </AriaSelect>
  );
}

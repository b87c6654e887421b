import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useIntl } from 'react-intl';
import { FieldError, Label, Text, TextArea, TextField as AriaTextField } from 'react-aria-components';
import { Button } from '../../components/Button';
import { Select } from '../../components/Select';
import { MAX_CUSTOM_PROMPT_CHARS, PROMPT_GROUPS, promptLength, type PromptGroup } from './prompts';
import { usePromptGroupName } from './usePromptGroupName';

type GroupChoice = PromptGroup | 'none';

/** Adding or changing one of the person's own prompts: the words (≤ 500 characters) and an optional topic. */
export function OwnPromptForm({
  title,
  initialText,
  initialGroup,
  onSubmit,
  onCancel,
}: {
  title: string;
  initialText: string;
  initialGroup: PromptGroup | null;
  onSubmit: (text: string, group: PromptGroup | null) => Promise<void>;
  onCancel: () => void;
}) {
  const intl = useIntl();
  const groupName = usePromptGroupName();
  const [text, setText] = useState(initialText);
  const [group, setGroup] = useState<GroupChoice>(initialGroup ?? 'none');
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const headingId = useId();
  const fieldRef = useRef<HTMLTextAreaElement>(null);

  useEffect(() => {
    fieldRef.current?.focus();
  }, []);

  const length = promptLength(text.trim());

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const trimmed = text.trim();
    if (trimmed === '') {
      setProblem(intl.formatMessage({ id: 'prompts.own.emptyText' }));
      fieldRef.current?.focus();
      return;
    }
    if (promptLength(trimmed) > MAX_CUSTOM_PROMPT_CHARS) {
      setProblem(intl.formatMessage({ id: 'prompts.own.tooLong' }, { max: MAX_CUSTOM_PROMPT_CHARS }));
      fieldRef.current?.focus();
      return;
    }
    setProblem(null);
    setBusy(true);
    try {
      await onSubmit(trimmed, group === 'none' ? null : group);
    } finally {
      setBusy(false);
    }
  };

  const options = [
    { id: 'none' as GroupChoice, label: intl.formatMessage({ id: 'prompts.group.none' }) },
    ...PROMPT_GROUPS.map((g) => ({ id: g as GroupChoice, label: groupName(g) })),
  ];

  return (
    <form className="own-prompt-form" aria-labelledby={headingId} onSubmit={(event) => void submit(event)} noValidate>
      <h3 id={headingId} className="own-prompt-form__title">
        {title}
      </h3>
      <AriaTextField
        className="field"
        value={text}
        onChange={(value) => {
          setText(value);
          if (problem) setProblem(null);
        }}
        isInvalid={problem !== null}
        validationBehavior="aria"
      >
        <Label className="field__label">{intl.formatMessage({ id: 'prompts.own.text' })}</Label>
        <TextArea ref={fieldRef} className="field__input own-prompt-form__text" rows={3} data-testid="prompt-own-text" />
        <Text slot="description" className="field__description">
          {intl.formatMessage({ id: 'prompts.own.length' }, { count: length, max: MAX_CUSTOM_PROMPT_CHARS })}
        </Text>
        <FieldError className="field__error">{problem}</FieldError>
      </AriaTextField>
      <Select label={intl.formatMessage({ id: 'prompts.own.group' })} options={options} value={group} onChange={setGroup} testId="prompt-own-group" />
      <div className="actions">
        <Button type="submit" variant="primary" isDisabled={busy} data-testid="prompt-own-save">
          {intl.formatMessage({ id: 'prompts.own.save' })}
        </Button>
        <Button variant="quiet" onPress={onCancel} data-testid="prompt-own-cancel">
          {intl.formatMessage({ id: 'prompts.own.cancel' })}
        </Button>
      </div>
    </form>
  );
}

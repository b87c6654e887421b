import { useCallback } from 'react';
import { useIntl } from 'react-intl';
import type { MessageId } from '../../i18n';
import type { PromptGroup } from './prompts';

const GROUP_NAMES: Record<PromptGroup, MessageId> = {
  feelings: 'prompts.group.feelings',
  identity: 'prompts.group.identity',
  relationships: 'prompts.group.relationships',
  school: 'prompts.group.school',
  body: 'prompts.group.body',
  strengths: 'prompts.group.strengths',
  goals: 'prompts.group.goals',
};

/** `(group) => name` in the current language; `null` (an own prompt without a topic) is "Your own". */
export function usePromptGroupName(): (group: PromptGroup | null) => string {
  const intl = useIntl();
  return useCallback(
    (group: PromptGroup | null) => intl.formatMessage({ id: group ? GROUP_NAMES[group] : 'prompts.group.own' }),
    [intl],
  );
}

import { useId, useState, type FormEvent } from 'react';
import { useIntl } from 'react-intl';
import * as api from '../../api';
import type { Profile, SpanishAddressing, SpanishEnding } from '../../api';
import { Button } from '../../components/Button';
import { LiveRegion, useAnnouncement } from '../../components/LiveRegion';
import { TextField } from '../../components/TextField';
import { errorMessageId } from '../../i18n/errors';
import type { MessageId } from '../../i18n';
import { useProfile } from '../shell/ProfileContext';
import { ChoiceChips } from './ChoiceChips';
import { personFrom, spanishFor } from './grammar';
import { PronounPicker } from './PronounPicker';
import { SentencePreview } from './SentenceCard';
import './identity.css';

type SpanishChoice = 'ella' | 'el' | 'elle' | 'custom' | 'none';
const SPANISH_CHOICES: readonly SpanishChoice[] = ['ella', 'el', 'elle', 'custom', 'none'];
const ENDINGS: readonly SpanishEnding[] = ['a', 'o', 'e', 'x'];
const NATURAL_ENDING: Record<SpanishChoice, SpanishEnding> = { ella: 'a', el: 'o', elle: 'e', custom: 'e', none: 'e' };
const CHOICE_PRONOUN: Record<'ella' | 'el' | 'elle', string> = { ella: 'ella', el: 'él', elle: 'elle' };

function spanishChoice(spanish: SpanishAddressing | null): SpanishChoice | null {
  if (!spanish) return null;
  const pronoun = spanish.pronoun?.trim() ?? '';
  if (!pronoun) return 'none';
  if (pronoun === 'ella') return 'ella';
  if (pronoun === 'él') return 'el';
  if (pronoun === 'elle') return 'elle';
  return 'custom';
}

/** What is saved: blanks become `null`, a "different" shared part with nothing in it is "the same". */
export function profileToSave(draft: Profile, sharedDifferent: boolean): Profile {
  const name = draft.name?.trim() || null;
  const sharedName = draft.shared?.name?.trim() || null;
  const sharedPronouns = draft.shared?.pronouns ?? null;
  const shared = sharedDifferent && (sharedName || sharedPronouns) ? { name: sharedName, pronouns: sharedPronouns } : null;
  const spanish = draft.spanish
    ? { pronoun: draft.spanish.pronoun?.trim() || null, ending: draft.spanish.ending }
    : null;
  return { name, pronouns: draft.pronouns, shared, spanish };
}

/**
 * "My name and pronouns": the name, the English pronouns, how Spanish speaks about the person,
 * and what summaries shared with a counselor use, with a live preview. Every question can be
 * skipped; saving replaces the whole profile at once.
 */
export function ProfileEditor({
  testId,
  onSaved,
  headingLevel = 3,
}: {
  testId: string;
  onSaved?: () => void;
  /** The level of the editor's own headings (3 under a page's h2, 2 right under an h1). */
  headingLevel?: 2 | 3;
}) {
  const Heading = `h${headingLevel}` as const;
  const intl = useIntl();
  const message = (id: MessageId, values?: Record<string, string>) => intl.formatMessage({ id }, values);
  const { profile, saveProfile } = useProfile();
  const [draft, setDraft] = useState<Profile>(profile);
  const [sharedDifferent, setSharedDifferent] = useState(profile.shared !== null);
  const [busy, setBusy] = useState(false);
  const { announcement, announce } = useAnnouncement();
  const spanishHeadingId = useId();
  const sharedHeadingId = useId();

  const update = (patch: Partial<Profile>) => setDraft((previous) => ({ ...previous, ...patch }));
  const spanish = draft.spanish;
  // Kept apart from the draft so "my own" stays chosen while its text field is still blank.
  const [esChoice, setEsChoice] = useState<SpanishChoice | null>(() => spanishChoice(profile.spanish));
  const followed = spanishFor({ pronouns: draft.pronouns, spanish: null });

  const chooseSpanish = (choice: SpanishChoice | null) => {
    setEsChoice(choice);
    if (choice === null) return update({ spanish: null });
    const pronoun =
      choice === 'none' ? null : choice === 'custom' ? (esChoice === 'custom' ? (spanish?.pronoun ?? '') : '') : CHOICE_PRONOUN[choice];
    update({ spanish: { pronoun, ending: NATURAL_ENDING[choice] } });
  };
  const chooseEnding = (ending: SpanishEnding | null) => {
    if (ending === null) return update({ spanish: spanish ? { ...spanish, ending: NATURAL_ENDING[esChoice ?? 'none'] } : null });
    if (!spanish) setEsChoice(spanishChoice(followed));
    update({ spanish: { pronoun: spanish ? spanish.pronoun : followed.pronoun, ending } });
  };

  const saved = profileToSave(draft, sharedDifferent);
  const appPerson = personFrom(saved, 'app');
  const sharedPerson = saved.shared ? personFrom(saved, 'shared') : null;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    try {
      await saveProfile(saved);
      announce(message('identity.editor.saved'), 'info');
      onSaved?.();
    } catch (error) {
      announce(message(errorMessageId(api.normaliseError(error).code)));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="profile-editor stack" onSubmit={submit} noValidate data-testid={testId}>
      <TextField
        label={message('identity.editor.name')}
        description={message('identity.editor.name.help')}
        value={draft.name ?? ''}
        onChange={(name) => update({ name })}
        autoComplete="nickname"
        maxLength={200}
        testId={`${testId}-name`}
      />
      <PronounPicker
        label={message('identity.editor.pronouns')}
        value={draft.pronouns}
        onChange={(pronouns) => update({ pronouns })}
        testId={`${testId}-pronouns`}
      />
      <SentencePreview
        person={appPerson}
        heading={message('identity.editor.preview')}
        headingLevel={headingLevel}
        testId={`${testId}-preview`}
      />

      <section className="profile-editor__section" aria-labelledby={spanishHeadingId}>
        <Heading id={spanishHeadingId} className="profile-editor__heading">
          {message('identity.editor.spanish.heading')}
        </Heading>
        <p className="muted">{message('identity.editor.spanish.help')}</p>
        {spanish === null ? (
          <p className="muted" data-testid={`${testId}-es-following`}>
            {message('identity.editor.spanish.following', {
              pronoun: followed.pronoun ?? message('identity.editor.spanish.noPronoun'),
              word: message(`identity.editor.spanish.ending.${followed.ending}` as MessageId),
            })}
          </p>
        ) : null}
        <ChoiceChips
          label={message('identity.editor.spanish.pronoun')}
          choices={SPANISH_CHOICES.map((id) => ({ id, label: message(`identity.editor.spanish.${id}` as MessageId) }))}
          value={esChoice}
          onChange={chooseSpanish}
          testId={`${testId}-es-pronoun`}
        />
        {esChoice === 'custom' ? (
          <TextField
            label={message('identity.editor.spanish.customLabel')}
            value={spanish?.pronoun ?? ''}
            onChange={(pronoun) => update({ spanish: { pronoun, ending: spanish?.ending ?? 'e' } })}
            autoComplete="off"
            spellCheck={false}
            maxLength={40}
            testId={`${testId}-es-custom`}
          />
        ) : null}
        <ChoiceChips
          label={message('identity.editor.spanish.ending')}
          description={message('identity.editor.spanish.endingHelp')}
          choices={ENDINGS.map((id) => ({ id, label: message(`identity.editor.spanish.ending.${id}` as MessageId) }))}
          value={spanish ? spanish.ending : null}
          onChange={chooseEnding}
          testId={`${testId}-es-ending`}
        />
      </section>

      <section className="profile-editor__section" aria-labelledby={sharedHeadingId}>
        <Heading id={sharedHeadingId} className="profile-editor__heading">
          {message('identity.editor.shared.heading')}
        </Heading>
        <p className="muted">{message('identity.editor.shared.help')}</p>
        <ChoiceChips
          label={message('identity.editor.shared.heading')}
          choices={[
            { id: 'same', label: message('identity.editor.shared.same') },
            { id: 'different', label: message('identity.editor.shared.different') },
          ]}
          value={sharedDifferent ? 'different' : 'same'}
          onChange={(next) => setSharedDifferent(next === 'different')}
          testId={`${testId}-shared`}
        />
        {sharedDifferent ? (
          <>
            <TextField
              label={message('identity.editor.shared.name')}
              description={message('identity.editor.shared.name.help')}
              value={draft.shared?.name ?? ''}
              onChange={(name) => update({ shared: { name, pronouns: draft.shared?.pronouns ?? null } })}
              autoComplete="off"
              maxLength={200}
              testId={`${testId}-shared-name`}
            />
            <PronounPicker
              label={message('identity.editor.shared.pronouns')}
              description={message('identity.editor.shared.pronouns.help')}
              value={draft.shared?.pronouns ?? null}
              onChange={(pronouns) => update({ shared: { name: draft.shared?.name ?? null, pronouns } })}
              testId={`${testId}-shared-pronouns`}
            />
            {sharedPerson ? (
              <SentencePreview
                person={sharedPerson}
                heading={message('identity.editor.preview.shared')}
                headingLevel={headingLevel === 2 ? 3 : 4}
                testId={`${testId}-shared-preview`}
              />
            ) : null}
          </>
        ) : null}
      </section>

      <LiveRegion announcement={announcement} testId={`${testId}-message`} />
      <div className="actions">
        <Button type="submit" variant="primary" isDisabled={busy} data-testid={`${testId}-save`}>
          {message('identity.editor.save')}
        </Button>
      </div>
    </form>
  );
}

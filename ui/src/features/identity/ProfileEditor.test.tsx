import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { IntlProvider } from 'react-intl';
import { describe, expect, it, vi } from 'vitest';
import type { Profile } from '../../api';
import { CATALOGUES } from '../../i18n/all';
import { type AppLocale } from '../../i18n';
import { expectNoAxeViolations } from '../../test/render';
import { testProfile } from '../../test/profiles';
import { ProfileContext } from '../shell/ProfileContext';
import { builtInSet } from './grammar';
import { ProfileEditor } from './ProfileEditor';

function setup(initial: Profile, { locale = 'en', fail = false }: { locale?: AppLocale; fail?: boolean } = {}) {
  const saved: Profile[] = [];
  const onSaved = vi.fn();
  function Harness() {
    const [profile, setProfile] = useState(initial);
    const saveProfile = async (next: Profile) => {
      if (fail) throw { code: 'io', message: 'disk' };
      saved.push(next);
      setProfile(next);
    };
    return (
      <IntlProvider locale={locale} messages={CATALOGUES[locale]}>
        <ProfileContext.Provider value={{ profile, saveProfile }}>
          <main>
            <ProfileEditor testId="editor" onSaved={onSaved} />
          </main>
        </ProfileContext.Provider>
      </IntlProvider>
    );
  }
  const user = userEvent.setup();
  render(<Harness />);
  return { user, saved, onSaved };
}

const previewTexts = (testId = 'editor-preview') =>
  screen.getAllByTestId(`${testId}-sentence`).map((li) => li.textContent);

describe('ProfileEditor', () => {
  it('lets every question be skipped: saving an empty form saves an empty profile', async () => {
    const { user, saved, onSaved } = setup(testProfile(null));
    expect(previewTexts()).toEqual([
      'This is my friend Alex, the funniest person I know.',
      'After a long day, Alex made a coffee and curled up with a good book.',
    ]);
    expect(screen.getByTestId('editor-preview')).toHaveTextContent("We're using “Alex” until you choose a name.");
    await expectNoAxeViolations();
    await user.click(screen.getByTestId('editor-save'));
    await waitFor(() => expect(screen.getByTestId('editor-message')).toHaveTextContent("Saved. We'll use this from now on."));
    expect(saved).toEqual([testProfile(null)]);
    expect(onSaved).toHaveBeenCalledTimes(1);
  });

  it('edits name, pronouns, Spanish and what is shared, with a live preview, and saves it all at once', async () => {
    const { user, saved } = setup(testProfile('Sam', 'she'));
    expect(screen.getByTestId('editor-name')).toHaveValue('Sam');
    expect(screen.getByTestId('editor-pronouns-choice-she')).toHaveAttribute('aria-checked', 'true');
    expect(previewTexts()[0]).toBe('This is my friend Sam. She is the funniest person I know.');
    expect(screen.getByTestId('editor-es-following')).toHaveTextContent('Right now: ella, amiga, from your pronouns above.');

    await user.clear(screen.getByTestId('editor-name'));
    await user.type(screen.getByTestId('editor-name'), 'River');
    await user.click(screen.getByTestId('editor-pronouns-choice-xe'));
    expect(previewTexts()).toEqual([
      'This is my friend River. Xe is the funniest person I know.',
      'After a long day, River made xemself a coffee and curled up with a good book.',
    ]);
    expect(screen.getByTestId('editor-es-following')).toHaveTextContent('elle, amigue');

    // Spanish: él, then the -x ending.
    await user.click(screen.getByTestId('editor-es-pronoun-choice-el'));
    expect(screen.queryByTestId('editor-es-following')).toBeNull();
    expect(screen.getByTestId('editor-es-ending-choice-o')).toHaveAttribute('aria-checked', 'true');
    await user.click(screen.getByTestId('editor-es-ending-choice-x'));
    expect(screen.getByTestId('editor-es-ending-choice-x')).toHaveTextContent('amigx');

    // Shared with a counselor: a different name, same pronouns.
    expect(screen.getByTestId('editor-shared-choice-same')).toHaveAttribute('aria-checked', 'true');
    expect(screen.queryByTestId('editor-shared-name')).toBeNull();
    await user.click(screen.getByTestId('editor-shared-choice-different'));
    await user.type(screen.getByTestId('editor-shared-name'), 'R.');
    expect(previewTexts('editor-shared-preview')[0]).toBe('This is my friend R.. Xe is the funniest person I know.');
    await user.click(screen.getByTestId('editor-shared-pronouns-choice-they'));
    expect(previewTexts('editor-shared-preview')[0]).toBe('This is my friend R.. They are the funniest person I know.');
    await expectNoAxeViolations();

    expect(saved).toEqual([]);
    await user.click(screen.getByTestId('editor-save'));
    await waitFor(() => expect(saved).toHaveLength(1));
    expect(saved[0]).toEqual({
      name: 'River',
      pronouns: builtInSet('xe'),
      shared: { name: 'R.', pronouns: builtInSet('they') },
      spanish: { pronoun: 'él', ending: 'x' },
    });
  });

  it('treats an empty "something different" as the same, and trims names', async () => {
    const { user, saved } = setup(testProfile('  Sam  '));
    await user.click(screen.getByTestId('editor-shared-choice-different'));
    await user.type(screen.getByTestId('editor-shared-name'), '   ');
    await user.click(screen.getByTestId('editor-save'));
    await waitFor(() => expect(saved).toHaveLength(1));
    expect(saved[0]).toEqual(testProfile('Sam'));
  });

  it('takes a Spanish pronoun of your own, or none (your name)', async () => {
    const { user, saved } = setup(testProfile('Sam', 'they'));
    await user.click(screen.getByTestId('editor-es-pronoun-choice-custom'));
    await user.type(screen.getByTestId('editor-es-custom'), 'elli');
    await user.click(screen.getByTestId('editor-save'));
    await waitFor(() => expect(saved).toHaveLength(1));
    expect(saved[0]?.spanish).toEqual({ pronoun: 'elli', ending: 'e' });

    await user.click(screen.getByTestId('editor-es-pronoun-choice-none'));
    expect(screen.queryByTestId('editor-es-custom')).toBeNull();
    await user.click(screen.getByTestId('editor-save'));
    await waitFor(() => expect(saved).toHaveLength(2));
    expect(saved[1]?.spanish).toEqual({ pronoun: null, ending: 'e' });

    // Pressing the chosen chip again goes back to following the English pronouns.
    await user.click(screen.getByTestId('editor-es-pronoun-choice-none'));
    expect(screen.getByTestId('editor-es-following')).toBeInTheDocument();
  });

  it('shows an existing profile, shared part and Spanish choice as saved', () => {
    setup({
      name: 'Sam',
      pronouns: builtInSet('they', { themselves: true }),
      shared: { name: null, pronouns: builtInSet('he') },
      spanish: { pronoun: 'ella', ending: 'a' },
    });
    expect(screen.getByTestId('editor-pronouns-they-reflexive-themselves')).toHaveAttribute('aria-checked', 'true');
    expect(screen.getByTestId('editor-es-pronoun-choice-ella')).toHaveAttribute('aria-checked', 'true');
    expect(screen.getByTestId('editor-es-ending-choice-a')).toHaveAttribute('aria-checked', 'true');
    expect(screen.getByTestId('editor-shared-choice-different')).toHaveAttribute('aria-checked', 'true');
    expect(screen.getByTestId('editor-shared-pronouns-choice-he')).toHaveAttribute('aria-checked', 'true');
    expect(previewTexts('editor-shared-preview')[0]).toBe('This is my friend Sam. He is the funniest person I know.');
  });

  it('keeps everything typed when saving does not work', async () => {
    const { user, onSaved } = setup(testProfile(null), { fail: true });
    await user.type(screen.getByTestId('editor-name'), 'Noor');
    await user.click(screen.getByTestId('editor-save'));
    await waitFor(() => expect(screen.getByTestId('editor-message')).not.toBeEmptyDOMElement());
    expect(screen.getByTestId('editor-message')).not.toHaveTextContent('Saved');
    expect(screen.getByTestId('editor-name')).toHaveValue('Noor');
    expect(onSaved).not.toHaveBeenCalled();
  });

  it('reads right-to-left names in their own direction', async () => {
    const { user } = setup(testProfile(null));
    await user.type(screen.getByTestId('editor-name'), 'نور');
    const [first] = screen.getAllByTestId('editor-preview-sentence');
    expect(first).toHaveAttribute('dir', 'auto');
    expect(first).toHaveTextContent('This is my friend \u2068نور\u2069, the funniest person I know.');
  });

  it('speaks Spanish, with the endings shown as words, and passes axe', async () => {
    const { user } = setup(testProfile('Ale', 'she'), { locale: 'es' });
    const endings = screen.getByRole('radiogroup', { name: 'Palabras que cambian con el género' });
    expect(within(endings).getAllByRole('radio').map((r) => r.textContent)).toEqual(['amiga', 'amigo', 'amigue', 'amigx']);
    expect(previewTexts()[0]).toBe('Te presento a mi amiga Ale. Es la persona más divertida que conozco.');
    await user.click(screen.getByTestId('editor-es-ending-choice-e'));
    expect(previewTexts()[0]).toBe('Te presento a mi amigue Ale. Es la persona más divertida que conozco.');
    await expectNoAxeViolations();
  });
});

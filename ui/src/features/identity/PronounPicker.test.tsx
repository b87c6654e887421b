import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { IntlProvider } from 'react-intl';
import { describe, expect, it } from 'vitest';
import type { PronounSet } from '../../api';
import { CATALOGUES } from '../../i18n/all';
import { type AppLocale } from '../../i18n';
import { expectNoAxeViolations } from '../../test/render';
import { builtInSet } from './grammar';
import { PronounPicker } from './PronounPicker';

let latest: PronounSet | null = null;

function Harness({ initial = null, locale = 'en' }: { initial?: PronounSet | null; locale?: AppLocale }) {
  const [value, setValue] = useState<PronounSet | null>(initial);
  return (
    <IntlProvider locale={locale} messages={CATALOGUES[locale]}>
      <main>
        <PronounPicker
          label="Your pronouns"
          value={value}
          onChange={(next) => {
            latest = next;
            setValue(next);
          }}
          testId="picker"
        />
      </main>
    </IntlProvider>
  );
}

describe('PronounPicker', () => {
  it('offers every set with a readable label as one radio group', async () => {
    render(<Harness />);
    const group = screen.getByRole('radiogroup', { name: 'Your pronouns' });
    const labels = within(group)
      .getAllByRole('radio')
      .map((radio) => radio.textContent);
    expect(labels).toEqual([
      'she/her',
      'he/him',
      'they/them',
      'xe/xem',
      'ze/hir',
      'ze/zir',
      'fae/faer',
      'e/em',
      'it/its',
      'any pronouns',
      'no pronouns — use my name',
      'my own',
    ]);
    expect(screen.getByTestId('picker-choice-they')).toHaveTextContent('they/them');
    expect(screen.getByTestId('picker-choice-name_only')).toHaveTextContent('no pronouns — use my name');
    expect(group).toHaveAccessibleDescription('Pick one, or skip this. You can change it anytime.');
    await expectNoAxeViolations();
  });

  it('chooses a set, asks themself or themselves for they, and can be cleared again', async () => {
    const user = userEvent.setup();
    render(<Harness />);
    await user.click(screen.getByTestId('picker-choice-xe'));
    expect(latest).toEqual(builtInSet('xe'));
    expect(screen.getByTestId('picker-choice-xe')).toHaveAttribute('aria-checked', 'true');
    expect(screen.queryByTestId('picker-they-reflexive')).toBeNull();

    await user.click(screen.getByTestId('picker-choice-they'));
    expect(latest).toEqual(builtInSet('they'));
    const reflexive = screen.getByRole('radiogroup', { name: 'With they/them, do you say…' });
    expect(within(reflexive).getByRole('radio', { name: 'themself' })).toHaveAttribute('aria-checked', 'true');
    await user.click(screen.getByTestId('picker-they-reflexive-themselves'));
    expect(latest).toEqual(builtInSet('they', { themselves: true }));
    await expectNoAxeViolations();

    await user.click(screen.getByTestId('picker-choice-they'));
    expect(latest).toBeNull();
    expect(screen.queryByTestId('picker-they-reflexive')).toBeNull();
  });

  it('works from the keyboard alone', async () => {
    const user = userEvent.setup();
    render(<Harness />);
    await user.tab();
    expect(screen.getByTestId('picker-choice-she')).toHaveFocus();
    await user.keyboard('{ArrowRight}{ArrowRight}');
    expect(screen.getByTestId('picker-choice-they')).toHaveFocus();
    await user.keyboard(' ');
    expect(latest).toEqual(builtInSet('they'));
    await user.tab();
    expect(screen.getByTestId('picker-they-reflexive-themself')).toHaveFocus();
  });

  it('asks for all five forms of your own set, with examples and the fallback for each blank', async () => {
    const user = userEvent.setup();
    render(<Harness />);
    await user.click(screen.getByTestId('picker-choice-custom'));
    expect(latest).toMatchObject({ id: 'custom', subject: '' });
    for (const key of ['subject', 'object', 'determiner', 'possessive', 'reflexive']) {
      expect(screen.getByTestId(`picker-custom-${key}`)).toBeInTheDocument();
    }
    expect(screen.getByTestId('picker-custom-subject-fallback')).toHaveTextContent('use your name');
    expect(screen.getByLabelText('Like “her”, “them” or “xem”')).toBe(screen.getByTestId('picker-custom-object'));

    await user.type(screen.getByTestId('picker-custom-subject'), 've');
    expect(screen.queryByTestId('picker-custom-subject-fallback')).toBeNull();
    expect(screen.getByTestId('picker-custom-object-fallback')).toHaveTextContent("we'll use “ve”");
    expect(screen.getByTestId('picker-custom-reflexive-fallback')).toHaveTextContent('“veself”');
    expect(screen.getByTestId('picker-custom-object')).toHaveAccessibleDescription(
      "As in “I saw ___.” If you leave this blank, we'll use “ve”.",
    );

    await user.type(screen.getByTestId('picker-custom-object'), 'ver');
    expect(screen.queryByTestId('picker-custom-object-fallback')).toBeNull();
    expect(screen.getByTestId('picker-custom-object')).toHaveAccessibleDescription('As in “I saw ___.”');
    expect(screen.getByTestId('picker-custom-determiner-fallback')).toHaveTextContent("“ver's”");
    expect(latest).toMatchObject({ id: 'custom', subject: 've', object: 'ver', pluralVerbs: false });

    expect(screen.getByRole('radio', { name: '“ve is”' })).toHaveAttribute('aria-checked', 'true');
    await user.click(screen.getByRole('radio', { name: '“ve are”' }));
    expect(latest).toMatchObject({ pluralVerbs: true });
    await expectNoAxeViolations();
  });

  it('shows a saved custom set as "my own" with its forms', () => {
    render(
      <Harness initial={{ id: 'custom', subject: 'ey', object: 'em', determiner: '', possessive: '', reflexive: '', pluralVerbs: true }} />,
    );
    expect(screen.getByTestId('picker-choice-custom')).toHaveAttribute('aria-checked', 'true');
    expect(screen.getByTestId('picker-custom-object')).toHaveValue('em');
    expect(screen.getByTestId('picker-custom-possessive-fallback')).toHaveTextContent("“em's”");
  });

  it('speaks Spanish around the English forms', async () => {
    render(<Harness locale="es" initial={builtInSet('they')} />);
    expect(screen.getByTestId('picker-choice-any')).toHaveTextContent('cualquier pronombre');
    expect(screen.getByTestId('picker-choice-name_only')).toHaveTextContent('sin pronombres: usa mi nombre');
    expect(screen.getByTestId('picker-choice-they')).toHaveTextContent('they/them');
    await expectNoAxeViolations();
  });
});

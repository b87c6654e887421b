import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { defaultPrefs } from '../../test/fakeBackend';
import { expectNoAxeViolations } from '../../test/render';
import { openIdentity } from './spaceTestSupport';

describe('identity space', () => {
  it('has its heading, a private-by-default line and four tabs, and passes axe', async () => {
    const { main } = await openIdentity();
    expect(within(main).getByRole('heading', { level: 1, name: 'Identity' })).toHaveFocus();
    expect(screen.getByTestId('identity-private')).toHaveTextContent('Only you see this space.');
    const tabs = within(screen.getByRole('tablist', { name: 'Identity space' })).getAllByRole('tab');
    expect(tabs.map((t) => t.textContent)).toEqual(['Try on', 'Reflect', 'Timeline', 'My name and pronouns']);
    expect(tabs.map((t) => t.getAttribute('data-testid'))).toEqual([
      'identity-tab-tryon',
      'identity-tab-reflect',
      'identity-tab-timeline',
      'identity-tab-profile',
    ]);
    expect(screen.getByTestId('identity-tab-tryon')).toHaveAttribute('aria-selected', 'true');
    expect(screen.getByRole('tabpanel', { name: 'Try on' })).toHaveTextContent('Try on a name or pronouns');
    await expectNoAxeViolations();
  });

  it('moves between the tabs by keyboard, keeping what was typed in Try on', async () => {
    const { user } = await openIdentity();
    await user.type(screen.getByTestId('tryon-name-0'), 'River');
    screen.getByTestId('identity-tab-tryon').focus();
    await user.keyboard('{ArrowRight}');
    await waitFor(() => expect(screen.getByTestId('identity-tab-reflect')).toHaveAttribute('aria-selected', 'true'));
    expect(screen.getByRole('tabpanel', { name: 'Reflect' })).toHaveTextContent('Notice a moment');
    await user.keyboard('{ArrowRight}');
    await waitFor(() => expect(screen.getByTestId('identity-tab-timeline')).toHaveAttribute('aria-selected', 'true'));
    expect(await screen.findByTestId('identity-timeline-empty')).toBeInTheDocument();
    await user.keyboard('{ArrowRight}');
    await waitFor(() => expect(screen.getByTestId('identity-tab-profile')).toHaveAttribute('aria-selected', 'true'));
    expect(screen.getByTestId('identity-profile')).toBeInTheDocument();
    await expectNoAxeViolations();
    await user.keyboard('{Home}');
    await waitFor(() => expect(screen.getByTestId('identity-tab-tryon')).toHaveAttribute('aria-selected', 'true'));
    expect(screen.getByTestId('tryon-name-0')).toHaveValue('River');
  });

  it('shows the name and pronouns form under "My name and pronouns"', async () => {
    await openIdentity({}, undefined, 'profile');
    const panel = screen.getByRole('tabpanel', { name: 'My name and pronouns' });
    expect(within(panel).getByRole('heading', { level: 2, name: 'What the app calls you' })).toBeInTheDocument();
    expect(within(panel).getByTestId('identity-profile')).toBeInTheDocument();
    expect(within(panel).getByTestId('identity-profile-save')).toBeInTheDocument();
    await expectNoAxeViolations();
  });

  it('speaks Spanish', async () => {
    const { main, user } = await openIdentity({ prefs: defaultPrefs({ language: 'es' }) });
    expect(within(main).getByRole('heading', { level: 1 })).toHaveTextContent('Identidad');
    expect(screen.getByTestId('identity-private')).toHaveTextContent('Solo tú ves este espacio.');
    const tabs = within(screen.getByRole('tablist', { name: 'Espacio de identidad' })).getAllByRole('tab');
    expect(tabs.map((t) => t.textContent)).toEqual(['Probar', 'Reflexionar', 'Línea de tiempo', 'Mi nombre y pronombres']);
    expect(main).toHaveTextContent('Prueba un nombre o pronombres');
    expect(screen.getByText('¿Cómo se sintió?')).toBeInTheDocument();
    expect(screen.getByTestId('tryon-felt-0-2')).toHaveTextContent('Euforia');
    await expectNoAxeViolations();
    await user.click(screen.getByTestId('identity-tab-reflect'));
    expect(await screen.findByText('Anota un momento')).toBeInTheDocument();
    expect(screen.getByTestId('moment-euphoria')).toHaveTextContent('Un momento de euforia');
    await user.click(screen.getByTestId('identity-tab-timeline'));
    expect(await screen.findByTestId('identity-timeline-empty')).toHaveTextContent('No hay prisa.');
    await expectNoAxeViolations();
  });
});

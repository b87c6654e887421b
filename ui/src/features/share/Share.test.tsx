import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { createFakeBackend, defaultPrefs } from '../../test/fakeBackend';
import { expectNoAxeViolations, renderApp } from '../../test/render';

const tabNames = () => within(screen.getByRole('tablist')).getAllByRole('tab').map((tab) => tab.textContent);

describe('the sharing area', () => {
  it("gives a client the share flow, pairing, what came back and the log", async () => {
    const backend = createFakeBackend({ unlocked: true, prefs: defaultPrefs({ mode: 'client' }) });
    const { user } = renderApp(backend);
    const nav = await screen.findByTestId('nav-share');
    expect(nav).toHaveTextContent('Share');
    await user.click(nav);
    expect(await screen.findByRole('heading', { level: 1, name: 'Share' })).toBeInTheDocument();
    expect(tabNames()).toEqual(['Share something', 'Pairing', 'From my counselor', "What I've shared"]);
    expect(screen.getByTestId('share-tab-send')).toHaveAttribute('aria-selected', 'true');
    expect(await screen.findByTestId('share-step-choose')).toBeInTheDocument();
    expect(screen.queryByTestId('counselor-badge')).not.toBeInTheDocument();
    await expectNoAxeViolations();
  });

  it('gives a counselor the inbox, pairing, suggestions and what was sent, under "Inbox"', async () => {
    const backend = createFakeBackend({ unlocked: true, prefs: defaultPrefs({ mode: 'counselor' }) });
    const { user } = renderApp(backend);
    const nav = await screen.findByTestId('nav-share');
    expect(nav).toHaveTextContent('Inbox');
    expect(screen.getByTestId('counselor-badge')).toBeInTheDocument();
    await user.click(nav);
    expect(await screen.findByRole('heading', { level: 1, name: 'Inbox' })).toBeInTheDocument();
    expect(tabNames()).toEqual(['Shared with me', 'Pairing', 'Suggest ideas', "What I've sent"]);
    expect(screen.getByTestId('share-tab-inbox')).toHaveAttribute('aria-selected', 'true');
    expect(screen.queryByTestId('share-tab-send')).not.toBeInTheDocument();
    expect(await screen.findByTestId('inbox-import-file')).toBeInTheDocument();
    await user.click(screen.getByTestId('share-tab-log'));
    expect(await screen.findByTestId('share-log-empty')).toBeInTheDocument();
    await expectNoAxeViolations();
  });

  it('speaks Spanish', async () => {
    const backend = createFakeBackend({ unlocked: true, prefs: defaultPrefs({ mode: 'counselor', language: 'es' }) });
    const { user } = renderApp(backend);
    const nav = await screen.findByTestId('nav-share');
    expect(nav).toHaveTextContent('Bandeja');
    await user.click(nav);
    expect(tabNames()).toEqual(['Compartido conmigo', 'Emparejar', 'Sugerir ideas', 'Lo que he enviado']);
  });
});

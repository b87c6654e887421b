import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { createFakeBackend } from '../../test/fakeBackend';
import { expectNoAxeViolations } from '../../test/render';
import { PromptCard } from './PromptCard';
import { SHIPPED_PROMPTS } from './prompts';
import { renderInSession } from './testing';

async function openBrowser(options: { seed?: (backend: ReturnType<typeof createFakeBackend>) => void; locale?: 'en' | 'es' } = {}) {
  const backend = createFakeBackend();
  options.seed?.(backend);
  const navigate = vi.fn();
  const utils = renderInSession(<PromptCard />, { backend, navigate, locale: options.locale });
  await utils.user.click(await screen.findByTestId('prompt-more'));
  const browser = await screen.findByTestId('prompts-browser');
  return { backend, navigate, browser, ...utils };
}

const itemTexts = (root: HTMLElement) =>
  within(root)
    .getAllByRole('listitem')
    .map((li) => li.querySelector('.prompt-item__text')?.textContent);

describe('PromptsBrowser', () => {
  it('opens from the card in a dialog, lists prompts by topic, and passes axe', async () => {
    const { user, browser } = await openBrowser();
    expect(screen.getByRole('dialog', { name: 'Prompts' })).toContainElement(browser);
    const feelings = screen.getByTestId('prompts-group-feelings');
    expect(feelings).toHaveAttribute('aria-selected', 'true');
    const panel = screen.getByRole('tabpanel');
    expect(itemTexts(panel)).toEqual(SHIPPED_PROMPTS.filter((p) => p.group === 'feelings').map((p) => p.en));
    await expectNoAxeViolations();

    await user.click(screen.getByTestId('prompts-group-body'));
    expect(itemTexts(screen.getByRole('tabpanel'))).toEqual(SHIPPED_PROMPTS.filter((p) => p.group === 'body').map((p) => p.en));
    for (const group of ['identity', 'relationships', 'school', 'strengths', 'goals', 'favourites', 'mine']) {
      expect(screen.getByTestId(`prompts-group-${group}`)).toBeInTheDocument();
    }
  });

  it('closes with its Close button', async () => {
    const { user } = await openBrowser();
    await user.click(screen.getByTestId('prompts-browser-close'));
    await waitFor(() => expect(screen.queryByTestId('prompts-browser')).not.toBeInTheDocument());
  });

  it('favourites a prompt and shows it under Favourites', async () => {
    const { user, backend } = await openBrowser();
    await user.click(screen.getByTestId('prompts-group-school'));
    const item = within(screen.getByRole('tabpanel')).getAllByRole('listitem')[2]!;
    await user.click(within(item).getByRole('button', { name: /Favourite/ }));
    await waitFor(() => expect(backend.library.state.library.favouritePrompts).toEqual(['school.03']));
    expect(within(item).getByRole('button', { name: /Favourite/ })).toHaveAttribute('aria-pressed', 'true');

    await user.click(screen.getByTestId('prompts-group-favourites'));
    const panel = screen.getByRole('tabpanel');
    expect(itemTexts(panel)).toEqual([SHIPPED_PROMPTS.find((p) => p.id === 'school.03')!.en]);
    expect(panel).toHaveTextContent('School and learning');

    await user.click(within(panel).getByRole('button', { name: /Favourite/ }));
    await waitFor(() => expect(backend.library.state.library.favouritePrompts).toEqual([]));
    expect(screen.getByRole('tabpanel')).toHaveTextContent('Nothing here yet.');
  });

  it('writes about any prompt: closes and opens a new entry with it', async () => {
    const { user, navigate } = await openBrowser();
    await user.click(screen.getByTestId('prompts-group-goals'));
    const item = within(screen.getByRole('tabpanel')).getAllByRole('listitem')[0]!;
    await user.click(within(item).getByRole('button', { name: 'Write about this' }));
    expect(navigate).toHaveBeenCalledWith('journal', { kind: 'new-entry', promptId: 'goals.01' });
    await waitFor(() => expect(screen.queryByTestId('prompts-browser')).not.toBeInTheDocument());
  });

  it('adds, changes and removes the person own prompts, saved in the library', async () => {
    const { user, backend, navigate } = await openBrowser();
    await user.click(screen.getByTestId('prompts-group-mine'));
    expect(screen.getByRole('tabpanel')).toHaveTextContent('No prompts of your own yet.');

    // Add, with a topic.
    await user.click(screen.getByTestId('prompt-own-add'));
    expect(screen.getByTestId('prompt-own-text')).toHaveFocus();
    await user.keyboard('What would I tell my best friend today? 🌱');
    await user.click(screen.getByTestId('prompt-own-group-button'));
    await user.click(await screen.findByTestId('prompt-own-group-option-relationships'));
    await user.click(screen.getByTestId('prompt-own-save'));
    await waitFor(() => expect(backend.library.state.library.customPrompts).toHaveLength(1));
    const saved = backend.library.state.library.customPrompts[0]!;
    expect(saved.text).toBe('What would I tell my best friend today? 🌱');
    expect(saved.group).toBe('relationships');
    expect(saved.id).toMatch(/^[A-Za-z0-9_-]{1,64}$/);
    const item = await screen.findByTestId('prompt-own-item');
    expect(item).toHaveTextContent(saved.text);
    expect(item).toHaveTextContent('Relationships');
    await expectNoAxeViolations();

    // It shows up under its topic too.
    await user.click(screen.getByTestId('prompts-group-relationships'));
    expect(screen.getByRole('tabpanel')).toHaveTextContent(saved.text);
    await user.click(screen.getByTestId('prompts-group-mine'));

    // Change it.
    await user.click(within(screen.getByTestId('prompt-own-item')).getByTestId('prompt-own-edit'));
    const field = screen.getByTestId('prompt-own-text');
    expect(field).toHaveValue(saved.text);
    await user.clear(field);
    await user.type(field, 'What made me laugh this week?');
    await user.click(screen.getByTestId('prompt-own-save'));
    await waitFor(() =>
      expect(backend.library.state.library.customPrompts).toEqual([
        { id: saved.id, text: 'What made me laugh this week?', group: 'relationships' },
      ]),
    );
    expect(screen.getByTestId('prompt-own-item')).toHaveTextContent('What made me laugh this week?');

    // Write about it.
    await user.click(within(screen.getByTestId('prompt-own-item')).getByRole('button', { name: 'Write about this' }));
    expect(navigate).toHaveBeenCalledWith('journal', { kind: 'new-entry', promptId: `custom:${saved.id}` });
  });

  it('removes an own prompt after asking, and keeps it when the person changes their mind', async () => {
    const own = { id: 'p1', text: 'Where do I feel calm?', group: null };
    const { user, backend } = await openBrowser({
      seed: (b) => {
        b.library.state.library.customPrompts = [own];
        b.library.state.library.favouritePrompts = ['custom:p1'];
      },
    });
    await user.click(screen.getByTestId('prompts-group-mine'));
    expect(screen.getByTestId('prompt-own-item')).toHaveTextContent('No topic');

    await user.click(screen.getByTestId('prompt-own-remove'));
    await user.click(await screen.findByTestId('prompt-own-remove-cancel'));
    expect(backend.library.state.library.customPrompts).toEqual([own]);

    await user.click(screen.getByTestId('prompt-own-remove'));
    expect(await screen.findByTestId('prompt-own-remove-dialog')).toHaveTextContent('stays in your journal');
    await user.click(screen.getByTestId('prompt-own-remove-confirm'));
    await waitFor(() => expect(backend.library.state.library.customPrompts).toEqual([]));
    expect(backend.library.state.library.favouritePrompts).toEqual([]);
    await waitFor(() => expect(screen.queryByTestId('prompt-own-item')).not.toBeInTheDocument());
    expect(screen.getByTestId('prompts-browser-status')).toHaveTextContent('Removed.');
  });

  it('says kindly when an own prompt is empty or too long, and saves nothing', async () => {
    const { user, backend } = await openBrowser();
    await user.click(screen.getByTestId('prompts-group-mine'));
    await user.click(screen.getByTestId('prompt-own-add'));
    await user.click(screen.getByTestId('prompt-own-save'));
    expect(screen.getByText('Write a few words first, then save.')).toBeInTheDocument();

    const field = screen.getByTestId('prompt-own-text');
    await user.click(field);
    await user.paste('a'.repeat(501));
    expect(screen.getByText('501 of 500 characters')).toBeInTheDocument();
    await user.click(screen.getByTestId('prompt-own-save'));
    expect(screen.getByText("That's a bit long for a prompt. Up to 500 characters fits.")).toBeInTheDocument();
    expect(field).toHaveAttribute('aria-invalid', 'true');
    expect(backend.callsTo('save_library')).toHaveLength(0);
  });

  it('reads in Spanish, and passes axe', async () => {
    const { user } = await openBrowser({ locale: 'es' });
    expect(screen.getByRole('dialog', { name: 'Preguntas para escribir' })).toBeInTheDocument();
    expect(screen.getByTestId('prompts-group-school')).toHaveTextContent('Escuela y aprendizaje');
    expect(itemTexts(screen.getByRole('tabpanel'))).toEqual(SHIPPED_PROMPTS.filter((p) => p.group === 'feelings').map((p) => p.es));
    await user.click(screen.getByTestId('prompts-group-mine'));
    expect(screen.getByTestId('prompt-own-add')).toHaveTextContent('Agregar una pregunta');
    await expectNoAxeViolations();
  });
});

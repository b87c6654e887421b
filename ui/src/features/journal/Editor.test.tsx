import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { expectNoAxeViolations } from '../../test/render';
import { fakeLayout, openJournal } from './testSupport';

const waitLong = { timeout: 5000 };

async function newEntry() {
  const ctx = await openJournal();
  await ctx.user.click(screen.getByTestId('journal-new'));
  await screen.findByTestId('editor');
  return ctx;
}

describe('editor', () => {
  beforeEach(() => fakeLayout());

  it('autosaves while typing, creates the entry once and updates it after', async () => {
    const { user, backend } = await newEntry();
    const body = screen.getByTestId('editor-body');
    expect(body).toHaveAttribute('dir', 'auto');
    await user.type(body, 'A quiet morning');
    await waitFor(() => expect(screen.getByTestId('editor-status')).toHaveTextContent('Saved'), waitLong);
    expect(backend.journal.state.entries).toHaveLength(1);
    expect(backend.journal.state.entries[0]?.body).toBe('A quiet morning');
    await user.type(body, ' with rain.');
    await user.type(screen.getByTestId('editor-title'), 'Rain');
    await waitFor(() => expect(backend.journal.state.entries[0]?.title).toBe('Rain'), waitLong);
    expect(backend.journal.state.entries).toHaveLength(1);
    expect(backend.journal.state.entries[0]?.body).toBe('A quiet morning with rain.');
    // Every save after the first used the same id.
    const drafts = backend.callsTo('save_entry').map((c) => (c.args?.draft as { id: number | null }).id);
    expect(drafts[0]).toBeNull();
    expect(drafts.slice(1).every((id) => id === backend.journal.state.entries[0]?.id)).toBe(true);
  });

  it('saves on Done and returns to the timeline with the new entry', async () => {
    const { user, backend } = await newEntry();
    await user.type(screen.getByTestId('editor-body'), 'Written and done');
    await user.click(screen.getByTestId('editor-done'));
    await screen.findByTestId('timeline');
    expect(backend.journal.state.entries.map((e) => e.body)).toEqual(['Written and done']);
    expect(screen.getAllByTestId('timeline-entry')[0]).toHaveTextContent('Written and done');
  });

  it('does not keep an empty entry', async () => {
    const { user, backend } = await newEntry();
    await user.type(screen.getByTestId('editor-body'), '   ');
    await user.click(screen.getByTestId('editor-done'));
    await screen.findByText('Nothing here yet. Want to start with how today felt?');
    expect(backend.journal.state.entries).toHaveLength(0);
    expect(backend.callsTo('save_entry')).toHaveLength(0);
  });

  it('saves what was typed when the editor goes away before the autosave ran', async () => {
    const { user, backend } = await newEntry();
    await user.type(screen.getByTestId('editor-body'), 'Leaving in a hurry');
    // Straight to another area, well within the debounce.
    await user.click(screen.getByTestId('nav-today'));
    await screen.findByTestId('screen-today');
    // Saved by the flush on unmount, not by the (still pending) debounce timer.
    await act(async () => {
      await Promise.resolve();
    });
    expect(backend.journal.state.entries.map((e) => e.body)).toEqual(['Leaving in a hurry']);
  });

  it('saves at once when the window is hidden or closed', async () => {
    const { user, backend } = await newEntry();
    await user.type(screen.getByTestId('editor-body'), 'Minimised');
    vi.spyOn(document, 'visibilityState', 'get').mockReturnValue('hidden');
    await act(async () => {
      document.dispatchEvent(new Event('visibilitychange'));
      await Promise.resolve();
    });
    expect(backend.journal.state.entries.map((e) => e.body)).toEqual(['Minimised']);
    await user.type(screen.getByTestId('editor-body'), ' and closed');
    await act(async () => {
      window.dispatchEvent(new Event('pagehide'));
      await Promise.resolve();
    });
    expect(backend.journal.state.entries.map((e) => e.body)).toEqual(['Minimised and closed']);
  });

  it('saves before the vault locks: lock waits for a slow save to land', async () => {
    const { user, backend } = await newEntry();
    // Make every save take a while to reach the backend (a busy disk).
    const internals = (window as unknown as { __TAURI_INTERNALS__: { invoke: (...a: unknown[]) => Promise<unknown> } })
      .__TAURI_INTERNALS__;
    const invoke = internals.invoke;
    internals.invoke = async (...args: unknown[]) => {
      if (args[0] === 'save_entry') await new Promise((r) => setTimeout(r, 200));
      return invoke(...args);
    };
    await user.type(screen.getByTestId('editor-body'), 'Lock right after this');
    await user.click(screen.getByTestId('nav-lock'));
    // The writing is hidden at once …
    expect(screen.queryByTestId('editor')).not.toBeInTheDocument();
    await screen.findByTestId('unlock-passphrase');
    // … and the backend locks only after the save landed.
    await waitFor(() => expect(backend.callsTo('lock')).toHaveLength(1), waitLong);
    const order = backend.calls.map((c) => c.cmd).filter((cmd) => cmd === 'save_entry' || cmd === 'lock');
    expect(order).toEqual(['save_entry', 'lock']);
    expect(backend.journal.state.entries.map((e) => e.body)).toEqual(['Lock right after this']);
  });

  it('says clearly when the text is too long, and keeps every word', async () => {
    const { backend } = await newEntry();
    const body = screen.getByTestId('editor-body') as HTMLTextAreaElement;
    const huge = 'ñ'.repeat(1_100_000); // 2.2 MB of UTF-8
    fireEvent.input(body, { target: { value: huge } });
    await waitFor(() => expect(screen.getByTestId('editor-status')).toHaveTextContent('too long to keep'), waitLong);
    expect(body.value).toBe(huge);
    expect(backend.journal.state.entries).toHaveLength(0);
    // Announced in the live region too.
    await waitFor(() => expect(screen.getAllByRole('status').some((s) => s.textContent?.includes('too long to keep'))).toBe(true));
  });

  it('handles a 1 MB entry', async () => {
    const { backend } = await newEntry();
    const body = screen.getByTestId('editor-body') as HTMLTextAreaElement;
    const big = 'Una línea con palabras. '.repeat(44_000); // ~1 MB
    fireEvent.input(body, { target: { value: big } });
    await waitFor(() => expect(screen.getByTestId('editor-status')).toHaveTextContent('Saved'), waitLong);
    expect(backend.journal.state.entries[0]?.body).toBe(big);
  });

  it('bold and italic wrap the selection in Markdown, with buttons and Ctrl+B / Ctrl+I', async () => {
    const { user } = await newEntry();
    const body = screen.getByTestId('editor-body') as HTMLTextAreaElement;
    await user.type(body, 'one two three');
    body.setSelectionRange(4, 7);
    await user.click(screen.getByTestId('editor-bold'));
    expect(body.value).toBe('one **two** three');
    body.setSelectionRange(0, 3);
    await user.keyboard('{Control>}i{/Control}');
    expect(body.value).toBe('*one* **two** three');
    body.setSelectionRange(body.value.length, body.value.length);
    await user.click(screen.getByRole('button', { name: 'Bulleted list' }));
    expect(body.value).toBe('- *one* **two** three');
    expect(screen.getByTestId('editor-italic')).toHaveAttribute('aria-keyshortcuts', 'Control+I');
    // The toolbar is one stop: arrow keys move between its buttons.
    screen.getByTestId('editor-bold').focus();
    await user.keyboard('{ArrowRight}');
    expect(screen.getByTestId('editor-italic')).toHaveFocus();
  });

  it('preview renders Markdown but never HTML: tags show as text, nothing runs or loads', async () => {
    const { user } = await newEntry();
    const body = screen.getByTestId('editor-body');
    const text = '**strong** and [a link](https://example.com)\n\n<script>alert(1)</script>\n\nhi <img src=x onerror="alert(1)"> and <b>not bold</b>\n\n![pic](https://example.com/p.png)';
    fireEvent.input(body, { target: { value: text } });
    await user.click(screen.getByTestId('editor-preview-toggle'));
    const preview = await screen.findByTestId('editor-preview');
    expect(preview.querySelector('strong')).toHaveTextContent('strong');
    expect(preview.querySelector('script, img, b, a, iframe')).toBeNull();
    expect(preview).toHaveTextContent('<script>alert(1)</script>');
    expect(preview).toHaveTextContent('<img src=x onerror="alert(1)">');
    expect(preview).toHaveTextContent('<b>not bold</b>');
    expect(preview).toHaveTextContent('a link');
    expect(preview.querySelector('[onerror], [src], [href]')).toBeNull();
    // Back to writing: the words are all still there.
    await user.click(screen.getByTestId('editor-preview-toggle'));
    expect(screen.getByTestId('editor-body')).toHaveValue(text);
    expect(screen.getByTestId('editor-body')).toBeVisible();
  });

  it('keeps right-to-left writing, emoji and combining marks exactly as typed', async () => {
    const { user, backend } = await newEntry();
    const text = 'שלום עולם 👋🏽 — مرحبا — e\u0301 👩🏾‍🤝‍👩🏻';
    await user.click(screen.getByTestId('editor-title'));
    await user.paste('כותרת ✨');
    await user.click(screen.getByTestId('editor-body'));
    await user.paste(text);
    await user.click(screen.getByTestId('editor-done'));
    await screen.findByTestId('timeline');
    expect(backend.journal.state.entries[0]?.body).toBe(text);
    expect(backend.journal.state.entries[0]?.title).toBe('כותרת ✨');
    await user.click(screen.getAllByTestId('timeline-entry')[0]!);
    const rendered = await screen.findByTestId('entry-body');
    expect(rendered.textContent).toContain(text);
    expect(rendered).toHaveAttribute('dir', 'auto');
    expect(within(screen.getByTestId('entry-view')).getByRole('heading', { level: 1 })).toHaveTextContent('כותרת ✨');
  });

  it('adds tags with Enter, suggests tags in use, removes them', async () => {
    const { user, backend } = await openJournal({}, (b) => {
      b.journal.add({ body: 'old', tags: ['school'] });
    });
    await user.click(screen.getByTestId('journal-new'));
    await user.type(await screen.findByTestId('editor-body'), 'Tagged');
    const tags = screen.getByTestId('editor-tags');
    await waitFor(() => expect(document.querySelector('datalist option[value="school"]')).not.toBeNull());
    await user.type(tags, 'friends{Enter}#music{Enter}');
    expect(screen.getByText('#friends')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Remove tag friends' }));
    await user.click(screen.getByTestId('editor-done'));
    await screen.findByTestId('timeline');
    expect(backend.journal.state.entries.find((e) => e.body === 'Tagged')?.tags).toEqual(['music']);
  });

  it('edits an existing entry in place and passes axe', async () => {
    const { user, backend } = await openJournal({}, (b) => {
      b.journal.add({ title: 'First', body: 'Before' });
    });
    await user.click(screen.getAllByTestId('timeline-entry')[0]!);
    await user.click(await screen.findByTestId('entry-edit'));
    const body = await screen.findByTestId('editor-body');
    expect(body).toHaveValue('Before');
    expect(screen.getByTestId('editor-title')).toHaveValue('First');
    await expectNoAxeViolations();
    await user.type(body, ' and after');
    await user.click(screen.getByTestId('editor-done'));
    await screen.findByTestId('entry-view');
    expect(backend.journal.state.entries).toHaveLength(1);
    expect(backend.journal.state.entries[0]?.body).toBe('Before and after');
    expect(screen.getByTestId('entry-body')).toHaveTextContent('Before and after');
  });

  it('shows a calm message and keeps the words when saving fails', async () => {
    const { user, backend } = await newEntry();
    backend.state.failNext.save_entry = 'storage';
    await user.type(screen.getByTestId('editor-body'), 'Still here');
    await waitFor(() => expect(screen.getByTestId('editor-status')).toHaveTextContent("couldn't be saved just now"), waitLong);
    expect(screen.getByTestId('editor-body')).toHaveValue('Still here');
    await user.click(screen.getByRole('button', { name: 'Try saving again' }));
    await waitFor(() => expect(screen.getByTestId('editor-status')).toHaveTextContent('Saved'), waitLong);
    expect(backend.journal.state.entries.map((e) => e.body)).toEqual(['Still here']);
  });

  it('answers a prompt: shows its text above the writing and keeps the prompt with the entry', async () => {
    const { user, backend } = await openJournal();
    await user.click(screen.getByTestId('nav-today'));
    const promptText = (await screen.findByTestId('prompt-text')).textContent ?? '';
    expect(promptText).not.toBe('');
    await user.click(screen.getByTestId('prompt-write'));
    expect(await screen.findByTestId('editor-prompt')).toHaveTextContent(promptText);
    await user.type(screen.getByTestId('editor-body'), 'My answer');
    await user.click(screen.getByTestId('editor-done'));
    await screen.findByTestId('timeline');
    const saved = backend.journal.state.entries[0];
    expect(saved?.promptId).toMatch(/^[a-z]+\.\d\d$/);
    await user.click(screen.getByTestId('timeline-entry'));
    expect(await screen.findByTestId('entry-prompt')).toHaveTextContent(promptText);
  });
});

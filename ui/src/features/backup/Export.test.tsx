import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { defaultPrefs } from '../../test/fakeBackend';
import { expectNoAxeViolations } from '../../test/render';
import { FEELINGS, SENSATIONS } from '../feelings/vocabulary';
import { SHIPPED_PROMPTS } from '../prompts/prompts';
import { openBackups, seedEntries } from './testSupport';

const today = () => {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};

async function startExport(overrides: Parameters<typeof openBackups>[0] = {}) {
  const opened = await openBackups(overrides, (b) => {
    seedEntries(b);
    b.library.state.library.customFeelings = [{ id: 'fizzy', word: 'Fizzy', meaning: null, core: 'happy' }];
    b.library.state.library.customPrompts = [{ id: 'mine1', text: 'What made me laugh?', group: null }];
  });
  await opened.user.click(screen.getByTestId('export-start'));
  await screen.findByTestId('export-warning');
  return opened;
}

describe('export', () => {
  it('first says plainly that an export is not locked, and nothing happens until that is acknowledged', async () => {
    const { backend, user } = await startExport();
    const warning = screen.getByTestId('export-warning');
    expect(within(warning).getByRole('heading', { level: 1 })).toHaveTextContent('Before you export');
    expect(warning).toHaveTextContent("An export isn't locked. Anyone who can open the folder you save it in can read everything you wrote.");
    expect(warning).toHaveTextContent('Keep it somewhere only you can reach, like your own USB stick');
    expect(screen.queryByTestId('export-choose-folder')).not.toBeInTheDocument();
    await expectNoAxeViolations();

    // "Not now" goes back without asking for a folder or writing anything.
    await user.click(screen.getByTestId('export-cancel'));
    await screen.findByTestId('backup-now');
    expect(backend.callsTo('plugin:dialog|open')).toHaveLength(0);
    expect(backend.callsTo('export_journal')).toHaveLength(0);

    await user.click(screen.getByTestId('export-start'));
    await user.click(await screen.findByTestId('export-warning-ack'));
    await screen.findByTestId('export-choose');
    expect(screen.getByRole('radio', { name: /Markdown/ })).toBeChecked();
    await expectNoAxeViolations();
  });

  it('exports JSON with the feeling, sensation and prompt words in the person’s language', async () => {
    const { backend, user } = await startExport();
    await user.click(screen.getByTestId('export-warning-ack'));
    await user.click(await screen.findByTestId('export-format-json'));
    expect(screen.getByRole('radio', { name: /JSON/ })).toBeChecked();

    // Cancelling the folder chooser writes nothing and stays here.
    await user.click(screen.getByTestId('export-choose-folder'));
    await waitFor(() => expect(backend.callsTo('plugin:dialog|open')).toHaveLength(1));
    expect(backend.callsTo('plugin:dialog|open')[0]?.args).toMatchObject({ options: { directory: true } });
    expect(backend.callsTo('export_journal')).toHaveLength(0);
    expect(screen.getByTestId('export-choose')).toBeInTheDocument();

    backend.backup.state.nextPick = '/media/usb';
    await user.click(screen.getByTestId('export-choose-folder'));
    const done = await screen.findByTestId('export-done');
    expect(done).toHaveTextContent('Saved 3 entries to:');
    expect(screen.getByTestId('export-path')).toHaveTextContent(`/media/usb/Cove export ${today()}.json`);
    expect(screen.getByTestId('export-result')).toHaveTextContent("This copy isn't locked. Delete it when you don't need it anymore.");
    await expectNoAxeViolations();

    const input = backend.backup.state.exports[0]!;
    expect(input).toMatchObject({ format: 'json', folder: '/media/usb', language: 'en' });
    expect(input.feelingNames.happy).toBe('Happy');
    expect(input.feelingNames.lonely).toBe('Lonely');
    expect(Object.keys(input.feelingNames)).toHaveLength(FEELINGS.length + 1);
    expect(input.feelingNames['custom:fizzy']).toBe('Fizzy');
    expect(Object.keys(input.sensationNames)).toHaveLength(SENSATIONS.length);
    expect(input.sensationNames[SENSATIONS[0]!.id]).toBe(SENSATIONS[0]!.en);
    expect(input.promptTexts[SHIPPED_PROMPTS[0]!.id]).toBe(SHIPPED_PROMPTS[0]!.en);
    expect(input.promptTexts['custom:mine1']).toBe('What made me laugh?');

    await user.click(screen.getByTestId('export-close'));
    await screen.findByTestId('backup-now');
  });

  it('exports Markdown (the default) with progress, in Spanish words when the app is in Spanish', async () => {
    const { backend, user } = await startExport({ prefs: defaultPrefs({ language: 'es' }) });
    expect(screen.getByTestId('export-warning')).toHaveTextContent('Una exportación no está protegida.');
    await user.click(screen.getByTestId('export-warning-ack'));
    await screen.findByTestId('export-choose');
    backend.backup.state.holdJobs = true;
    backend.backup.state.nextPick = '/home/sam/Documentos';
    await user.click(screen.getByTestId('export-choose-folder'));
    const bar = await screen.findByTestId('export-progress');
    expect(bar).toHaveAttribute('role', 'progressbar');
    await expectNoAxeViolations();
    backend.backup.releaseJobs();

    expect(await screen.findByTestId('export-done')).toHaveTextContent('Se guardaron 3 entradas en:');
    expect(screen.getByTestId('export-path')).toHaveTextContent(`/home/sam/Documentos/Cove export ${today()}`);
    const input = backend.backup.state.exports[0]!;
    expect(input).toMatchObject({ format: 'markdown', folder: '/home/sam/Documentos', language: 'es' });
    expect(input.feelingNames.happy).toBe('Felicidad');
    expect(input.promptTexts[SHIPPED_PROMPTS[0]!.id]).toBe(SHIPPED_PROMPTS[0]!.es);
  });

  it('says what to do when the folder has no room or can’t be used', async () => {
    const { backend, user } = await startExport();
    await user.click(screen.getByTestId('export-warning-ack'));
    await screen.findByTestId('export-choose');
    backend.backup.state.nextPick = '/media/usb';
    backend.state.failNext.export_journal = 'storage_full';
    await user.click(screen.getByTestId('export-choose-folder'));
    await waitFor(() =>
      expect(screen.getByTestId('export-message')).toHaveTextContent(
        "There isn't enough space in that folder. Free up some space or choose another folder, then try again.",
      ),
    );
    expect(screen.queryByTestId('export-done')).not.toBeInTheDocument();

    // A folder inside the journal's own data folder is refused with its own words.
    backend.backup.state.nextPick = '/home/sam/.local/share/cove';
    backend.state.failNext.export_journal = 'invalid_input';
    await user.click(screen.getByTestId('export-choose-folder'));
    await waitFor(() =>
      expect(screen.getByTestId('export-message')).toHaveTextContent(
        "That folder can't be used for an export. Choose another one, like a folder on your own USB stick.",
      ),
    );
    expect(backend.backup.state.exports).toHaveLength(0);
  });
});

import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { ShareLogEntry } from '../../../api';
import type { AppLocale } from '../../../i18n';
import { createFakeBackend } from '../../../test/fakeBackend';
import { expectNoAxeViolations } from '../../../test/render';
import { renderView } from '../view/testSupport';
import { ShareLog } from './ShareLog';

function line(id: number, at: string, method: ShareLogEntry['method'], toName: string | null, items: ShareLogEntry['items']): ShareLogEntry {
  return { id, shareId: `share-${id}`, at, method, toName, contactId: toName ? 1 : null, items };
}

const LOG: ShareLogEntry[] = [
  line(1, '2025-03-01T09:15:00-05:00', 'file', 'Dr. Lee', [
    { kind: 'profile', label: '', parts: ['name', 'pronouns'] },
    { kind: 'note', label: '', parts: [] },
    {
      kind: 'entry',
      label: '2025-02-27',
      parts: ['title', 'body', 'feelings', 'going_on', 'helped', 'tags', 'prompt', 'goal', 'identity'],
    },
  ]),
  line(2, '2025-03-02T10:00:00-05:00', 'armored_text', 'Dr. Lee', [
    { kind: 'goal', label: 'Sleep better', parts: ['title', 'why', 'steps', 'checkins'] },
  ]),
  line(3, '2025-03-03T11:00:00-05:00', 'passphrase_file', null, [
    { kind: 'insights', label: '2025-02-01/2025-03-02', parts: ['counts', 'top_feelings'] },
  ]),
  line(4, '2025-03-04T12:00:00-05:00', 'print', null, [
    {
      kind: 'safety_plan',
      label: '',
      parts: ['warning_signs', 'coping_on_my_own', 'people_and_places', 'people_to_ask', 'professionals', 'safer_space', 'reasons_for_living'],
    },
  ]),
  line(5, '2025-03-05T13:30:00-05:00', 'show_in_session', null, [{ kind: 'entry', label: '2025-03-05', parts: ['body'] }]),
  line(6, '2025-03-06T14:45:00-05:00', 'file', null, [
    { kind: 'goal_suggestion', label: 'Walk after school', parts: ['why', 'steps', 'note'] },
    { kind: 'prompt_suggestion', label: 'What made you smile?', parts: ['note'] },
    { kind: 'something_new', label: 'x', parts: ['mystery'] },
  ]),
];

async function renderLog(log: ShareLogEntry[], locale: AppLocale = 'en') {
  const backend = createFakeBackend();
  backend.state.unlocked = true;
  backend.sharing.state.log = structuredClone(log);
  backend.install();
  const utils = renderView(<ShareLog />, { locale });
  await screen.findAllByTestId(log.length === 0 ? 'share-log-empty' : 'share-log-entry');
  return { backend, ...utils };
}

function entryTexts() {
  return screen.getAllByTestId('share-log-entry').map((entry) => ({
    when: within(entry).getByTestId('share-log-when').textContent,
    items: within(entry)
      .getAllByTestId('share-log-item')
      .map((item) => item.textContent),
  }));
}

describe('ShareLog', () => {
  it('says honestly that nothing has been shared yet, and passes axe', async () => {
    await renderLog([]);
    expect(screen.getByTestId('share-log-empty')).toHaveTextContent('Nothing has been shared yet.');
    expect(screen.getByTestId('share-log-honest')).toHaveTextContent(
      "Once a file is given, it can't be taken back. This list helps you remember what went out.",
    );
    expect(screen.queryByTestId('share-log-entry')).not.toBeInTheDocument();
    await expectNoAxeViolations();
  });

  it('reads like a diary, newest first: when, how and to whom, each thing and its parts', async () => {
    await renderLog(LOG);
    expect(entryTexts()).toEqual([
      {
        when: 'Thursday, March 6, 2025 at 2:45 PM — as an encrypted file',
        items: [
          'Goal idea: Walk after schoolParts: why, steps, and note',
          'Prompt idea: What made you smile?Parts: note',
          'Something elseParts: another part',
        ],
      },
      {
        when: 'Wednesday, March 5, 2025 at 1:30 PM — shown in a session',
        items: ['Entry from March 5, 2025Parts: what I wrote'],
      },
      {
        when: 'Tuesday, March 4, 2025 at 12:00 PM — printed',
        items: [
          'My safety planParts: signs a hard time might be coming, things I can do on my own, people and places that take my mind off things, people I can ask for help, professionals I can reach, making my space safer, and what keeps me going',
        ],
      },
      {
        when: 'Monday, March 3, 2025 at 11:00 AM — as a file locked with a passphrase',
        items: ['A summary of feelings, February 1, 2025 to March 2, 2025Parts: how many entries and the feelings that came up most'],
      },
      {
        when: 'Sunday, March 2, 2025 at 10:00 AM — to Dr. Lee as text to paste',
        items: ['Goal: Sleep betterParts: title, why, steps, and check-ins'],
      },
      {
        when: 'Saturday, March 1, 2025 at 9:15 AM — to Dr. Lee as an encrypted file',
        items: [
          'About youParts: name and pronouns',
          'A note',
          "Entry from February 27, 2025Parts: title, what I wrote, feelings, what's going on, what helped, tags, the prompt, the goal it's about, and the identity part",
        ],
      },
    ]);
    expect(screen.getAllByTestId('share-log-entry').map((e) => e.getAttribute('data-method'))).toEqual([
      'file',
      'show_in_session',
      'print',
      'passphrase_file',
      'armored_text',
      'file',
    ]);
    // A line with no parts listed (the note) has no parts line.
    const first = screen.getAllByTestId('share-log-entry').at(-1)!;
    expect(within(first).getAllByTestId('share-log-parts')).toHaveLength(2);
    await expectNoAxeViolations();
  });

  it('shows what the backend wrote, even when a share by file has no name (the words still read)', async () => {
    await renderLog([line(9, '2025-03-07T08:00:00-05:00', 'armored_text', null, [{ kind: 'entry', label: '2025-03-07', parts: [] }])]);
    expect(screen.getByTestId('share-log-when')).toHaveTextContent('Friday, March 7, 2025 at 8:00 AM — as text to paste');
    expect(screen.getByTestId('share-log-item')).toHaveTextContent('Entry from March 7, 2025');
    expect(screen.queryByTestId('share-log-parts')).not.toBeInTheDocument();
  });

  it('keeps names and titles as text', async () => {
    await renderLog([
      line(1, '2025-03-07T08:00:00-05:00', 'file', '<b>{name}</b>', [{ kind: 'goal', label: '<img src=x onerror=alert(1)> 🌱', parts: ['title'] }]),
    ]);
    expect(screen.getByTestId('share-log-when')).toHaveTextContent('to <b>{name}</b> as an encrypted file');
    expect(screen.getByTestId('share-log-item')).toHaveTextContent('Goal: <img src=x onerror=alert(1)> 🌱');
    expect(document.querySelector('main img, main b')).toBeNull();
  });

  it('speaks Spanish', async () => {
    await renderLog(LOG, 'es');
    const texts = entryTexts();
    expect(texts.map((t) => t.when?.replace(/^.*: /, ''))).toEqual([
      'como archivo cifrado',
      'mostrado en una sesión',
      'impreso',
      'como archivo protegido con una frase de acceso',
      'para Dr. Lee como texto para pegar',
      'para Dr. Lee como archivo cifrado',
    ]);
    expect(texts[5]!.items[0]).toBe('Sobre tiPartes: nombre y pronombres');
    expect(screen.getByTestId('share-log-honest')).toHaveTextContent('Un archivo que ya entregaste no se puede recuperar.');
  });

  it('says kindly when the list cannot be opened, and tries again', async () => {
    const backend = createFakeBackend();
    backend.state.unlocked = true;
    backend.sharing.state.log = structuredClone(LOG.slice(0, 1));
    backend.state.failNext.list_share_log = 'internal';
    backend.install();
    const { user } = renderView(<ShareLog />);
    expect(await screen.findByTestId('share-log-error')).toHaveTextContent("The list couldn't be opened just now. Nothing is lost");
    await user.click(screen.getByTestId('share-log-retry'));
    expect(await screen.findByTestId('share-log-entry')).toBeInTheDocument();
    expect(screen.queryByTestId('share-log-error')).not.toBeInTheDocument();
  });
});

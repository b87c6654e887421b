import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { createFakeBackend, defaultPrefs } from '../../../test/fakeBackend';
import { expectNoAxeViolations } from '../../../test/render';
import { fakeRecipient } from '../../../test/fakeShareKeys';
import { shareFrom, suggestionsFrom } from '../../../test/fakeShareInbox';
import { testProfile } from '../../../test/profiles';
import { entryItem, openReceived } from './testSupport';

const RIVERA_KEY = fakeRecipient('Ms. Rivera’s journal');

const ideas = () =>
  suggestionsFrom({ name: 'Alicia Rivera', replyTo: RIVERA_KEY }, [
    { type: 'goal', title: 'A walk after school', why: 'Moving helps', steps: ['Find shoes', 'Ten minutes'], note: 'Only if you want' },
    { type: 'prompt', text: 'What felt lighter this week?', note: null },
  ]);

describe('ideas from my counselor (client mode)', { timeout: 60_000 }, () => {
  it('explains how ideas arrive, opens them into Goals as suggestions, and goes there', async () => {
    const { backend, user } = await openReceived({}, (b) => {
      b.sharing.keys.addContact('Ms. Rivera', 'counselor', RIVERA_KEY);
    });
    expect(screen.getByTestId('received-intro')).toHaveTextContent(
      'Ideas your counselor sends you arrive as a file or text. They show up in Goals as suggestions; nothing changes until you decide.',
    );
    expect(screen.getByTestId('received-drop-zone')).toHaveTextContent('Open ideas from your counselor');
    expect(screen.queryByTestId('received-open-goals')).not.toBeInTheDocument();
    await expectNoAxeViolations();

    const payload = ideas();
    backend.sharing.inbox.putFile('/media/usb/ideas.age', payload, backend.sharing.inbox.toMe());
    backend.backup.state.nextPick = '/media/usb/ideas.age';
    await user.click(screen.getByTestId('received-import-file'));
    // Named as the person paired them.
    await waitFor(() =>
      expect(screen.getByTestId('received-result')).toHaveTextContent("Added 2 ideas from Ms. Rivera. You'll find them in Goals."),
    );
    expect(backend.goals.state.proposals.map((p) => ({ kind: p.kind, title: p.title, fromName: p.fromName, sourceId: p.sourceId }))).toEqual([
      { kind: 'goal', title: 'A walk after school', fromName: 'Ms. Rivera', sourceId: `${payload.shareId}:0` },
      { kind: 'prompt', title: 'What felt lighter this week?', fromName: 'Ms. Rivera', sourceId: `${payload.shareId}:1` },
    ]);
    // Nothing was decided for them.
    expect(backend.goals.state.proposals.every((p) => p.status === 'pending')).toBe(true);
    expect(backend.goals.state.goals).toHaveLength(0);
    await expectNoAxeViolations();

    // Opening it again adds nothing.
    backend.backup.state.nextPick = '/media/usb/ideas.age';
    await user.click(screen.getByTestId('received-import-file'));
    await waitFor(() => expect(screen.getByTestId('received-result')).toHaveTextContent('You already have this one — nothing new was added.'));
    expect(backend.goals.state.proposals).toHaveLength(2);

    await user.click(screen.getByTestId('received-open-goals'));
    const goals = await screen.findByTestId('goals-screen');
    await waitFor(() => expect(within(goals).getAllByTestId('proposal')).toHaveLength(2));
    expect(goals).toHaveTextContent('A walk after school');
  });

  it('takes pasted text, names an unpaired counselor by the name in the file, and refuses a client’s share', async () => {
    const { backend, user } = await openReceived();
    const text = backend.sharing.inbox.putText(ideas(), backend.sharing.inbox.toMe());
    await user.click(screen.getByTestId('received-paste-open'));
    await user.paste(text);
    await user.click(screen.getByTestId('received-paste-submit'));
    await waitFor(() => expect(screen.getByTestId('received-result')).toHaveTextContent('Added 2 ideas from Alicia Rivera.'));
    expect(backend.goals.state.proposals.map((p) => p.fromName)).toEqual(['Alicia Rivera', 'Alicia Rivera']);
    expect(screen.getByTestId('received-open-goals')).toBeInTheDocument();

    // A client's share belongs in a counselor's Cove.
    backend.sharing.inbox.putFile('/usb/share.age', shareFrom({ name: 'Sam' }, [entryItem('Mine', 'x')]), backend.sharing.inbox.toMe());
    backend.backup.state.nextPick = '/usb/share.age';
    await user.click(screen.getByTestId('received-import-file'));
    await waitFor(() =>
      expect(screen.getByTestId('received-error')).toHaveTextContent('This file is meant for the other side of sharing'),
    );
    expect(backend.goals.state.proposals).toHaveLength(2);
    await expectNoAxeViolations();
  });

  it('opens ideas a counselor’s journal wrote for this one (the whole trip)', async () => {
    const { backend, user } = await openReceived({}, (client) => {
      // The counselor's journal, paired with this journal's key, writes ideas to a USB stick.
      const key = client.sharing.inbox.toMe();
      if (key.mode !== 'recipient') throw new Error('a key lock');
      const counselor = createFakeBackend({ unlocked: true, prefs: defaultPrefs({ mode: 'counselor' }), profile: testProfile('Alicia Rivera') });
      const sam = counselor.sharing.keys.addContact('Sam', 'client', key.recipient);
      const args: Record<string, unknown> = {
        input: {
          contactId: sam.id,
          suggestions: [{ type: 'goal', title: ' Rest more ', why: ' ', steps: ['', 'Nap '], note: null }],
          note: 'See you soon',
          armor: false,
          path: '/media/usb/ideas.age',
        },
      };
      counselor.sharing.inbox.handle('write_suggestions', <T,>(name: string) => args[name] as T);
      client.sharing.state.files.set('/media/usb/ideas.age', structuredClone(counselor.sharing.state.files.get('/media/usb/ideas.age')!));
    });
    backend.backup.state.nextPick = '/media/usb/ideas.age';
    await user.click(screen.getByTestId('received-import-file'));
    await waitFor(() => expect(screen.getByTestId('received-result')).toHaveTextContent('Added 1 idea from Alicia Rivera.'));
    expect(backend.goals.state.proposals.map((p) => [p.title, p.why, p.steps, p.fromName])).toEqual([['Rest more', null, ['Nap'], 'Alicia Rivera']]);
  });
});

import { act, render, screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { useEffect } from 'react';
import { IntlProvider } from 'react-intl';
import { AppContext } from '../../app/AppContext';
import { CATALOGUES } from '../../i18n/all';
import { createFakeBackend, defaultPrefs } from '../../test/fakeBackend';
import { normaliseLibrary } from '../../test/fakeLibrary';
import { LibraryProvider, useLibrary, type LibraryStore } from './LibraryContext';
import { useFeelingName, useFeelingValence } from './useFeelingName';

function Probe({ onStore }: { onStore: (store: LibraryStore) => void }) {
  const store = useLibrary();
  useEffect(() => {
    onStore(store);
  });
  return <p data-testid="words">{store.library.customFeelings.map((c) => c.word).join(',')}</p>;
}

describe('LibraryProvider', () => {
  it('loads the library once and applies concurrent updates one after another', async () => {
    const backend = createFakeBackend({ unlocked: true });
    backend.library.state.library = normaliseLibrary({ customFeelings: [{ id: 'a1', word: 'Floaty', core: null, meaning: null }] });
    backend.install();
    let store: LibraryStore | null = null;
    render(
      <LibraryProvider onLock={() => undefined}>
        <Probe onStore={(s) => (store = s)} />
      </LibraryProvider>,
    );
    await waitFor(() => expect(screen.getByTestId('words')).toHaveTextContent('Floaty'));
    expect(backend.callsTo('get_library')).toHaveLength(1);

    // Two screens change different parts at once: neither change is lost.
    await act(async () => {
      await Promise.all([
        store!.updateLibrary((lib) => ({ ...lib, favouritePrompts: [...lib.favouritePrompts, 'feelings.01'] })),
        store!.updateLibrary((lib) => ({
          ...lib,
          customFeelings: [...lib.customFeelings, { id: 'b2', word: 'Sparkly', core: 'happy', meaning: null }],
        })),
      ]);
    });
    expect(backend.library.state.library.favouritePrompts).toEqual(['feelings.01']);
    expect(backend.library.state.library.customFeelings.map((c) => c.word)).toEqual(['Floaty', 'Sparkly']);
    expect(screen.getByTestId('words')).toHaveTextContent('Floaty,Sparkly');
  });

  it('shows the lock screen when the vault locked underneath', async () => {
    const backend = createFakeBackend({ unlocked: false });
    backend.install();
    const onLock = vi.fn();
    render(
      <LibraryProvider onLock={onLock}>
        <Probe onStore={() => undefined} />
      </LibraryProvider>,
    );
    await waitFor(() => expect(onLock).toHaveBeenCalledTimes(1));
  });
});

describe('the fake save_library', () => {
  it('trims words, drops duplicate ids and favourites, and keeps the latest snooze per prompt', () => {
    expect(
      normaliseLibrary({
        customFeelings: [
          { id: 'a', word: '  Floaty ', core: ' calm ', meaning: '  ' },
          { id: 'a', word: 'Again', core: null, meaning: null },
        ],
        customPrompts: [{ id: 'p', text: ' What made me laugh? ', group: '' }],
        favouritePrompts: ['feelings.01', 'feelings.01'],
        snoozedPrompts: [
          { promptId: 'x', day: '2026-11-03' },
          { promptId: 'x', day: '2026-11-01' },
        ],
      }),
    ).toEqual({
      customFeelings: [{ id: 'a', word: 'Floaty', core: 'calm', meaning: null }],
      customPrompts: [{ id: 'p', text: 'What made me laugh?', group: null }],
      favouritePrompts: ['feelings.01'],
      snoozedPrompts: [{ promptId: 'x', day: '2026-11-03' }],
    });
  });

  it('refuses blank or oversized words, bad ids and references, and impossible days', () => {
    const word = (w: string, id = 'a') => ({ customFeelings: [{ id, word: w, core: null, meaning: null }] });
    expect(normaliseLibrary(word('x'.repeat(40))).customFeelings).toHaveLength(1);
    expect(() => normaliseLibrary(word('x'.repeat(41)))).toThrow();
    expect(() => normaliseLibrary(word('   '))).toThrow();
    expect(() => normaliseLibrary(word('ok', 'a b'))).toThrow();
    expect(() =>
      normaliseLibrary({ customFeelings: [{ id: 'a', word: 'ok', core: null, meaning: 'm'.repeat(201) }] }),
    ).toThrow();
    expect(() => normaliseLibrary({ favouritePrompts: ['has space'] })).toThrow();
    expect(() => normaliseLibrary({ snoozedPrompts: [{ promptId: 'x', day: '2026-02-30' }] })).toThrow();
    expect(() => normaliseLibrary({ customPrompts: [{ id: 'p', text: ' ', group: null }] })).toThrow();
  });
});

describe('useFeelingName and useFeelingValence', () => {
  function Names({ ids }: { ids: string[] }) {
    const name = useFeelingName();
    const valence = useFeelingValence();
    return <p data-testid="names">{ids.map((id) => `${name(id)}=${valence(id)}`).join('|')}</p>;
  }

  function renderNames(locale: 'en' | 'es', ids: string[]) {
    const backend = createFakeBackend({ unlocked: true });
    backend.library.state.library = normaliseLibrary({
      customFeelings: [
        { id: 'f1', word: 'Floaty', core: 'calm', meaning: null },
        { id: 'f2', word: 'Zumbido', core: null, meaning: null },
      ],
    });
    backend.install();
    const app = {
      status: { vaultExists: true, unlocked: true, pinEnabled: false, prefs: defaultPrefs({ language: locale }) },
      locale,
      appName: 'Cove',
      updatePrefs: async () => undefined,
      refreshStatus: async () => null,
      lockNow: () => undefined,
      openRestoredJournal: () => undefined,
    };
    render(
      <IntlProvider locale={locale} messages={CATALOGUES[locale]}>
        <AppContext.Provider value={app}>
          <LibraryProvider onLock={() => undefined}>
            <Names ids={ids} />
          </LibraryProvider>
        </AppContext.Provider>
      </IntlProvider>,
    );
  }

  it('names shipped words in the current language, own words as typed, and unknown ids neutrally', async () => {
    renderNames('en', ['restless', 'custom:f1', 'custom:f2', 'custom:gone', 'nope']);
    await waitFor(() =>
      expect(screen.getByTestId('names')).toHaveTextContent(
        'Restless=-1|Floaty=1|Zumbido=0|A feeling=0|A feeling=0',
      ),
    );
  });

  it('uses the Spanish names in Spanish', async () => {
    renderNames('es', ['restless', 'hopeful', 'custom:missing']);
    expect(screen.getByTestId('names')).toHaveTextContent('Inquietud=-1|Esperanza=1|Una emoción=0');
  });
});

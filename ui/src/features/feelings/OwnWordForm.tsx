import { useState } from 'react';
import { useIntl } from 'react-intl';
import { Button } from '../../components/Button';
import { Select } from '../../components/Select';
import { TextField } from '../../components/TextField';
import { useApp } from '../../app/AppContext';
import { useLibrary } from './LibraryContext';
import { MAX_OWN_MEANING_CHARS, MAX_OWN_WORD_CHARS, newCustomId } from './checkin';
import { CORES, CUSTOM_PREFIX, FEELINGS, foldForSearch } from './vocabulary';

export type OwnWordResult = { feelingId: string; word: string; existed: boolean };

/**
 * "Add my own word": a word, an optional core and an optional meaning, saved into the library
 * as a custom feeling. A word that is already there (shipped or own) is chosen instead of added.
 */
export function OwnWordForm({
  initialWord = '',
  initialCore = null,
  onDone,
  onCancel,
}: {
  initialWord?: string;
  initialCore?: string | null;
  onDone: (result: OwnWordResult) => void;
  onCancel: () => void;
}) {
  const intl = useIntl();
  const { locale } = useApp();
  const { library, updateLibrary } = useLibrary();
  const [word, setWord] = useState(initialWord);
  const [core, setCore] = useState<string>(initialCore ?? 'none');
  const [meaning, setMeaning] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  const trimmed = word.trim();
  const tooLong = [...trimmed].length > MAX_OWN_WORD_CHARS;

  const submit = async () => {
    if (trimmed === '' || tooLong || busy) return;
    const folded = foldForSearch(trimmed);
    const shipped = FEELINGS.find((f) => foldForSearch(f[locale].name) === folded);
    if (shipped) {
      onDone({ feelingId: shipped.id, word: shipped[locale].name, existed: true });
      return;
    }
    const own = library.customFeelings.find((c) => foldForSearch(c.word) === folded);
    if (own) {
      onDone({ feelingId: CUSTOM_PREFIX + own.id, word: own.word, existed: true });
      return;
    }
    const id = newCustomId();
    const cleanMeaning = meaning.trim();
    setBusy(true);
    setProblem(null);
    try {
      await updateLibrary((current) => ({
        ...current,
        customFeelings: [
          ...current.customFeelings,
          { id, word: trimmed, core: core === 'none' ? null : core, meaning: cleanMeaning === '' ? null : cleanMeaning },
        ],
      }));
      onDone({ feelingId: CUSTOM_PREFIX + id, word: trimmed, existed: false });
    } catch {
      setProblem(intl.formatMessage({ id: 'checkin.own.saveFailed' }));
      setBusy(false);
    }
  };

  return (
    <form
      className="own-word card"
      data-testid="checkin-own-form"
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <TextField
        label={intl.formatMessage({ id: 'checkin.own.word' })}
        value={word}
        onChange={setWord}
        focusOnMount
        autoComplete="off"
        errorMessage={tooLong ? intl.formatMessage({ id: 'checkin.own.tooLong' }, { max: MAX_OWN_WORD_CHARS }) : null}
        testId="checkin-own-word"
      />
      <Select
        label={intl.formatMessage({ id: 'checkin.own.core' })}
        value={core}
        onChange={setCore}
        options={[
          { id: 'none', label: intl.formatMessage({ id: 'checkin.own.coreNone' }) },
          ...CORES.map((c) => ({ id: c.id, label: c[locale] })),
        ]}
        testId="checkin-own-core"
      />
      <TextField
        label={intl.formatMessage({ id: 'checkin.own.meaning' })}
        value={meaning}
        onChange={setMeaning}
        maxLength={MAX_OWN_MEANING_CHARS}
        autoComplete="off"
        testId="checkin-own-meaning"
      />
      {problem ? (
        <p className="note" role="status">
          {problem}
        </p>
      ) : null}
      <div className="actions">
        <Button variant="primary" type="submit" isDisabled={trimmed === '' || tooLong || busy} data-testid="checkin-own-save">
          {intl.formatMessage({ id: 'checkin.own.save' })}
        </Button>
        <Button variant="quiet" onPress={onCancel} data-testid="checkin-own-cancel">
          {intl.formatMessage({ id: 'checkin.own.cancel' })}
        </Button>
      </div>
    </form>
  );
}

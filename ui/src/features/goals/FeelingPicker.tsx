import { useId, useMemo, useState } from 'react';
import { useIntl } from 'react-intl';
import { ToggleButton } from 'react-aria-components';
import { X } from 'lucide-react';
import { Button } from '../../components/Button';
import { TextField } from '../../components/TextField';
import { useApp } from '../../app/AppContext';
import { CoreIcon } from '../feelings/CoreIcon';
import { IntensitySlider } from '../feelings/IntensitySlider';
import { useLibrary } from '../feelings/LibraryContext';
import { MAX_PICKS, setIntensity, togglePick, type CheckinDraft, type Pick } from '../feelings/checkin';
import { useFeelingName } from '../feelings/useFeelingName';
import { CORES, CUSTOM_PREFIX, feelingsOfCore, foldForSearch, searchFeelings } from '../feelings/vocabulary';
import '../feelings/feelings.css';

type Word = { id: string; name: string; meaning: string | null; own: boolean };

/**
 * The feelings part of a goal check-in, with the journal's vocabulary: the core feelings, the
 * words under the one opened (their meanings read with them), a search across every word and the
 * person's own words, and how strong each chosen feeling is. All optional.
 */
export function FeelingPicker({ picks, onChange }: { picks: readonly Pick[]; onChange: (picks: Pick[]) => void }) {
  const intl = useIntl();
  const { locale } = useApp();
  const { library } = useLibrary();
  const feelingName = useFeelingName();
  const idBase = useId();
  const [query, setQuery] = useState('');
  const [openCore, setOpenCore] = useState<string | null>(null);
  const [full, setFull] = useState(false);

  const ownWords = useMemo(
    () =>
      library.customFeelings.map((c) => ({
        id: CUSTOM_PREFIX + c.id,
        name: c.word,
        meaning: c.meaning,
        core: c.core,
        own: true,
      })),
    [library.customFeelings],
  );

  // The check-in's own rules for choosing, on a draft that only holds the picks.
  const asDraft = (list: readonly Pick[]): CheckinDraft => ({ picks: [...list], pad: null, sensations: [], goingOn: '', helped: '' });
  const chosen = new Set(picks.map((p) => p.feeling));
  const toggle = (feeling: string) => {
    if (!chosen.has(feeling) && picks.length >= MAX_PICKS) {
      setFull(true);
      return;
    }
    setFull(false);
    onChange(togglePick(asDraft(picks), feeling).picks);
  };

  const searching = query.trim() !== '';
  const words: Word[] = searching
    ? [
        ...searchFeelings(query, locale).map((f) => ({ id: f.id, name: f[locale].name, meaning: f[locale].meaning, own: false })),
        ...ownWords.filter((w) => foldForSearch(w.name).includes(foldForSearch(query))),
      ]
    : openCore
      ? [
          ...feelingsOfCore(openCore).map((f) => ({ id: f.id, name: f[locale].name, meaning: f[locale].meaning, own: false })),
          ...ownWords.filter((w) => w.core === openCore),
        ]
      : [];

  const describedBy = (wordId: string) => `${idBase}-meaning-${wordId.replace(/[^A-Za-z0-9_-]/g, '_')}`;
  const openCoreData = CORES.find((c) => c.id === openCore);

  return (
    <section className="goal-feelings" aria-labelledby={`${idBase}-title`}>
      <h2 id={`${idBase}-title`} className="goal-checkin__subtitle">
        {intl.formatMessage({ id: 'goals.checkin.feelings' })}
      </h2>
      <p className="muted">{intl.formatMessage({ id: 'goals.checkin.feelingsHint' })}</p>
      <TextField
        label={intl.formatMessage({ id: 'checkin.search.label' })}
        value={query}
        onChange={setQuery}
        autoComplete="off"
        spellCheck={false}
        className="checkin__search"
        testId="goal-checkin-feeling-search"
      />
      {!searching ? (
        <div className="cores" role="group" aria-label={intl.formatMessage({ id: 'checkin.cores.label' })}>
          {CORES.map((core) => {
            const open = openCore === core.id;
            return (
              <Button
                key={core.id}
                className="core"
                variant="secondary"
                aria-expanded={open}
                onPress={() => setOpenCore(open ? null : core.id)}
                data-testid={`goal-checkin-core-${core.id}`}
                icon={<CoreIcon core={core.id} />}
              >
                <span className="core__name">{core[locale]}</span>
              </Button>
            );
          })}
        </div>
      ) : null}
      {searching || openCoreData ? (
        <div
          className="checkin__words"
          role="group"
          aria-label={
            searching
              ? intl.formatMessage({ id: 'checkin.search.results' })
              : intl.formatMessage({ id: 'checkin.words.label' }, { core: openCoreData?.[locale] ?? '' })
          }
        >
          {words.length > 0 ? (
            <ul className="words">
              {words.map((word) => (
                <li key={word.id} className="word">
                  <ToggleButton
                    className="chip word__chip"
                    isSelected={chosen.has(word.id)}
                    onChange={() => toggle(word.id)}
                    aria-describedby={word.meaning ? describedBy(word.id) : undefined}
                    dir={word.own ? 'auto' : undefined}
                    data-testid={`goal-checkin-feeling-${word.id}`}
                  >
                    {word.name}
                  </ToggleButton>
                  {word.meaning ? (
                    <span id={describedBy(word.id)} className="visually-hidden">
                      {word.meaning}
                    </span>
                  ) : null}
                </li>
              ))}
            </ul>
          ) : (
            <p className="muted">{intl.formatMessage({ id: 'goals.checkin.noWord' })}</p>
          )}
        </div>
      ) : null}
      {full ? (
        <p className="note note--notice" role="status">
          {intl.formatMessage({ id: 'checkin.tooManyWords' }, { max: MAX_PICKS })}
        </p>
      ) : null}
      {picks.length > 0 ? (
        <ul className="chosen" aria-label={intl.formatMessage({ id: 'checkin.chosen.title' })} data-testid="goal-checkin-chosen">
          {picks.map((pick) => {
            const name = feelingName(pick.feeling);
            return (
              <li key={pick.feeling} className="chosen__item">
                <IntensitySlider
                  feelingId={pick.feeling}
                  name={name}
                  value={pick.intensity}
                  onChange={(value) => onChange(setIntensity(asDraft(picks), pick.feeling, value).picks)}
                />
                <Button
                  variant="quiet"
                  className="chosen__remove"
                  aria-label={intl.formatMessage({ id: 'checkin.chosen.remove' }, { name })}
                  onPress={() => toggle(pick.feeling)}
                >
                  <X size={16} aria-hidden="true" />
                </Button>
              </li>
            );
          })}
        </ul>
      ) : null}
    </section>
  );
}

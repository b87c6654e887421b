import { startTransition, useId, useMemo, useState } from 'react';
import { useIntl } from 'react-intl';
import { Dialog as AriaDialog, Modal, ModalOverlay } from 'react-aria-components';
import { Library, PenLine, Shuffle, Moon } from 'lucide-react';
import { lazyComponent } from '../../app/lazyComponent';
import { Button } from '../../components/Button';
import { LiveRegion, useAnnouncement } from '../../components/LiveRegion';
import { useLibrary } from '../feelings/LibraryContext';
import { useNavigate } from '../shell/navigation';
import { FavouriteToggle } from './FavouriteToggle';
import {
  availablePromptRefs,
  isFavourite,
  localDay,
  promptGroupOf,
  promptOfTheDay,
  shufflePrompt,
  snoozePrompt,
  toggleFavourite,
} from './prompts';
import { usePromptGroupName } from './usePromptGroupName';
import { usePromptText } from './usePromptText';
import './prompts.css';

// The browser (every prompt, own prompts) loads when "More prompts" is first chosen; opening is a
// transition, so the dialog opens once its content can show.
const PromptsBrowser = lazyComponent(() => import('./PromptsBrowser').then((m) => m.PromptsBrowser));

/**
 * One prompt at a time: the prompt of the day (the same all day, among prompts not set aside for
 * today), with "Write about this", "Show me another" (never the same one twice in a row), "Not
 * today", a favourite switch and "More prompts" (the prompts browser in a full-window dialog).
 */
export function PromptCard() {
  const intl = useIntl();
  const navigate = useNavigate();
  const { library, loaded, updateLibrary } = useLibrary();
  const promptText = usePromptText();
  const groupName = usePromptGroupName();
  const { announcement, announce } = useAnnouncement();
  const [chosen, setChosen] = useState<string | null>(null);
  const [browserOpen, setBrowserOpen] = useState(false);
  const headingId = useId();
  const textId = useId();

  const today = localDay(new Date());
  const available = useMemo(() => availablePromptRefs(library, today), [library, today]);
  const current = chosen !== null && available.includes(chosen) ? chosen : promptOfTheDay(today, available);
  const text = current === null ? null : promptText(current);

  const saveChange = (change: Parameters<typeof updateLibrary>[0]) =>
    updateLibrary(change).catch(() => announce(intl.formatMessage({ id: 'prompts.saveProblem' })));

  const shuffle = () => {
    const next = shufflePrompt(available, current);
    if (next !== null) setChosen(next);
  };

  const notToday = () => {
    if (current === null) return;
    const rest = available.filter((ref) => ref !== current);
    setChosen(promptOfTheDay(today, rest));
    announce(intl.formatMessage({ id: 'prompts.card.setAside' }), 'info');
    void saveChange((lib) => snoozePrompt(lib, current, today));
  };

  const group = current === null ? null : promptGroupOf(current, library);

  return (
    <section className="card prompt-card" data-testid="prompt-card" aria-labelledby={headingId}>
      <div className="prompt-card__head">
        <h2 id={headingId} className="prompt-card__title">
          {intl.formatMessage({ id: 'prompts.card.title' })}
        </h2>
        {current !== null ? (
          <p className="prompt-card__group">
            <span className="visually-hidden">{intl.formatMessage({ id: 'prompts.card.groupLabel' })} </span>
            <span data-testid="prompt-group">{groupName(group)}</span>
          </p>
        ) : null}
      </div>
      <p id={textId} className="prompt-card__text" data-testid="prompt-text" aria-live="polite" aria-atomic="true">
        {!loaded
          ? intl.formatMessage({ id: 'prompts.card.loading' })
          : text ?? intl.formatMessage({ id: 'prompts.card.allSetAside' })}
      </p>
      <div className="actions prompt-card__actions">
        {loaded && current !== null ? (
          <>
            <Button
              variant="primary"
              icon={<PenLine size={18} />}
              onPress={() => navigate('journal', { kind: 'new-entry', promptId: current })}
              data-testid="prompt-write"
            >
              {intl.formatMessage({ id: 'prompts.card.write' })}
            </Button>
            <Button
              icon={<Shuffle size={18} />}
              onPress={shuffle}
              isDisabled={available.length < 2}
              data-testid="prompt-shuffle"
            >
              {intl.formatMessage({ id: 'prompts.card.shuffle' })}
            </Button>
            <Button variant="quiet" icon={<Moon size={18} />} onPress={notToday} data-testid="prompt-not-today">
              {intl.formatMessage({ id: 'prompts.card.notToday' })}
            </Button>
            <FavouriteToggle
              isSelected={isFavourite(library, current)}
              onChange={() => void saveChange((lib) => toggleFavourite(lib, current))}
              describedBy={textId}
              testId="prompt-favourite"
            />
          </>
        ) : null}
        <Button
          variant="quiet"
          icon={<Library size={18} />}
          onPress={() => startTransition(() => setBrowserOpen(true))}
          data-testid="prompt-more"
        >
          {intl.formatMessage({ id: 'prompts.card.more' })}
        </Button>
      </div>
      <LiveRegion announcement={announcement} />
      <ModalOverlay className="modal-overlay modal-overlay--full" isOpen={browserOpen} onOpenChange={setBrowserOpen} isDismissable>
        <Modal className="modal modal--full">
          <AriaDialog className="dialog prompts-dialog" aria-label={intl.formatMessage({ id: 'prompts.browser.title' })}>
            <PromptsBrowser onClose={() => setBrowserOpen(false)} />
          </AriaDialog>
        </Modal>
      </ModalOverlay>
    </section>
  );
}

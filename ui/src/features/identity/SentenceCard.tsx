import { useId } from 'react';
import { useIntl } from 'react-intl';
import type { Person } from './grammar';
import { fallbackName, sampleSentences } from './sentences';
import './identity.css';

type HeadingLevel = 2 | 3 | 4;

/** A card of sample sentences about `person`, in the current language. */
export function SentenceCard({
  person,
  heading,
  testId,
  headingLevel = 3,
}: {
  person: Person;
  heading: string;
  testId: string;
  /** The level of the card's heading in its page (3 unless said). */
  headingLevel?: HeadingLevel;
}) {
  const Heading = `h${headingLevel}` as const;
  const intl = useIntl();
  const headingId = useId();
  const sentences = sampleSentences(intl, person);
  return (
    <section className="sentence-card" aria-labelledby={headingId} data-testid={testId}>
      <Heading id={headingId} className="sentence-card__heading">
        {heading}
      </Heading>
      <ul className="sentence-card__list">
        {sentences.map((sentence) => (
          <li key={sentence.id} dir="auto" className="sentence-card__sentence" data-testid={`${testId}-sentence`}>
            {sentence.text}
          </li>
        ))}
      </ul>
    </section>
  );
}

/** Two sample sentences that change as the person types and chooses (and a note while no name). */
export function SentencePreview({
  person,
  heading,
  testId,
  headingLevel = 3,
}: {
  person: Person;
  heading: string;
  testId: string;
  headingLevel?: HeadingLevel;
}) {
  const Heading = `h${headingLevel}` as const;
  const intl = useIntl();
  const headingId = useId();
  const sentences = sampleSentences(intl, person).filter((s) => s.id === 'friend' || s.id === 'reflexive');
  return (
    <section className="identity-preview" aria-labelledby={headingId} data-testid={testId}>
      <Heading id={headingId} className="identity-preview__heading">
        {heading}
      </Heading>
      <ul className="identity-preview__list" aria-live="polite">
        {sentences.map((sentence) => (
          <li key={sentence.id} dir="auto" data-testid={`${testId}-sentence`}>
            {sentence.text}
          </li>
        ))}
      </ul>
      {person.name.trim() ? null : (
        <p className="muted">{intl.formatMessage({ id: 'identity.editor.preview.noName' }, { name: fallbackName(intl) })}</p>
      )}
    </section>
  );
}

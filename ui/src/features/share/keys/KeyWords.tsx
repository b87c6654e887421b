/**
 * The fingerprint words of a key, large and spaced, to read aloud and compare. They are the
 * same English words in every language (the other screen shows them the same way), so they are
 * marked as English for screen readers.
 */
export function KeyWords({ words, testId, size = 'large' }: { words: string[]; testId?: string; size?: 'large' | 'small' }) {
  return (
    <p className={`key-words key-words--${size}`} lang="en" translate="no" data-testid={testId}>
      {words.map((word, index) => (
        <span key={index} className="key-words__word">
          {word}
          {index < words.length - 1 ? ' ' : null}
        </span>
      ))}
    </p>
  );
}

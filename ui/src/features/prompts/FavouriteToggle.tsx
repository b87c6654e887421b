import { ToggleButton } from 'react-aria-components';
import { useIntl } from 'react-intl';
import { Star } from 'lucide-react';

/**
 * The favourite switch for one prompt: a star with the word "Favourite" beside it; its state is
 * aria-pressed (read as "Favourite, toggle button, pressed") and a filled star, never colour alone.
 */
export function FavouriteToggle({
  isSelected,
  onChange,
  describedBy,
  testId,
}: {
  isSelected: boolean;
  onChange: (isSelected: boolean) => void;
  describedBy?: string;
  testId?: string;
}) {
  const intl = useIntl();
  return (
    <ToggleButton
      className="button button--quiet prompt-favourite"
      isSelected={isSelected}
      onChange={onChange}
      aria-describedby={describedBy}
      data-testid={testId}
    >
      <span className="button__icon" aria-hidden="true">
        <Star size={18} fill={isSelected ? 'currentColor' : 'none'} />
      </span>
      <span className="button__label">{intl.formatMessage({ id: 'prompts.card.favourite' })}</span>
    </ToggleButton>
  );
}

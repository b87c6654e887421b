import { useId, useRef, type KeyboardEvent, type PointerEvent } from 'react';
import { useIntl } from 'react-intl';
import { Button } from '../../components/Button';
import { padKey, padPoint, padWords, type PadPoint } from './checkin';

/**
 * The optional energy × pleasantness pad. One focusable element with slider semantics: the arrow
 * keys move the dot (left/right: how it feels, up/down: energy), Shift moves it further, Home,
 * Delete or Backspace clear it; a click or drag places it. Untouched means "not placed".
 */
export function FeelingsPad({ value, onChange }: { value: PadPoint | null; onChange: (next: PadPoint | null) => void }) {
  const intl = useIntl();
  const titleId = useId();
  const helpId = useId();
  const pad = useRef<HTMLDivElement>(null);
  const dragging = useRef(false);

  const text = value
    ? intl.formatMessage({ id: 'checkin.pad.value' }, padWords(value))
    : intl.formatMessage({ id: 'checkin.pad.unplaced' });

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const next = padKey(value, event.key, event.shiftKey);
    if (next === undefined) return;
    event.preventDefault();
    onChange(next);
  };

  const placeAt = (event: PointerEvent<HTMLDivElement>) => {
    const rect = event.currentTarget.getBoundingClientRect();
    if (rect.width <= 0 || rect.height <= 0) return;
    const x = (event.clientX - rect.left) / rect.width;
    const y = (event.clientY - rect.top) / rect.height;
    onChange(padPoint(x * 2 - 1, 1 - y * 2));
  };

  const left = value ? `${((value.pleasantness + 1) / 2) * 100}%` : '50%';
  const top = value ? `${((1 - value.energy) / 2) * 100}%` : '50%';

  return (
    <section className="checkin__section pad-field" aria-labelledby={titleId}>
      <h3 id={titleId} className="checkin__subtitle">
        {intl.formatMessage({ id: 'checkin.pad.title' })}
      </h3>
      <p id={helpId} className="muted checkin__help">
        {intl.formatMessage({ id: 'checkin.pad.help' })}
      </p>
      <div className="pad-frame">
        <span className="pad-frame__axis pad-frame__axis--top" aria-hidden="true">
          {intl.formatMessage({ id: 'checkin.pad.highEnergy' })}
        </span>
        <span className="pad-frame__axis pad-frame__axis--left" aria-hidden="true">
          {intl.formatMessage({ id: 'checkin.pad.unpleasant' })}
        </span>
        <div
          ref={pad}
          role="slider"
          tabIndex={0}
          className="pad"
          data-placed={value ? 'true' : undefined}
          aria-label={intl.formatMessage({ id: 'checkin.pad.label' })}
          aria-describedby={helpId}
          aria-valuemin={-1}
          aria-valuemax={1}
          aria-valuenow={value?.pleasantness ?? 0}
          aria-valuetext={text}
          data-testid="checkin-pad"
          data-pleasantness={value?.pleasantness}
          data-energy={value?.energy}
          onKeyDown={onKeyDown}
          onPointerDown={(event) => {
            dragging.current = true;
            event.currentTarget.setPointerCapture?.(event.pointerId);
            pad.current?.focus();
            placeAt(event);
          }}
          onPointerMove={(event) => {
            if (dragging.current) placeAt(event);
          }}
          onPointerUp={() => {
            dragging.current = false;
          }}
          onPointerCancel={() => {
            dragging.current = false;
          }}
        >
          <span className="pad__cross pad__cross--h" aria-hidden="true" />
          <span className="pad__cross pad__cross--v" aria-hidden="true" />
          {value ? <span className="pad__dot" aria-hidden="true" style={{ left, top }} /> : null}
        </div>
        <span className="pad-frame__axis pad-frame__axis--right" aria-hidden="true">
          {intl.formatMessage({ id: 'checkin.pad.pleasant' })}
        </span>
        <span className="pad-frame__axis pad-frame__axis--bottom" aria-hidden="true">
          {intl.formatMessage({ id: 'checkin.pad.lowEnergy' })}
        </span>
      </div>
      <div className="pad-field__foot">
        <p className="pad-field__value" aria-hidden="true" data-testid="checkin-pad-value">
          {text}
        </p>
        {value ? (
          <Button variant="quiet" onPress={() => onChange(null)} data-testid="checkin-pad-clear">
            {intl.formatMessage({ id: 'checkin.pad.clear' })}
          </Button>
        ) : null}
      </div>
    </section>
  );
}

import { useLayoutEffect, useRef } from 'react';
import { useIntl } from 'react-intl';
import { Label, Slider, SliderOutput, SliderThumb, SliderTrack } from 'react-aria-components';
import { MAX_INTENSITY, MIN_INTENSITY } from './checkin';

/** 1 … 5 for one chosen feeling, with words at the ends and the value said as a word. */
export function IntensitySlider({
  feelingId,
  name,
  value,
  onChange,
}: {
  feelingId: string;
  name: string;
  value: number;
  onChange: (value: number) => void;
}) {
  const intl = useIntl();
  const input = useRef<HTMLInputElement>(null);
  const word = intl.formatMessage({ id: 'checkin.intensity.value' }, { value });
  // React Aria says the number; say the word instead ("Quite a lot", not "4").
  useLayoutEffect(() => {
    input.current?.setAttribute('aria-valuetext', word);
  });
  return (
    <Slider
      className="intensity"
      minValue={MIN_INTENSITY}
      maxValue={MAX_INTENSITY}
      step={1}
      value={value}
      onChange={(next) => onChange(Array.isArray(next) ? (next[0] ?? value) : next)}
      data-testid={`checkin-intensity-${feelingId}`}
    >
      <div className="intensity__head">
        <Label className="intensity__label">{intl.formatMessage({ id: 'checkin.intensity.label' }, { name })}</Label>
        <SliderOutput className="intensity__output">{word}</SliderOutput>
      </div>
      <div className="intensity__row">
        <span className="intensity__end" aria-hidden="true">
          {intl.formatMessage({ id: 'checkin.intensity.low' })}
        </span>
        <SliderTrack className="intensity__track">
          {({ state }) => (
            <>
              <span className="intensity__fill" style={{ width: `${state.getThumbPercent(0) * 100}%` }} />
              <SliderThumb
                className="intensity__thumb"
                inputRef={input}
                data-testid={`checkin-intensity-${feelingId}-thumb`}
              />
            </>
          )}
        </SliderTrack>
        <span className="intensity__end" aria-hidden="true">
          {intl.formatMessage({ id: 'checkin.intensity.high' })}
        </span>
      </div>
    </Slider>
  );
}

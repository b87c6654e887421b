import { useState, type FormEvent, type ReactNode } from 'react';
import { useIntl } from 'react-intl';
import * as api from '../../api';
import { Button } from '../../components/Button';
import { LiveRegion, useAnnouncement } from '../../components/LiveRegion';
import { PassphraseField } from '../../components/PassphraseField';
import { errorMessageId } from '../../i18n/errors';

export const PIN_PATTERN = /^\d{4,12}$/;

/** Set a PIN (calls set_pin). Used at first run and in Settings; only shown when the keychain works. */
export function PinForm({ onSaved, extraAction }: { onSaved: () => void; extraAction?: ReactNode }) {
  const intl = useIntl();
  const [pin, setPin] = useState('');
  const [busy, setBusy] = useState(false);
  const { announcement, announce } = useAnnouncement();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    if (!PIN_PATTERN.test(pin)) {
      announce(intl.formatMessage({ id: 'pin.invalid' }));
      return;
    }
    setBusy(true);
    try {
      await api.setPin(pin);
      setPin('');
      announce(intl.formatMessage({ id: 'pin.saved' }), 'info');
      onSaved();
    } catch (error) {
      const failure = api.normaliseError(error);
      announce(intl.formatMessage({ id: failure.code === 'invalid_input' ? 'pin.invalid' : errorMessageId(failure.code) }));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="stack" onSubmit={submit} noValidate>
      <PassphraseField
        label={intl.formatMessage({ id: 'pin.label' })}
        description={intl.formatMessage({ id: 'pin.help' })}
        showLabel={intl.formatMessage({ id: 'pin.show' })}
        value={pin}
        onChange={(value) => setPin(value.replace(/\s+/g, ''))}
        inputMode="numeric"
        autoComplete="off"
        maxLength={12}
        testId="pin-input"
        inputClassName="field__input--short"
      />
      <LiveRegion announcement={announcement} testId="pin-message" />
      <div className="actions">
        <Button type="submit" variant="primary" isDisabled={busy} data-testid="pin-save">
          {intl.formatMessage({ id: busy ? 'pin.saving' : 'pin.save' })}
        </Button>
        {extraAction}
      </div>
    </form>
  );
}

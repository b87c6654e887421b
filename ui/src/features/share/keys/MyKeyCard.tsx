import { useId } from 'react';
import { useIntl } from 'react-intl';
import { Copy, FileDown } from 'lucide-react';
import * as api from '../../../api';
import type { ContactRole, MyKey } from '../../../api';
import { Button } from '../../../components/Button';
import { LiveRegion, useAnnouncement } from '../../../components/LiveRegion';
import { errorMessageId } from '../../../i18n/errors';
import { KeyQrCode } from './KeyQrCode';
import { KeyWords } from './KeyWords';
import { copyText } from './keyText';

/** The name the save dialog starts with. */
export const KEY_FILE_NAME = 'share-key.txt';

/**
 * This journal's own share key: what it is for, its words to compare aloud, a QR code a phone
 * can read, the key text to copy, and a way to save it to a file. `partner` is who pairs with
 * it: a client's journal shows it for counselors, a counselor's for clients.
 */
export function MyKeyCard({
  partner,
  myKey,
  loadError,
}: {
  partner: ContactRole;
  myKey: MyKey | null;
  loadError: api.ErrorCode | null;
}) {
  const intl = useIntl();
  const headingId = useId();
  const { announcement, announce } = useAnnouncement();

  const copy = () => {
    if (!myKey) return;
    copyText(myKey.recipient).then(
      () => announce(intl.formatMessage({ id: 'shareKeys.mine.copied' })),
      () => announce(intl.formatMessage({ id: 'shareKeys.mine.copyFailed' })),
    );
  };

  const save = async () => {
    try {
      const path = await api.pickSavePath(intl.formatMessage({ id: 'shareKeys.mine.saveTitle' }), KEY_FILE_NAME);
      if (path === null) return;
      const written = await api.exportMyKey(path);
      announce(intl.formatMessage({ id: 'shareKeys.mine.saved' }, { path: written }));
    } catch (raw) {
      const { code } = api.normaliseError(raw);
      announce(intl.formatMessage({ id: code === 'invalid_input' ? 'shareKeys.mine.saveRefused' : errorMessageId(code) }));
    }
  };

  return (
    <section className="card my-key" aria-labelledby={headingId} data-testid="my-key">
      <h2 id={headingId} className="card__title">
        {intl.formatMessage({ id: 'shareKeys.mine.title' })}
      </h2>
      <p>{intl.formatMessage({ id: 'shareKeys.mine.intro' }, { partner })}</p>
      <p className="muted">{intl.formatMessage({ id: 'shareKeys.mine.safe' })}</p>
      {myKey ? (
        <div className="my-key__body">
          <div className="my-key__qr">
            <KeyQrCode
              recipient={myKey.recipient}
              label={intl.formatMessage({ id: 'shareKeys.mine.qrLabel' })}
              testId="my-key-qr"
            />
          </div>
          <div className="my-key__details">
            <h3 className="my-key__label">{intl.formatMessage({ id: 'shareKeys.mine.wordsLabel' })}</h3>
            <KeyWords words={myKey.fingerprint} testId="my-key-words" />
            <p className="muted my-key__hint">{intl.formatMessage({ id: 'shareKeys.mine.wordsHint' })}</p>
            <h3 className="my-key__label">
              {intl.formatMessage({ id: 'shareKeys.mine.textLabel' })}
            </h3>
            <p className="key-text" translate="no" data-testid="my-key-text">
              {myKey.recipient}
            </p>
            <div className="actions">
              <Button variant="secondary" icon={<Copy size={18} />} onPress={copy} data-testid="my-key-copy">
                {intl.formatMessage({ id: 'shareKeys.mine.copy' })}
              </Button>
              <Button variant="secondary" icon={<FileDown size={18} />} onPress={() => void save()} data-testid="my-key-export">
                {intl.formatMessage({ id: 'shareKeys.mine.save' })}
              </Button>
            </div>
          </div>
        </div>
      ) : (
        <p className={loadError ? 'note' : 'muted'} data-testid="my-key-loading">
          {loadError
            ? intl.formatMessage({ id: errorMessageId(loadError) })
            : intl.formatMessage({ id: 'shareKeys.mine.loading' })}
        </p>
      )}
      <LiveRegion announcement={announcement} testId="my-key-message" />
    </section>
  );
}

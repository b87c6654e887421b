import { act, render, renderHook, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { IntlProvider } from 'react-intl';
import { describe, expect, it, vi } from 'vitest';
import { CATALOGUES } from '../i18n/all';
import { expectNoAxeViolations } from '../test/render';
import { LiveRegion, useAnnouncement } from './LiveRegion';
import { PassphraseField } from './PassphraseField';
import { Switch } from './Switch';

function withIntl(ui: React.ReactNode) {
  return (
    <IntlProvider locale="en" messages={CATALOGUES.en}>
      <main>{ui}</main>
    </IntlProvider>
  );
}

describe('PassphraseField', () => {
  it('hides the text until the labelled toggle is pressed', async () => {
    function Harness() {
      const [value, setValue] = useState('');
      return <PassphraseField label="Passphrase" value={value} onChange={setValue} testId="secret" />;
    }
    const user = userEvent.setup();
    render(withIntl(<Harness />));
    const input = screen.getByLabelText('Passphrase');
    await user.type(input, 'quiet room');
    expect(input).toHaveAttribute('type', 'password');
    const toggle = screen.getByRole('button', { name: 'Show passphrase' });
    expect(toggle).toHaveAttribute('aria-pressed', 'false');
    await user.click(toggle);
    expect(input).toHaveAttribute('type', 'text');
    expect(toggle).toHaveAttribute('aria-pressed', 'true');
    expect(input).toHaveValue('quiet room');
    await expectNoAxeViolations();
  });
});

describe('Switch', () => {
  it('is a labelled switch that toggles by keyboard', async () => {
    function Harness() {
      const [on, setOn] = useState(false);
      return (
        <Switch isSelected={on} onChange={setOn} testId="sw">
          Leave this part out
        </Switch>
      );
    }
    const user = userEvent.setup();
    render(withIntl(<Harness />));
    const control = screen.getByRole('switch', { name: 'Leave this part out' });
    expect(control).not.toBeChecked();
    await user.tab();
    expect(control).toHaveFocus();
    await user.keyboard(' ');
    expect(control).toBeChecked();
    await expectNoAxeViolations();
  });
});

describe('LiveRegion', () => {
  it('is present before any message and replaces the node for a repeated message', () => {
    const { result } = renderHook(() => useAnnouncement());
    const { rerender } = render(<LiveRegion announcement={result.current.announcement} testId="live" />);
    const region = screen.getByTestId('live');
    expect(region).toBeEmptyDOMElement();
    expect(region).toHaveAttribute('aria-live', 'polite');

    act(() => result.current.announce('Try again.'));
    rerender(<LiveRegion announcement={result.current.announcement} testId="live" />);
    const first = region.firstElementChild;
    expect(region).toHaveTextContent('Try again.');

    act(() => result.current.announce('Try again.'));
    rerender(<LiveRegion announcement={result.current.announcement} testId="live" />);
    expect(region).toHaveTextContent('Try again.');
    expect(region.firstElementChild).not.toBe(first);
  });

  it('scrolls each new message into view, and nothing before the first', () => {
    const scrolled = vi.fn();
    const original = HTMLElement.prototype.scrollIntoView;
    HTMLElement.prototype.scrollIntoView = scrolled;
    try {
      const { result } = renderHook(() => useAnnouncement());
      const { rerender } = render(<LiveRegion announcement={result.current.announcement} testId="live" />);
      expect(scrolled).not.toHaveBeenCalled();
      act(() => result.current.announce('That did not unlock it.'));
      rerender(<LiveRegion announcement={result.current.announcement} testId="live" />);
      act(() => result.current.announce('That did not unlock it.'));
      rerender(<LiveRegion announcement={result.current.announcement} testId="live" />);
      expect(scrolled).toHaveBeenCalledTimes(2);
      expect(scrolled).toHaveBeenLastCalledWith({ block: 'nearest' });
    } finally {
      HTMLElement.prototype.scrollIntoView = original;
    }
  });
});

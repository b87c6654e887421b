import { act, render, screen } from '@testing-library/react';
import { Suspense, startTransition, useEffect, useState, type JSX } from 'react';
import { describe, expect, it } from 'vitest';
import { lazyComponent } from './lazyComponent';

/** A part with something typed in it and a count of how often it was mounted. */
function makePart() {
  const mounts = { count: 0 };
  function Part({ label }: { label: string }) {
    const [typed, setTyped] = useState('');
    useEffect(() => {
      mounts.count += 1;
    }, []);
    return (
      <div>
        <span data-testid="label">{label}</span>
        <button type="button" onClick={() => setTyped('kept words')}>
          type
        </button>
        <span data-testid="typed">{typed}</span>
      </div>
    );
  }
  return { Part, mounts };
}

/** Shows the lazy part in a transition (as the shell moves between areas), then renders again. */
function Host({ Lazy }: { Lazy: (props: { label: string }) => JSX.Element }) {
  const [shown, setShown] = useState(false);
  const [label, setLabel] = useState('first');
  return (
    <>
      <button type="button" onClick={() => startTransition(() => setShown(true))}>
        show
      </button>
      <button type="button" onClick={() => setLabel('second')}>
        change
      </button>
      <Suspense fallback={<p>loading</p>}>{shown ? <Lazy label={label} /> : <p>before</p>}</Suspense>
    </>
  );
}

type ActGlobal = { IS_REACT_ACT_ENVIRONMENT?: boolean };

/** Runs `steps` with React's own scheduler, as in the app (not `act`, which renders differently). */
async function withReactScheduler(steps: () => Promise<void>) {
  const global = globalThis as ActGlobal;
  const before = global.IS_REACT_ACT_ENVIRONMENT;
  global.IS_REACT_ACT_ENVIRONMENT = false;
  try {
    await steps();
  } finally {
    global.IS_REACT_ACT_ENVIRONMENT = before;
  }
}

describe('lazyComponent', () => {
  it('keeps a part mounted (and what was typed in it) when its parent renders again after its code arrived', async () => {
    const { Part, mounts } = makePart();
    // The code arrives a moment after the part is first shown (as a chunk read from the app's
    // own files does), before React comes back to the render it paused for it. React then
    // resumes at its lazy wrapper and commits that: the part must not be swapped for the loaded
    // component at the next render (it was: the identity space lost its tab and a saved note).
    const Lazy = lazyComponent(() => Promise.resolve(Part));
    await withReactScheduler(async () => {
      render(<Host Lazy={Lazy} />);
      screen.getByRole('button', { name: 'show' }).click();
      expect(await screen.findByTestId('label')).toHaveTextContent('first');
    });
    act(() => screen.getByRole('button', { name: 'type' }).click());
    expect(screen.getByTestId('typed')).toHaveTextContent('kept words');

    // Something above it changes (the profile was saved, a setting changed): same part, same words.
    act(() => screen.getByRole('button', { name: 'change' }).click());
    expect(screen.getByTestId('label')).toHaveTextContent('second');
    expect(screen.getByTestId('typed')).toHaveTextContent('kept words');
    expect(mounts.count).toBe(1);
  });

  it('renders a preloaded part straight away, with no loading line', async () => {
    const { Part, mounts } = makePart();
    const Lazy = lazyComponent(() => Promise.resolve(Part));
    await Lazy.preload();
    render(<Host Lazy={Lazy} />);
    act(() => screen.getByRole('button', { name: 'show' }).click());
    expect(screen.getByTestId('label')).toHaveTextContent('first');
    expect(screen.queryByText('loading')).toBeNull();
    act(() => screen.getByRole('button', { name: 'change' }).click());
    expect(mounts.count).toBe(1);
  });
});

import { act, render } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { flushPendingSaves } from './pendingSaves';
import { usePendingSave } from './usePendingSave';

function Form({ dirty, words, save }: { dirty: boolean; words: string; save: (words: string) => Promise<unknown> }) {
  usePendingSave(dirty, () => save(words));
  return null;
}

const flush = () => act(() => flushPendingSaves());

describe('usePendingSave', () => {
  it('flushes only while dirty, with the words of the latest render', async () => {
    const save = vi.fn((words: string) => Promise.resolve(words));
    const { rerender } = render(<Form dirty={false} words="" save={save} />);
    await flush();
    expect(save).not.toHaveBeenCalled();

    rerender(<Form dirty words="Rowan" save={save} />);
    rerender(<Form dirty words="Rowan feels right" save={save} />);
    await flush();
    expect(save.mock.calls).toEqual([['Rowan feels right']]);

    rerender(<Form dirty={false} words="Rowan feels right" save={save} />);
    await flush();
    expect(save).toHaveBeenCalledTimes(1);
  });

  it('still saves after the form is gone if the flush began first (a lock unmounts at once)', async () => {
    const save = vi.fn((words: string) => Promise.resolve(words));
    const { unmount } = render(<Form dirty words="Half a thought" save={save} />);
    // As lockNow does: the flush is started, then the session goes away before it runs.
    const flushing = flushPendingSaves();
    unmount();
    await act(() => flushing);
    expect(save.mock.calls).toEqual([['Half a thought']]);
    // Gone: nothing is registered any more.
    await flush();
    expect(save).toHaveBeenCalledTimes(1);
  });

  it('a failed save does not stop the lock', async () => {
    const save = vi.fn(() => Promise.reject(new Error('disk full')));
    render(<Form dirty words="kept in memory" save={save} />);
    await expect(flush()).resolves.toBeUndefined();
    expect(save).toHaveBeenCalledTimes(1);
  });
});

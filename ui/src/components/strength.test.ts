import { describe, expect, it } from 'vitest';
import { assessPassphrase, isAcceptable } from './strength';

describe('assessPassphrase', () => {
  it('asks for at least 8 characters and says how many are missing', async () => {
    expect(await assessPassphrase('')).toEqual({ kind: 'empty' });
    expect(await assessPassphrase('abc')).toEqual({ kind: 'tooShort', missing: 5 });
    // Counts characters, not UTF-16 units.
    expect(await assessPassphrase('ñandú🌊🌊')).toEqual({ kind: 'tooShort', missing: 1 });
  });

  it('refuses only obviously weak passphrases, with the reason', async () => {
    const common = await assessPassphrase('password');
    expect(isAcceptable(common)).toBe(false);
    expect(common).toMatchObject({ kind: 'scored', score: 0, warning: 'strength.warning.common' });

    const keyboard = await assessPassphrase('qwertyuiop');
    expect(isAcceptable(keyboard)).toBe(false);
  });

  it('accepts a few unrelated words and calls them strong', async () => {
    const result = await assessPassphrase('lantern pickle orbit sofa');
    expect(isAcceptable(result)).toBe(true);
    expect(result).toMatchObject({ kind: 'scored', word: expect.stringMatching(/strong/i) });
  });

  it('notices when the passphrase is built from the person’s name', async () => {
    const result = await assessPassphrase('samantha1', ['Samantha']);
    expect(result).toMatchObject({ kind: 'scored', warning: 'strength.warning.personal' });
  });
});

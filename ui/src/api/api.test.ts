import { mockIPC } from '@tauri-apps/api/mocks';
import { describe, expect, it } from 'vitest';
import * as api from './index';
import { CommandFailure, normaliseError } from './index';
import { testProfile } from '../test/profiles';

describe('normaliseError', () => {
  it('keeps the backend code, message and attempts left', () => {
    const failure = normaliseError({ code: 'wrong_secret', message: 'Wrong PIN', attemptsLeft: 2 });
    expect(failure).toBeInstanceOf(CommandFailure);
    expect(failure).toMatchObject({ code: 'wrong_secret', message: 'Wrong PIN', attemptsLeft: 2 });
  });

  it('turns strings, Errors, unknown codes and junk into internal errors', () => {
    expect(normaliseError('boom')).toMatchObject({ code: 'internal', message: 'boom', attemptsLeft: null });
    expect(normaliseError(new Error('bad'))).toMatchObject({ code: 'internal', message: 'bad' });
    expect(normaliseError({ code: 'not_a_code', message: 'x' })).toMatchObject({ code: 'internal' });
    expect(normaliseError(undefined)).toMatchObject({ code: 'internal', attemptsLeft: null });
    expect(normaliseError({ code: 'busy', attemptsLeft: 'three' })).toMatchObject({
      code: 'busy',
      message: '',
      attemptsLeft: null,
    });
  });
});

describe('typed commands', () => {
  it('send the contract’s command names with one camelCase argument object', async () => {
    const seen: [string, unknown][] = [];
    mockIPC((cmd, args) => {
      seen.push([cmd, args]);
      if (cmd === 'create_vault') return { recoveryCode: 'AAAA-BBBB' };
      if (cmd === 'confirm_recovery_code') return true;
      if (cmd === 'get_profile') return testProfile(null);
      return null;
    });
    const prefs = {
      language: null,
      theme: 'system',
      accent: 'teal',
      textScale: 1,
      autoLockMinutes: 5,
      mode: 'client',
      displayName: 'Notes',
      neutralLook: true,
    } as const;
    await api.savePrefs(prefs);
    await expect(
      api.createVault({ passphrase: 'p', mode: 'client', profile: testProfile(null) }),
    ).resolves.toEqual({ recoveryCode: 'AAAA-BBBB' });
    await expect(api.confirmRecoveryCode('AAAA-BBBB')).resolves.toBe(true);
    await api.unlockWithPassphrase('pass');
    await api.unlockWithPin('1234');
    await api.resetPassphraseWithRecoveryCode('CODE', 'new pass');
    await api.lock();
    await api.changePassphrase('old', 'new');
    await api.setPin('5678');
    await api.removePin();
    await api.getProfile();
    await api.saveProfile(testProfile('Sam'));
    const plan = {
      warningSigns: ['I stop answering messages'],
      copingOnMyOwn: [],
      peopleAndPlaces: [],
      peopleToAsk: [{ name: 'Aunt Jo', phone: '555 0100', note: null }],
      professionals: [],
      saferSpace: [],
      reasonsForLiving: [],
      updatedAt: null,
    };
    await api.getSafetyPlan();
    await api.saveSafetyPlan(plan);

    expect(seen.map(([cmd]) => cmd)).toEqual([
      'save_prefs',
      'create_vault',
      'confirm_recovery_code',
      'unlock_with_passphrase',
      'unlock_with_pin',
      'reset_passphrase_with_recovery_code',
      'lock',
      'change_passphrase',
      'set_pin',
      'remove_pin',
      'get_profile',
      'save_profile',
      'get_safety_plan',
      'save_safety_plan',
    ]);
    const argsOf = (cmd: string) => seen.find(([c]) => c === cmd)?.[1];
    expect(argsOf('save_prefs')).toEqual({ prefs });
    expect(argsOf('create_vault')).toEqual({
      input: { passphrase: 'p', mode: 'client', profile: testProfile(null) },
    });
    expect(argsOf('reset_passphrase_with_recovery_code')).toEqual({ code: 'CODE', newPassphrase: 'new pass' });
    expect(argsOf('change_passphrase')).toEqual({ current: 'old', next: 'new' });
    expect(argsOf('save_profile')).toEqual({ profile: testProfile('Sam') });
    expect(argsOf('get_safety_plan')).toEqual({});
    expect(argsOf('save_safety_plan')).toEqual({ plan });
  });

  it('reject with a CommandFailure carrying the backend error', async () => {
    mockIPC(() => {
      throw { code: 'wrong_secret', message: 'nope', attemptsLeft: 4 };
    });
    const error = await api.unlockWithPin('0000').catch((e: unknown) => e);
    expect(api.isCommandFailure(error)).toBe(true);
    expect(error).toMatchObject({ code: 'wrong_secret', attemptsLeft: 4 });
  });
});

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

describe('sharing commands', () => {
  it('send their contract names and camelCase arguments', async () => {
    const seen: [string, unknown][] = [];
    mockIPC((cmd, args) => {
      seen.push([cmd, args]);
      if (cmd === 'share_key_fingerprint' || cmd === 'list_contacts') return [];
      return null;
    });
    const selection = {
      entries: [{ id: 3, parts: { title: false, body: true, feelings: false, goingOn: false, helped: false, tags: false, prompt: false, goal: false, identity: false } }],
      goals: [],
      insights: null,
      safetyPlan: null,
      includeProfile: false,
      note: null,
      feelingNames: {},
      promptTexts: {},
    };
    const lock = { mode: 'passphrase', passphrase: 'blue kettle' } as const;
    const input = { selection, lock, armor: false, path: '/home/sam/for Jo.age' };
    const ideas = {
      contactId: 2,
      suggestions: [{ type: 'prompt', text: 'What helped?', note: null }] as const,
      note: null,
      armor: true,
      path: '/home/jo/for Sam.age',
    };
    await api.myShareKey();
    await expect(api.shareKeyFingerprint('age1abc')).resolves.toEqual([]);
    await api.listContacts();
    await api.saveContact({ id: null, role: 'counselor', name: 'Jo', recipient: 'age1abc' });
    await api.deleteContact(2);
    await api.previewShare(selection);
    await api.writeShare(input);
    await api.armoredShare(selection, lock);
    await api.logShownShare(selection, 'show_in_session');
    await api.listShareLog();
    await api.writeSuggestions({ ...ideas, suggestions: [...ideas.suggestions] });
    await api.importShareFile('/home/jo/for Jo.age');
    await api.importShareText('-----BEGIN AGE ENCRYPTED FILE-----', 'blue kettle');
    await api.listInbox();
    await api.getInboxShare(4);
    await api.saveInboxNotes(4, 'Ask about school');
    await api.deleteInboxShare(4);

    expect(seen.map(([cmd]) => cmd)).toEqual([
      'my_share_key',
      'share_key_fingerprint',
      'list_contacts',
      'save_contact',
      'delete_contact',
      'preview_share',
      'write_share',
      'armored_share',
      'log_shown_share',
      'list_share_log',
      'write_suggestions',
      'import_share_file',
      'import_share_text',
      'list_inbox',
      'get_inbox_share',
      'save_inbox_notes',
      'delete_inbox_share',
    ]);
    const argsOf = (cmd: string) => seen.find(([c]) => c === cmd)?.[1];
    expect(argsOf('share_key_fingerprint')).toEqual({ recipient: 'age1abc' });
    expect(argsOf('write_share')).toEqual({ input });
    expect(argsOf('armored_share')).toEqual({ selection, lock });
    expect(argsOf('log_shown_share')).toEqual({ selection, method: 'show_in_session' });
    expect(argsOf('import_share_file')).toEqual({ path: '/home/jo/for Jo.age', passphrase: null });
    expect(argsOf('import_share_text')).toEqual({
      text: '-----BEGIN AGE ENCRYPTED FILE-----',
      passphrase: 'blue kettle',
    });
    expect(argsOf('save_inbox_notes')).toEqual({ id: 4, notes: 'Ask about school' });
  });

  it('keep the new share error codes', () => {
    for (const code of ['not_a_share', 'share_damaged', 'not_for_you', 'wrong_passphrase', 'share_too_large'] as const) {
      expect(normaliseError({ code, message: 'x', attemptsLeft: null }).code).toBe(code);
    }
  });
});

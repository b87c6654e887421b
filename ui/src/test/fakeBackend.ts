// An in-memory stand-in for the Rust backend, following docs/api-contract.md. Unit tests only:
// it is installed with mockIPC, so the app under test goes through the real src/api module.
import { mockIPC } from '@tauri-apps/api/mocks';
import { createFakeJournal, UNHANDLED } from './fakeJournal';
import { createFakeLibrary } from './fakeLibrary';
import { createFakeInsights } from './fakeInsights';
import { createFakeGoals } from './fakeGoals';
import { createFakeBackup } from './fakeBackup';
import { createFakeIdentity } from './fakeIdentity';
import { createFakeSharing } from './fakeSharing';
import type { AppStatus, CommandError, ErrorCode, KeychainStatus, Prefs, Profile, SafetyContact, SafetyPlan } from '../api';
import { testProfile } from './profiles';

export type FakeState = {
  vaultExists: boolean;
  unlocked: boolean;
  passphrase: string;
  recoveryCode: string;
  pin: string | null;
  pinAttemptsLeft: number;
  keychain: KeychainStatus;
  prefs: Prefs;
  profile: Profile;
  safetyPlan: SafetyPlan;
  /** The clock used to stamp `updatedAt` on save. */
  now: () => Date;
  /** Make the next call to this command fail with this code. */
  failNext: Partial<Record<string, ErrorCode>>;
};

export type Call = { cmd: string; args: Record<string, unknown> | undefined };

export const RECOVERY_CODE = '7KQ2-M9XD-P4TA-W8HC-3RJF-Y6NB-Q2LE-V5GS';
export const PASSPHRASE = 'lantern pickle orbit sofa';

export function defaultPrefs(overrides: Partial<Prefs> = {}): Prefs {
  return {
    language: 'en',
    theme: 'light',
    accent: 'teal',
    textScale: 1,
    autoLockMinutes: 5,
    mode: 'client',
    displayName: null,
    neutralLook: false,
    ...overrides,
  };
}

export function emptySafetyPlan(overrides: Partial<SafetyPlan> = {}): SafetyPlan {
  return {
    warningSigns: [],
    copingOnMyOwn: [],
    peopleAndPlaces: [],
    peopleToAsk: [],
    professionals: [],
    saferSpace: [],
    reasonsForLiving: [],
    updatedAt: null,
    ...overrides,
  };
}

/** What the Rust side does on save (src-tauri/safety.rs): trim, drop blanks, check phones. */
function normaliseSafetyPlan(plan: SafetyPlan): SafetyPlan {
  const items = (list: string[]) => list.map((item) => item.trim()).filter((item) => item !== '');
  const contacts = (list: SafetyContact[]) =>
    list
      .map((c) => ({ name: c.name.trim(), phone: c.phone?.trim() || null, note: c.note?.trim() || null }))
      .filter((c) => c.name !== '' || c.phone !== null)
      .map((c) => {
        if (c.phone !== null && (!/\d/.test(c.phone) || !/^[\d +().-]+$/.test(c.phone) || c.phone.length > 40)) {
          fail('invalid_input');
        }
        return c;
      });
  return {
    warningSigns: items(plan.warningSigns),
    copingOnMyOwn: items(plan.copingOnMyOwn),
    peopleAndPlaces: items(plan.peopleAndPlaces),
    peopleToAsk: contacts(plan.peopleToAsk),
    professionals: contacts(plan.professionals),
    saferSpace: items(plan.saferSpace),
    reasonsForLiving: items(plan.reasonsForLiving),
    updatedAt: plan.updatedAt,
  };
}

function fail(code: ErrorCode, attemptsLeft: number | null = null): never {
  const error: CommandError = { code, message: `fake backend: ${code}`, attemptsLeft };
  throw error;
}

export function createFakeBackend(initial: Partial<FakeState> = {}) {
  const state: FakeState = {
    vaultExists: true,
    unlocked: false,
    passphrase: PASSPHRASE,
    recoveryCode: RECOVERY_CODE,
    pin: null,
    pinAttemptsLeft: 5,
    keychain: { available: true, reason: null },
    prefs: defaultPrefs(),
    profile: testProfile('Sam', 'they'),
    safetyPlan: emptySafetyPlan(),
    now: () => new Date(),
    failNext: {},
    ...initial,
  };
  const calls: Call[] = [];
  const journal = createFakeJournal(() => state.now());
  const library = createFakeLibrary(journal, () => state.now());
  const insights = createFakeInsights(journal);
  const goals = createFakeGoals(journal, library.state, () => state.now());
  const backup = createFakeBackup(state, journal, library);
  const identity = createFakeIdentity(journal);
  const sharing = createFakeSharing({ state, journal, goals });

  const requireUnlocked = () => {
    if (!state.vaultExists) fail('no_vault');
    if (!state.unlocked) fail('locked');
  };

  const handle = (cmd: string, args: Record<string, unknown> | undefined): unknown => {
    calls.push({ cmd, args });
    const forced = state.failNext[cmd];
    if (forced) {
      delete state.failNext[cmd];
      fail(forced);
    }
    const arg = <T>(name: string) => args?.[name] as T;
    switch (cmd) {
      case 'app_status': {
        const status: AppStatus = {
          vaultExists: state.vaultExists,
          unlocked: state.unlocked,
          pinEnabled: state.pin !== null,
          prefs: state.prefs,
        };
        return structuredClone(status);
      }
      case 'keychain_status':
        return structuredClone(state.keychain);
      case 'save_prefs': {
        const prefs = structuredClone(arg<Prefs>('prefs'));
        // As src-tauri/prefs.rs: the display name is trimmed, blank means "Cove", at most 40.
        const displayName = prefs.displayName?.trim() || null;
        if (displayName !== null && ([...displayName].length > 40 || /\p{Cc}/u.test(displayName))) fail('invalid_input');
        state.prefs = { ...prefs, displayName };
        return null;
      }
      case 'create_vault': {
        if (state.vaultExists) fail('vault_exists');
        const input = arg<{ passphrase: string; mode: Prefs['mode']; profile: Profile }>('input');
        state.vaultExists = true;
        state.unlocked = true;
        state.passphrase = input.passphrase;
        state.profile = structuredClone(input.profile);
        state.prefs = { ...state.prefs, mode: input.mode };
        return { recoveryCode: state.recoveryCode };
      }
      case 'confirm_recovery_code':
        requireUnlocked();
        return arg<string>('code') === state.recoveryCode;
      case 'unlock_with_passphrase':
        if (!state.vaultExists) fail('no_vault');
        if (arg<string>('passphrase') !== state.passphrase) fail('wrong_secret');
        state.unlocked = true;
        return null;
      case 'unlock_with_pin': {
        if (!state.keychain.available) fail('keychain_unavailable');
        if (state.pin === null) fail('pin_removed');
        if (arg<string>('pin') !== state.pin) {
          state.pinAttemptsLeft -= 1;
          if (state.pinAttemptsLeft <= 0) {
            state.pin = null;
            fail('pin_removed');
          }
          fail('wrong_secret', state.pinAttemptsLeft);
        }
        state.pinAttemptsLeft = 5;
        state.unlocked = true;
        return null;
      }
      case 'reset_passphrase_with_recovery_code':
        if (arg<string>('code') !== state.recoveryCode) fail('wrong_secret');
        state.passphrase = arg<string>('newPassphrase');
        state.unlocked = true;
        return null;
      case 'lock':
        state.unlocked = false;
        return null;
      case 'change_passphrase':
        requireUnlocked();
        if (arg<string>('current') !== state.passphrase) fail('wrong_secret');
        state.passphrase = arg<string>('next');
        return null;
      case 'set_pin':
        requireUnlocked();
        if (!state.keychain.available) fail('keychain_unavailable');
        state.pin = arg<string>('pin');
        state.pinAttemptsLeft = 5;
        return null;
      case 'remove_pin':
        requireUnlocked();
        state.pin = null;
        return null;
      case 'get_profile':
        requireUnlocked();
        return structuredClone(state.profile);
      case 'save_profile':
        requireUnlocked();
        state.profile = structuredClone(arg<Profile>('profile'));
        return null;
      case 'get_safety_plan':
        requireUnlocked();
        return structuredClone(state.safetyPlan);
      case 'save_safety_plan': {
        requireUnlocked();
        const saved = normaliseSafetyPlan(structuredClone(arg<SafetyPlan>('plan')));
        saved.updatedAt = state.now().toISOString();
        state.safetyPlan = saved;
        return structuredClone(saved);
      }
      default: {
        // Backups check the lock themselves: restoring and `job_progress` work while locked.
        const fromBackup = backup.handle(cmd, arg);
        if (fromBackup !== UNHANDLED) return fromBackup;
        // The window's full screen (show in session) is not the journal's: it works while locked.
        if (cmd === 'plugin:window|set_fullscreen') return sharing.handle(cmd, arg);
        // The system print dialog (what the window shows) opens locked or unlocked.
        if (cmd === 'print_page') return null;
        // Every journal command needs the vault unlocked.
        requireUnlocked();
        // Goals first: it also checks a goal check-in's goal before the journal stores it.
        for (const part of [goals, journal, library, insights, identity]) {
          const result = part.handle(cmd, arg);
          // A held goals call (see fakeGoals' `hold`) answers later.
          if (result instanceof Promise) return result.then((value: unknown) => structuredClone(value));
          if (result !== UNHANDLED) return structuredClone(result);
        }
        const fromSharing = sharing.handle(cmd, arg);
        if (fromSharing instanceof Promise) return fromSharing.then((value: unknown) => structuredClone(value));
        if (fromSharing !== UNHANDLED) return structuredClone(fromSharing);
        throw new Error(`fake backend: unknown command ${cmd}`);
      }
    }
  };

  return {
    state,
    journal,
    library,
    backup,
    goals,
    sharing,
    calls,
    callsTo: (cmd: string) => calls.filter((call) => call.cmd === cmd),
    install: () => mockIPC((cmd, args) => handle(cmd, args as Record<string, unknown> | undefined)),
  };
}

export type FakeBackend = ReturnType<typeof createFakeBackend>;

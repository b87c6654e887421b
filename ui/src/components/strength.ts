// Passphrase strength, in words. zxcvbn-ts and its dictionaries are loaded lazily (a separate
// chunk) the first time someone types a new passphrase. The loader is cached at module level;
// it holds only the public dictionaries, never anything the person typed.
import type { MessageId } from '../i18n';

export const MIN_PASSPHRASE_LENGTH = 8;

export type ScoreWord = 'veryWeak' | 'weak' | 'okay' | 'strong' | 'veryStrong';

export type Strength =
  | { kind: 'empty' }
  | { kind: 'tooShort'; missing: number }
  | {
      kind: 'scored';
      score: 0 | 1 | 2 | 3 | 4;
      word: ScoreWord;
      /** Refused only when obviously weak (score 0: among the first guesses). */
      acceptable: boolean;
      warning: MessageId | null;
    };

type Estimator = (passphrase: string, userInputs: string[]) => { score: number; warning: string | null };

let estimator: Promise<Estimator> | null = null;

function loadEstimator(): Promise<Estimator> {
  estimator ??= Promise.all([
    import('@zxcvbn-ts/core'),
    import('@zxcvbn-ts/language-common'),
    import('@zxcvbn-ts/language-en'),
  ]).then(([core, common, english]) => {
    const factory = new core.ZxcvbnFactory({
      dictionary: { ...common.dictionary, ...english.dictionary },
      graphs: common.adjacencyGraphs,
      // No translations: feedback comes back as keys, which Cove words itself (en + es).
    });
    return (passphrase: string, userInputs: string[]) => {
      const result = factory.check(passphrase, userInputs);
      return { score: result.score, warning: result.feedback.warning };
    };
  });
  return estimator;
}

const WARNINGS: Record<string, MessageId> = {
  straightRow: 'strength.warning.keyboard',
  keyPattern: 'strength.warning.keyboard',
  simpleRepeat: 'strength.warning.repeat',
  extendedRepeat: 'strength.warning.repeat',
  sequences: 'strength.warning.sequence',
  recentYears: 'strength.warning.date',
  dates: 'strength.warning.date',
  topTen: 'strength.warning.common',
  topHundred: 'strength.warning.common',
  common: 'strength.warning.common',
  similarToCommon: 'strength.warning.common',
  pwned: 'strength.warning.common',
  wordByItself: 'strength.warning.singleWord',
  namesByThemselves: 'strength.warning.names',
  commonNames: 'strength.warning.names',
  userInputs: 'strength.warning.personal',
};

const WORDS: readonly ScoreWord[] = ['veryWeak', 'weak', 'okay', 'strong', 'veryStrong'];

export function characterCount(text: string): number {
  return [...text].length;
}

export async function assessPassphrase(passphrase: string, userInputs: string[] = []): Promise<Strength> {
  if (passphrase.length === 0) return { kind: 'empty' };
  const length = characterCount(passphrase);
  if (length < MIN_PASSPHRASE_LENGTH) return { kind: 'tooShort', missing: MIN_PASSPHRASE_LENGTH - length };
  const estimate = await loadEstimator();
  const inputs = userInputs.map((s) => s.trim()).filter((s) => s.length > 0);
  const { score: raw, warning } = estimate(passphrase, [...inputs, 'cove', 'journal']);
  const score = Math.max(0, Math.min(4, raw)) as 0 | 1 | 2 | 3 | 4;
  return {
    kind: 'scored',
    score,
    word: WORDS[score] ?? 'veryWeak',
    acceptable: score >= 1,
    warning: warning ? (WARNINGS[warning] ?? null) : null,
  };
}

export function isAcceptable(strength: Strength): boolean {
  return strength.kind === 'scored' && strength.acceptable;
}

import type { Profile } from '../api';
import { builtInSet, type BuiltInPronounId } from '../features/identity/grammar';

/** A profile for tests: a name (or none) and a built-in pronoun set (or none), nothing else. */
export function testProfile(name: string | null, pronouns: BuiltInPronounId | null = null): Profile {
  return { name, pronouns: pronouns ? builtInSet(pronouns) : null, shared: null, spanish: null };
}

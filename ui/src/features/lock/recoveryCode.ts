/**
 * Tidies a typed recovery code into the shape Cove shows it in ("7KQ2-M9XD-…", groups of 4):
 * capitals, no spaces, dashes between groups. People copy codes by hand, so spaces, missing
 * dashes and small letters are all forgiven.
 */
export function normaliseRecoveryCode(typed: string): string {
  const compact = typed.toUpperCase().replace(/[^A-Z0-9]/g, '');
  return compact.match(/.{1,4}/g)?.join('-') ?? '';
}

/** The groups of a code as shown to the person. */
export function recoveryCodeGroups(code: string): string[] {
  return code.split('-').filter((group) => group.length > 0);
}

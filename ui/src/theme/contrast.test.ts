import { describe, expect, it } from 'vitest';
import tokensCss from './tokens.css?raw';
import { contrastRatio, readCustomPropertyBlocks } from './contrast';
import { ACCENTS, THEMES } from './appearance';

const blocks = readCustomPropertyBlocks(tokensCss);

function tokensFor(theme: string, accent: string, look: 'warm' | 'neutral' = 'warm'): Record<string, string> {
  const base = blocks.find((b) => b.selector === `[data-theme="${theme}"]`);
  const acc = blocks.find((b) => b.selector === `[data-theme="${theme}"][data-accent="${accent}"]`);
  if (!base || !acc) throw new Error(`Missing token block for ${theme}/${accent}`);
  if (look === 'warm') return { ...base.vars, ...acc.vars };
  const neutral = blocks.find((b) => b.selector === `[data-theme="${theme}"][data-look="neutral"]`);
  if (!neutral) throw new Error(`Missing neutral-look block for ${theme}`);
  return { ...base.vars, ...acc.vars, ...neutral.vars };
}

const BACKGROUNDS = ['--bg', '--surface', '--sidebar'];

/** [foreground, background] pairs that carry text. */
const TEXT_PAIRS: [string, string][] = [
  ...BACKGROUNDS.flatMap((bg): [string, string][] => [
    ['--text', bg],
    ['--text-muted', bg],
    ['--accent-text', bg],
  ]),
  ['--on-accent', '--accent'],
  ['--text', '--accent-soft'],
  ['--accent-text', '--accent-soft'],
  ['--notice-text', '--notice-bg'],
  ['--badge-text', '--badge-bg'],
];

/** [ui colour, what it sits on] pairs: control outlines, focus rings, filled controls (>= 3:1). */
const UI_PAIRS: [string, string][] = [
  ...BACKGROUNDS.flatMap((bg): [string, string][] => [
    ['--focus', bg],
    ['--border', bg],
    ['--accent', bg],
  ]),
  ['--focus', '--accent-soft'],
  ['--focus', '--notice-bg'],
  ['--notice-border', '--notice-bg'],
  ['--accent', '--meter-track'],
];

describe('design tokens meet WCAG 2.2 AA contrast', () => {
  it('defines every theme and accent block', () => {
    for (const theme of THEMES) {
      for (const accent of ACCENTS) {
        expect(() => tokensFor(theme, accent)).not.toThrow();
      }
    }
  });

  const looks = [
    ...THEMES.flatMap((theme) => ACCENTS.map((accent) => ({ theme, accent, look: 'warm' as const }))),
    // The neutral look replaces every accent, so one accent per theme covers it.
    ...THEMES.map((theme) => ({ theme, accent: 'teal', look: 'neutral' as const })),
  ];
  for (const { theme, accent, look } of looks) {
    describe(`${theme} × ${look === 'neutral' ? 'neutral look' : accent}`, () => {
      const tokens = tokensFor(theme, accent, look);
      // The high-contrast theme is held to AAA (7:1) for text so it is truly high contrast.
      const textMinimum = theme === 'contrast' ? 7 : 4.5;

      it(`text pairs >= ${textMinimum}:1, UI and focus colours >= 3:1`, () => {
        const failures: string[] = [];
        const check = (pairs: [string, string][], minimum: number) => {
          for (const [fg, bg] of pairs) {
            const ratio = contrastRatio(tokens[fg] ?? 'missing', tokens[bg] ?? 'missing');
            if (ratio < minimum) {
              failures.push(`${fg} ${tokens[fg]} on ${bg} ${tokens[bg]}: ${ratio.toFixed(2)} < ${minimum}`);
            }
          }
        };
        check(TEXT_PAIRS, textMinimum);
        check(UI_PAIRS, 3);
        expect(failures).toEqual([]);
      });
    });
  }

  it('the neutral look overrides every colour an accent sets', () => {
    for (const theme of THEMES) {
      const accentVars = Object.keys(
        blocks.find((b) => b.selector === `[data-theme="${theme}"][data-accent="plum"]`)?.vars ?? {},
      );
      expect(accentVars.length).toBeGreaterThan(0);
      const neutral = blocks.find((b) => b.selector === `[data-theme="${theme}"][data-look="neutral"]`);
      for (const name of accentVars) expect(neutral?.vars, `${theme} ${name}`).toHaveProperty(name);
    }
  });

  it('never puts pure black text on pure white in the everyday themes', () => {
    for (const theme of ['light', 'dark'] as const) {
      const t = tokensFor(theme, 'teal');
      expect([t['--text'], t['--bg']].sort()).not.toEqual(['#000000', '#ffffff']);
      expect(t['--text']).not.toBe('#000000');
      expect(t['--bg']).not.toBe('#ffffff');
    }
  });

  it('computes known ratios correctly', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrastRatio('#777777', '#ffffff')).toBeCloseTo(4.48, 2);
  });
});

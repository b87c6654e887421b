// Applies the non-secret appearance prefs to <html>: theme, accent, look, text size, language.
// Only data-attributes and CSS custom properties (CSSOM) are touched, which the strict CSP allows.
import type { Accent, Prefs, Theme } from '../api';

export const THEMES = ['light', 'dark', 'contrast'] as const;
export type ResolvedTheme = (typeof THEMES)[number];
export const THEME_CHOICES: readonly Theme[] = ['system', 'light', 'dark', 'contrast'];
export const ACCENTS: readonly Accent[] = ['teal', 'plum', 'amber', 'sky'];
export const TEXT_SCALES: readonly number[] = [0.875, 1, 1.125, 1.25, 1.5];

export const DEFAULT_PREFS: Prefs = {
  language: null,
  theme: 'system',
  accent: 'teal',
  textScale: 1,
  autoLockMinutes: 5,
  mode: null,
  displayName: null,
  neutralLook: false,
};

/** The app's name as shown on screen and in document.title: the chosen display name, else "Cove". */
export function appDisplayName(prefs: Pick<Prefs, 'displayName'>, fallback: string): string {
  const chosen = prefs.displayName?.trim();
  return chosen ? chosen : fallback;
}

function matches(query: string): boolean {
  return typeof window.matchMedia === 'function' && window.matchMedia(query).matches;
}

/** "system" follows the OS: more contrast first, then dark, else light. */
export function resolveTheme(theme: Theme): ResolvedTheme {
  if (theme !== 'system') return theme;
  if (matches('(prefers-contrast: more)') || matches('(forced-colors: active)')) return 'contrast';
  return matches('(prefers-color-scheme: dark)') ? 'dark' : 'light';
}

export function clampTextScale(scale: number): number {
  if (!Number.isFinite(scale)) return 1;
  return Math.min(1.5, Math.max(0.875, scale));
}

export function applyAppearance(
  prefs: Pick<Prefs, 'theme' | 'accent' | 'textScale' | 'neutralLook'>,
  locale: string,
): void {
  const root = document.documentElement;
  root.dataset.theme = resolveTheme(prefs.theme);
  root.dataset.accent = ACCENTS.includes(prefs.accent) ? prefs.accent : 'teal';
  // Neutral look: plain greys and a quiet slate accent (tokens.css), plain lettering (base.css).
  // Only colours and fonts change; nothing about locking or encryption does.
  root.dataset.look = prefs.neutralLook ? 'neutral' : 'warm';
  root.style.setProperty('--text-scale', String(clampTextScale(prefs.textScale)));
  root.lang = locale;
}

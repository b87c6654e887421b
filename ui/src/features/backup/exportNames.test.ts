import { describe, expect, it } from 'vitest';
import { EMPTY_LIBRARY } from '../feelings/LibraryContext';
import { CORES, FEELINGS, SENSATIONS } from '../feelings/vocabulary';
import { SHIPPED_PROMPTS } from '../prompts/prompts';
import { buildExportInput } from './exportNames';

describe('buildExportInput', () => {
  it('names every shipped feeling, core, sensation and prompt in the chosen language', () => {
    for (const locale of ['en', 'es'] as const) {
      const input = buildExportInput('markdown', '/usb', locale, EMPTY_LIBRARY);
      expect(input).toMatchObject({ format: 'markdown', folder: '/usb', language: locale });
      for (const feeling of FEELINGS) expect(input.feelingNames[feeling.id]).toBe(feeling[locale].name);
      for (const core of CORES) expect(input.feelingNames[core.id]).toBeTruthy();
      for (const sensation of SENSATIONS) expect(input.sensationNames[sensation.id]).toBe(sensation[locale]);
      for (const prompt of SHIPPED_PROMPTS) expect(input.promptTexts[prompt.id]).toBe(prompt[locale]);
    }
  });

  it('adds the person’s own words and prompts under their custom ids', () => {
    const input = buildExportInput('json', '/usb', 'en', {
      ...EMPTY_LIBRARY,
      customFeelings: [{ id: 'fizzy', word: 'Fizzy', meaning: null, core: null }],
      customPrompts: [{ id: 'p1', text: 'What made me laugh?', group: null }],
    });
    expect(input.feelingNames['custom:fizzy']).toBe('Fizzy');
    expect(input.promptTexts['custom:p1']).toBe('What made me laugh?');
  });
});

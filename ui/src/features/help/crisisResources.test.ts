import { describe, expect, it } from 'vitest';
import raw from './crisis-resources.json';
import { CATALOGUES } from '../../i18n/all';

const { en, es } = CATALOGUES;
import { CrisisResourcesError, loadCrisisResources, parseCrisisResources, parseIsoDate } from './crisisResources';

/** Every string in the raw file under a key ending in "MessageId" or named "instruction". */
function messageIdsIn(value: unknown, into: string[] = []): string[] {
  if (Array.isArray(value)) value.forEach((item) => messageIdsIn(item, into));
  else if (typeof value === 'object' && value !== null) {
    for (const [key, child] of Object.entries(value)) {
      if ((key.endsWith('MessageId') || key === 'instruction') && typeof child === 'string') into.push(child);
      else messageIdsIn(child, into);
    }
  }
  return into;
}

describe('crisis-resources.json', () => {
  const data = loadCrisisResources(Object.values(CATALOGUES));

  it('loads through the typed loader', () => {
    expect(data.regions.map((r) => r.id)).toEqual(['US']);
  });

  it('has a lastReviewed that is a real ISO date and not in the future', () => {
    expect(data.lastReviewed).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const reviewed = parseIsoDate(data.lastReviewed);
    expect(reviewed).not.toBeNull();
    // "Not in the future" anywhere on Earth: allow for the earliest time zone (UTC+14).
    expect(reviewed!.getTime()).toBeLessThanOrEqual(Date.now() + 14 * 60 * 60 * 1000);
  });

  it('gives every resource at least one number to call or text, or a text instruction', () => {
    for (const region of data.regions) {
      for (const resource of region.resources) {
        const reachable = resource.kinds.some(
          (kind) => ((kind.type === 'call' || kind.type === 'text') && /\d/.test(kind.value)) || kind.instruction !== undefined,
        );
        expect(reachable, resource.id).toBe(true);
      }
    }
  });

  it('refers only to message ids that exist in English and Spanish', () => {
    const ids = messageIdsIn(raw);
    expect(ids.length).toBeGreaterThan(10);
    for (const id of ids) {
      expect(en, `en.json: ${id}`).toHaveProperty([id]);
      expect(es, `es.json: ${id}`).toHaveProperty([id]);
    }
  });

  it('lists exactly the reviewed US lines', () => {
    const us = data.regions.find((r) => r.id === 'US');
    const summary = us?.resources.map((r) => ({
      id: r.id,
      name: r.name,
      kinds: r.kinds.map((k) => `${k.type} ${k.value}${k.instruction ? ` (${en[k.instruction]})` : ''}`),
    }));
    expect(summary).toEqual([
      { id: '988', name: '988 Suicide & Crisis Lifeline', kinds: ['call 988', 'text 988'] },
      { id: 'crisis-text-line', name: 'Crisis Text Line', kinds: ['text 741741 (Text HOME to)'] },
      {
        id: 'trevor-project',
        name: 'The Trevor Project',
        kinds: ['call 1-866-488-7386', 'text 678-678 (Text START to)'],
      },
      { id: 'trans-lifeline', name: 'Trans Lifeline', kinds: ['call (877) 565-8860'] },
      { id: 'emergency', name: '911', kinds: ['call 911'] },
    ]);
    const transLifeline = us?.resources.find((r) => r.id === 'trans-lifeline');
    expect(en[transLifeline!.hoursMessageId!]).toBe(
      'Hours vary; the line may not always be staffed — check their website when you can.',
    );
  });
});

describe('parseCrisisResources', () => {
  const resource = (id: string) => ({
    id,
    name: 'A Line',
    kinds: [{ type: 'call', value: '123' }],
    forMessageId: 'help.for.988',
  });

  it('accepts more regions, each with its own resources', () => {
    const parsed = parseCrisisResources({
      ...raw,
      regions: [...raw.regions, { id: 'CA', nameMessageId: 'help.region.US', resources: [resource('ca-line')] }],
    }, Object.values(CATALOGUES));
    expect(parsed.regions.map((r) => r.id)).toEqual(['US', 'CA']);
    expect(parsed.regions[1]?.resources[0]).toEqual({
      id: 'ca-line',
      name: 'A Line',
      kinds: [{ type: 'call', value: '123' }],
      forMessageId: 'help.for.988',
    });
  });

  it('reports every problem at once', () => {
    const bad = {
      lastReviewed: '2026-02-30',
      regions: [
        {
          id: 'US',
          nameMessageId: 'help.region.nowhere',
          resources: [
            resource('same'),
            { ...resource('same'), kinds: [] },
            { ...resource('Bad Id'), forMessageId: 'not.a.message', hoursMessageId: 'nope' },
            { ...resource('words'), kinds: [{ type: 'call', value: 'call us' }, { type: 'chat-note', value: 'site' }] },
            { ...resource('fax'), kinds: [{ type: 'fax', value: '1' }] },
          ],
        },
        { id: 'US', nameMessageId: 'help.region.US', resources: [] },
      ],
    };
    let error: unknown;
    try {
      parseCrisisResources(bad, Object.values(CATALOGUES));
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(CrisisResourcesError);
    const problems = (error as CrisisResourcesError).problems.join('\n');
    expect(problems).toContain('lastReviewed must be a real date');
    expect(problems).toContain('regions[0].nameMessageId is not in en.json and es.json');
    expect(problems).toContain('id same is used twice');
    expect(problems).toContain('resources[1].kinds must list at least one way');
    expect(problems).toContain('resources[2].id must be lower-case');
    expect(problems).toContain('resources[2].forMessageId is not in en.json');
    expect(problems).toContain('resources[2].hoursMessageId is not in en.json');
    expect(problems).toContain('kinds[0].value must be a number to call or text');
    expect(problems).toContain('is a chat note and needs an instruction');
    expect(problems).toContain('type must be call, text or chat-note');
    expect(problems).toContain('regions[1].id US is listed twice');
    expect(problems).toContain('regions[1].resources must be a non-empty list');
  });

  it('refuses things that are not crisis data at all', () => {
    expect(() => parseCrisisResources(null, Object.values(CATALOGUES))).toThrow(CrisisResourcesError);
    expect(() => parseCrisisResources({ lastReviewed: '2026-01-01', regions: [] }, Object.values(CATALOGUES))).toThrow(/regions must be a non-empty list/);
  });

  it('reads ISO dates strictly', () => {
    expect(parseIsoDate('2026-11-26')?.toISOString()).toBe('2026-11-26T00:00:00.000Z');
    expect(parseIsoDate('2026-13-01')).toBeNull();
    expect(parseIsoDate('26/11/2026')).toBeNull();
    expect(parseIsoDate(20261126)).toBeNull();
  });
});

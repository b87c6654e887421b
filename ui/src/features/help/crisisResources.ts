// Crisis lines ship inside the app as dated, reviewable data (crisis-resources.json), so Help
// works offline and a reviewer can check every number in one small file. Names are proper nouns
// and stay as they are; everything a person reads about a line is a message id, translated in
// en.json and es.json. To add a country, add a region with its own resources and message ids.
import data from './crisis-resources.json';
import type { MessageId } from '../../i18n';

/** Message catalogues to check ids against: the app gives the one it shows, the tests both. */
export type Catalogues = readonly Readonly<Record<string, string>>[];

export type CrisisKindType = 'call' | 'text' | 'chat-note';

export type CrisisKind = {
  type: CrisisKindType;
  /** What to dial or text ("988", "1-866-488-7386"), or for a chat note what to look for. */
  value: string;
  /** Replaces the plain "Call" / "Text" label, e.g. "Text HOME to". Required for chat notes. */
  instruction?: MessageId;
};

export type CrisisResource = {
  /** Stable, lower-case; used in test ids (`help-resource-<id>`). */
  id: string;
  /** A proper noun, shown as is in every language. */
  name: string;
  kinds: CrisisKind[];
  hoursMessageId?: MessageId;
  /** Who the line is for and what happens when you reach out. */
  forMessageId: MessageId;
};

export type CrisisRegion = {
  /** ISO 3166-1 alpha-2, upper case. */
  id: string;
  nameMessageId: MessageId;
  resources: CrisisResource[];
};

export type CrisisResources = {
  /** ISO date (YYYY-MM-DD) of the last time a person checked every entry. */
  lastReviewed: string;
  regions: CrisisRegion[];
};

const KIND_TYPES: readonly CrisisKindType[] = ['call', 'text', 'chat-note'];

export class CrisisResourcesError extends Error {
  readonly problems: string[];
  constructor(problems: string[]) {
    super(`crisis-resources.json: ${problems.join('; ')}`);
    this.name = 'CrisisResourcesError';
    this.problems = problems;
  }
}

/** True when `id` is a message in every catalogue given. */
export function isKnownMessageId(id: unknown, catalogues: Catalogues): id is MessageId {
  return typeof id === 'string' && catalogues.every((messages) => Object.prototype.hasOwnProperty.call(messages, id));
}

/** Parses an ISO calendar date (YYYY-MM-DD) to midnight UTC, or null when it isn't a real date. */
export function parseIsoDate(value: unknown): Date | null {
  if (typeof value !== 'string') return null;
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return date;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Checks raw data against the shape above and returns it typed. Every problem is collected, so
 * a reviewer sees them all at once. (Whether `lastReviewed` is in the past is checked by the unit
 * test, not here: a wrong clock on someone's computer must never hide the crisis lines.)
 */
export function parseCrisisResources(raw: unknown, catalogues: Catalogues): CrisisResources {
  const problems: string[] = [];
  const problem = (text: string) => problems.push(text);

  if (!isRecord(raw)) throw new CrisisResourcesError(['the file must hold an object']);
  if (!parseIsoDate(raw.lastReviewed)) problem('lastReviewed must be a real date written YYYY-MM-DD');
  if (!Array.isArray(raw.regions) || raw.regions.length === 0) problem('regions must be a non-empty list');

  const regionIds = new Set<string>();
  const resourceIds = new Set<string>();
  const regions: CrisisRegion[] = [];

  for (const [regionIndex, region] of (Array.isArray(raw.regions) ? raw.regions : []).entries()) {
    const where = `regions[${regionIndex}]`;
    if (!isRecord(region)) {
      problem(`${where} must be an object`);
      continue;
    }
    const regionId = region.id;
    if (typeof regionId !== 'string' || !/^[A-Z]{2}$/.test(regionId)) problem(`${where}.id must be a two-letter country code`);
    else if (regionIds.has(regionId)) problem(`${where}.id ${regionId} is listed twice`);
    else regionIds.add(regionId);
    if (!isKnownMessageId(region.nameMessageId, catalogues)) problem(`${where}.nameMessageId is not in en.json and es.json`);
    if (!Array.isArray(region.resources) || region.resources.length === 0) problem(`${where}.resources must be a non-empty list`);

    const resources: CrisisResource[] = [];
    for (const [resourceIndex, resource] of (Array.isArray(region.resources) ? region.resources : []).entries()) {
      const at = `${where}.resources[${resourceIndex}]`;
      if (!isRecord(resource)) {
        problem(`${at} must be an object`);
        continue;
      }
      const { id, name, kinds, hoursMessageId, forMessageId } = resource;
      if (typeof id !== 'string' || !/^[a-z0-9]+(-[a-z0-9]+)*$/.test(id)) problem(`${at}.id must be lower-case letters, digits and dashes`);
      else if (resourceIds.has(id)) problem(`${at}.id ${id} is used twice`);
      else resourceIds.add(id);
      if (typeof name !== 'string' || name.trim() === '') problem(`${at}.name must be a non-empty string`);
      if (!isKnownMessageId(forMessageId, catalogues)) problem(`${at}.forMessageId is not in en.json and es.json`);
      if (hoursMessageId !== undefined && !isKnownMessageId(hoursMessageId, catalogues)) problem(`${at}.hoursMessageId is not in en.json and es.json`);

      const parsedKinds: CrisisKind[] = [];
      if (!Array.isArray(kinds) || kinds.length === 0) problem(`${at}.kinds must list at least one way to reach the line`);
      for (const [kindIndex, kind] of (Array.isArray(kinds) ? kinds : []).entries()) {
        const k = `${at}.kinds[${kindIndex}]`;
        if (!isRecord(kind)) {
          problem(`${k} must be an object`);
          continue;
        }
        const { type, value, instruction } = kind;
        if (!KIND_TYPES.includes(type as CrisisKindType)) problem(`${k}.type must be call, text or chat-note`);
        if (typeof value !== 'string' || value.trim() === '') problem(`${k}.value must be a non-empty string`);
        else if ((type === 'call' || type === 'text') && !/\d/.test(value)) problem(`${k}.value must be a number to call or text`);
        if (instruction !== undefined && !isKnownMessageId(instruction, catalogues)) problem(`${k}.instruction is not in en.json and es.json`);
        if (type === 'chat-note' && instruction === undefined) problem(`${k} is a chat note and needs an instruction`);
        parsedKinds.push({
          type: type as CrisisKindType,
          value: String(value),
          ...(instruction !== undefined ? { instruction: instruction as MessageId } : {}),
        });
      }
      resources.push({
        id: String(id),
        name: String(name),
        kinds: parsedKinds,
        ...(hoursMessageId !== undefined ? { hoursMessageId: hoursMessageId as MessageId } : {}),
        forMessageId: forMessageId as MessageId,
      });
    }
    regions.push({ id: String(regionId), nameMessageId: region.nameMessageId as MessageId, resources });
  }

  if (problems.length > 0) throw new CrisisResourcesError(problems);
  return { lastReviewed: raw.lastReviewed as string, regions };
}

/** The crisis lines shipped with this version of the app, checked (message ids against `catalogues`). */
export function loadCrisisResources(catalogues: Catalogues): CrisisResources {
  return parseCrisisResources(data, catalogues);
}

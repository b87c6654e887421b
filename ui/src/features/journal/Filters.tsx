import { useId } from 'react';
import { useIntl } from 'react-intl';
import { DateField, DateInput, DateSegment, Label } from 'react-aria-components';
import { parseDate, type CalendarDate } from '@internationalized/date';
import type { EntryKind, TagCount } from '../../api';
import { Button } from '../../components/Button';
import { Switch } from '../../components/Switch';
import { KINDS, KIND_LABEL, KindIcon } from './kinds';
import { useFeelingName } from '../feelings/useFeelingName';

export type Filters = {
  kinds: EntryKind[];
  feeling: string | null;
  tag: string | null;
  from: string | null;
  to: string | null;
  /** Show the identity space's entries here too (they are left out unless the person chooses). */
  includeIdentity: boolean;
};

export const NO_FILTERS: Filters = { kinds: [], feeling: null, tag: null, from: null, to: null, includeIdentity: false };

export function activeFilterCount(f: Filters): number {
  return f.kinds.length + (f.feeling ? 1 : 0) + (f.tag ? 1 : 0) + (f.from || f.to ? 1 : 0) + (f.includeIdentity ? 1 : 0);
}

function toDate(day: string | null): CalendarDate | null {
  if (!day) return null;
  try {
    return parseDate(day);
  } catch {
    return null;
  }
}

/** The filter bar: kinds, a feeling, a tag, a date range, and whether the identity space shows here. */
export function FilterBar({
  id,
  filters,
  onChange,
  onClear,
  tags,
  feelings,
}: {
  id: string;
  filters: Filters;
  onChange: (next: Filters) => void;
  onClear: () => void;
  tags: readonly TagCount[];
  feelings: readonly string[];
}) {
  const intl = useIntl();
  const ids = useId();
  const feelingName = useFeelingName();
  const toggleKind = (kind: EntryKind, on: boolean) =>
    onChange({ ...filters, kinds: on ? [...filters.kinds, kind] : filters.kinds.filter((k) => k !== kind) });
  const feelingOptions = [...new Set([...(filters.feeling ? [filters.feeling] : []), ...feelings])];
  const tagOptions = tags.map((t) => t.tag);
  if (filters.tag && !tagOptions.includes(filters.tag)) tagOptions.unshift(filters.tag);

  return (
    <section id={id} className="filters" aria-label={intl.formatMessage({ id: 'journal.filters.title' })}>
      <div className="filters__group" role="group" aria-labelledby={`${ids}-kinds`}>
        <span id={`${ids}-kinds`} className="field__label">
          {intl.formatMessage({ id: 'journal.filters.kind' })}
        </span>
        <div className="filters__kinds">
          {KINDS.map((kind) => (
            <label key={kind} className="filters__kind">
              <input
                type="checkbox"
                data-testid={`filter-kind-${kind}`}
                checked={filters.kinds.includes(kind)}
                onChange={(e) => toggleKind(kind, e.target.checked)}
              />
              <KindIcon kind={kind} size={16} />
              {intl.formatMessage({ id: KIND_LABEL[kind] })}
            </label>
          ))}
        </div>
      </div>
      <div className="filters__row">
        <div className="field filters__field">
          <label className="field__label" htmlFor={`${ids}-feeling`}>
            {intl.formatMessage({ id: 'journal.filters.feeling' })}
          </label>
          <select
            id={`${ids}-feeling`}
            className="field__input filters__select"
            data-testid="filter-feeling"
            value={filters.feeling ?? ''}
            disabled={feelingOptions.length === 0}
            aria-describedby={feelingOptions.length === 0 ? `${ids}-feeling-none` : undefined}
            onChange={(e) => onChange({ ...filters, feeling: e.target.value || null })}
          >
            <option value="">{intl.formatMessage({ id: 'journal.filters.any' })}</option>
            {feelingOptions.map((f) => (
              <option key={f} value={f}>
                {feelingName(f)}
              </option>
            ))}
          </select>
          {feelingOptions.length === 0 ? (
            <span id={`${ids}-feeling-none`} className="field__description">
              {intl.formatMessage({ id: 'journal.filters.noFeelings' })}
            </span>
          ) : null}
        </div>
        <div className="field filters__field">
          <label className="field__label" htmlFor={`${ids}-tag`}>
            {intl.formatMessage({ id: 'journal.filters.tag' })}
          </label>
          <select
            id={`${ids}-tag`}
            className="field__input filters__select"
            data-testid="filter-tag"
            value={filters.tag ?? ''}
            aria-describedby={tagOptions.length === 0 ? `${ids}-tag-none` : undefined}
            onChange={(e) => onChange({ ...filters, tag: e.target.value || null })}
          >
            <option value="">{intl.formatMessage({ id: 'journal.filters.any' })}</option>
            {tagOptions.map((t) => (
              <option key={t} value={t}>
                #{t}
              </option>
            ))}
          </select>
          {tagOptions.length === 0 ? (
            <span id={`${ids}-tag-none`} className="field__description">
              {intl.formatMessage({ id: 'journal.filters.noTags' })}
            </span>
          ) : null}
        </div>
        <DateField
          className="field filters__date"
          value={toDate(filters.from)}
          onChange={(v) => onChange({ ...filters, from: v ? v.toString() : null })}
          data-testid="filter-from"
        >
          <Label className="field__label">{intl.formatMessage({ id: 'journal.filters.from' })}</Label>
          <DateInput className="field__input filters__date-input">
            {(segment) => <DateSegment segment={segment} className="filters__segment" />}
          </DateInput>
        </DateField>
        <DateField
          className="field filters__date"
          value={toDate(filters.to)}
          onChange={(v) => onChange({ ...filters, to: v ? v.toString() : null })}
          data-testid="filter-to"
        >
          <Label className="field__label">{intl.formatMessage({ id: 'journal.filters.to' })}</Label>
          <DateInput className="field__input filters__date-input">
            {(segment) => <DateSegment segment={segment} className="filters__segment" />}
          </DateInput>
        </DateField>
      </div>
      <div className="filters__identity">
        <Switch
          isSelected={filters.includeIdentity}
          onChange={(on) => onChange({ ...filters, includeIdentity: on })}
          describedBy={`${ids}-identity-hint`}
          testId="journal-include-identity"
        >
          {intl.formatMessage({ id: 'identitySpace.journal.include' })}
        </Switch>
        <span id={`${ids}-identity-hint`} className="field__description">
          {intl.formatMessage({ id: 'identitySpace.journal.includeHint' })}
        </span>
      </div>
      <div className="actions">
        <Button variant="secondary" onPress={onClear} data-testid="filter-clear">
          {intl.formatMessage({ id: 'journal.filters.clear' })}
        </Button>
      </div>
    </section>
  );
}

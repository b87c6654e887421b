import { useId, useState } from 'react';
import { useIntl } from 'react-intl';
import { Checkbox, Label, Text, TextArea, TextField as AriaTextField } from 'react-aria-components';
import { Check } from 'lucide-react';
import * as api from '../../api';
import type { Goal } from '../../api';
import { Button } from '../../components/Button';
import { LiveRegion, useAnnouncement } from '../../components/LiveRegion';
import { ScreenHeading } from '../../components/ScreenHeading';
import { useApp } from '../../app/AppContext';
import { usePendingSave } from '../../app/usePendingSave';
import type { MessageId } from '../../i18n';
import { isHardCheckin, MAX_NOTE_CHARS, type Pick } from '../feelings/checkin';
import { useFeelingValence } from '../feelings/useFeelingName';
import type { DraftContent } from '../journal/autosave';
import { EntrySaver } from '../journal/entrySaver';
import { FeelingPicker } from './FeelingPicker';
import { LIMITS, formToDraft, goalToForm, stepRow } from './model';

export type CheckinResult = { goal: Goal; hard: boolean; addedStep: boolean; stepProblem: boolean };

const blank = (text: string) => text.trim() === '';
const tooLong = (text: string) => [...text].length > MAX_NOTE_CHARS;

/**
 * A check-in on one goal: how it went, feelings, what got in the way, the next step (which can
 * also join the goal's steps). Every part is optional. It is saved as a journal entry of kind
 * "goal check-in", so it shows on the timeline too.
 */
export function GoalCheckin({ goal, onSaved, onCancel }: { goal: Goal; onSaved: (result: CheckinResult) => void; onCancel: () => void }) {
  const intl = useIntl();
  const { lockNow } = useApp();
  const valenceOf = useFeelingValence();
  const ids = useId();
  const [how, setHow] = useState('');
  const [picks, setPicks] = useState<Pick[]>([]);
  const [inTheWay, setInTheWay] = useState('');
  const [next, setNext] = useState('');
  const [addStep, setAddStep] = useState(false);
  const [saving, setSaving] = useState(false);
  // Pressing Save and a flush before a lock make one entry between them.
  const [saver] = useState(() => new EntrySaver());
  const { announcement, announce } = useAnnouncement();

  const empty = blank(how) && picks.length === 0 && blank(inTheWay) && blank(next);
  const over = tooLong(inTheWay) || tooLong(next);
  const stepOver = addStep && [...next.trim()].length > LIMITS.stepChars;

  const draft = (): DraftContent => ({
    kind: 'goal_checkin',
    title: null,
    body: how,
    tags: [],
    promptId: null,
    checkin:
      picks.length > 0
        ? {
            feelings: picks.map((p) => ({ feeling: p.feeling, intensity: p.intensity, valence: valenceOf(p.feeling) })),
            pleasantness: null,
            energy: null,
            sensations: [],
            goingOn: null,
            helped: null,
          }
        : null,
    goal: { goalId: goal.id, inTheWay: blank(inTheWay) ? null : inTheWay, nextStep: blank(next) ? null : next },
  });

  // Before the vault locks: the check-in it would have been (the step joins the goal only on Save).
  usePendingSave(!empty && !over, () => saver.save(draft()));

  const save = async () => {
    if (empty || over || saving) return;
    setSaving(true);
    try {
      await saver.save(draft());
    } catch (error) {
      setSaving(false);
      const code = api.isCommandFailure(error) ? error.code : 'internal';
      if (code === 'locked') {
        lockNow();
        return;
      }
      announce(intl.formatMessage({ id: checkinProblem(code) }));
      return;
    }
    // The check-in is saved; adding the next step to the goal is a second, separate save.
    let stored = goal;
    let addedStep = false;
    let stepProblem = false;
    if (addStep && !blank(next) && !stepOver) {
      try {
        // The goal as stored now: the steps sent are the whole list, so it must be the latest one.
        const form = goalToForm((await api.getGoal(goal.id)).goal);
        stored = await api.saveGoal(formToDraft({ ...form, steps: [...form.steps, stepRow(next)] }, goal.id));
        addedStep = true;
      } catch (error) {
        if (api.isCommandFailure(error) && error.code === 'locked') {
          lockNow();
          return;
        }
        stepProblem = true;
      }
    }
    onSaved({ goal: stored, hard: isHardCheckin(picks, valenceOf), addedStep, stepProblem });
  };

  return (
    <form
      className="goal-checkin"
      data-testid="goal-checkin-form"
      aria-labelledby={`${ids}-heading`}
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
    >
      <ScreenHeading id={`${ids}-heading`}>
        {intl.formatMessage({ id: 'goals.checkin.title' }, { goal: goal.title })}
      </ScreenHeading>
      <p className="lead">{intl.formatMessage({ id: 'goals.checkin.lead' })}</p>

      <NoteField label={intl.formatMessage({ id: 'goals.checkin.how' })} value={how} onChange={setHow} rows={5} testId="goal-checkin-how" />

      <FeelingPicker picks={picks} onChange={setPicks} />

      <NoteField
        label={intl.formatMessage({ id: 'goals.checkin.inTheWay' })}
        description={intl.formatMessage({ id: 'goals.checkin.inTheWayHint' })}
        value={inTheWay}
        onChange={setInTheWay}
        testId="goal-checkin-in-the-way"
      />
      <NoteField
        label={intl.formatMessage({ id: 'goals.checkin.next' })}
        value={next}
        onChange={setNext}
        rows={2}
        testId="goal-checkin-next"
      />
      {!blank(next) ? (
        <Checkbox className="step-check goal-checkin__add-step" isSelected={addStep} onChange={setAddStep} data-testid="goal-checkin-add-step">
          <span className="step-check__box" aria-hidden="true">
            <Check size={16} />
          </span>
          <span className="step-check__text">{intl.formatMessage({ id: 'goals.checkin.addStep' })}</span>
        </Checkbox>
      ) : null}
      {stepOver ? <p className="field__error">{intl.formatMessage({ id: 'goals.step.tooLong' }, { max: LIMITS.stepChars })}</p> : null}

      <LiveRegion announcement={announcement} testId="goal-checkin-status" />
      <div className="actions">
        <Button
          variant="primary"
          type="submit"
          isDisabled={empty || over || saving}
          aria-describedby={empty ? `${ids}-hint` : undefined}
          data-testid="goal-checkin-save"
        >
          {intl.formatMessage({ id: saving ? 'goals.checkin.saving' : 'goals.checkin.save' })}
        </Button>
        <Button variant="secondary" onPress={onCancel} data-testid="goal-checkin-cancel">
          {intl.formatMessage({ id: 'goals.checkin.cancel' })}
        </Button>
      </div>
      {empty ? (
        <p id={`${ids}-hint`} className="muted">
          {intl.formatMessage({ id: 'goals.checkin.emptyHint' })}
        </p>
      ) : null}
    </form>
  );
}

function NoteField({
  label,
  description,
  value,
  onChange,
  rows = 3,
  testId,
}: {
  label: string;
  description?: string;
  value: string;
  onChange: (value: string) => void;
  rows?: number;
  testId: string;
}) {
  const intl = useIntl();
  const over = tooLong(value);
  return (
    <AriaTextField className="field" value={value} onChange={onChange} isInvalid={over} validationBehavior="aria">
      <Label className="field__label">{label}</Label>
      {description ? (
        <Text slot="description" className="field__description">
          {description}
        </Text>
      ) : null}
      <TextArea className="field__input goal-checkin__text" rows={rows} dir="auto" data-testid={testId} />
      {over ? (
        <Text slot="errorMessage" className="field__error">
          {intl.formatMessage({ id: 'checkin.note.tooLong' }, { max: MAX_NOTE_CHARS, count: [...value].length - MAX_NOTE_CHARS })}
        </Text>
      ) : null}
    </AriaTextField>
  );
}

function checkinProblem(code: api.ErrorCode): MessageId {
  switch (code) {
    case 'invalid_input':
      return 'goals.checkin.problem.invalid';
    case 'storage_full':
      return 'goals.editor.problem.full';
    default:
      return 'goals.checkin.problem.save';
  }
}

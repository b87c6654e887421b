import { useCallback, useEffect, useId, useMemo, useRef, useState } from 'react';
import { useIntl } from 'react-intl';
import {
  DateField,
  DateInput,
  DateSegment,
  FieldError,
  Label,
  Text,
  TextArea,
  TextField as AriaTextField,
  ToggleButton,
  ToggleButtonGroup,
  type Key,
} from 'react-aria-components';
import { parseDate, type CalendarDate } from '@internationalized/date';
import { Save, X } from 'lucide-react';
import * as api from '../../api';
import type { CounselorWords, Goal, GoalArea } from '../../api';
import { Button } from '../../components/Button';
import { ConfirmDialog } from '../../components/Dialog';
import { LiveRegion, useAnnouncement } from '../../components/LiveRegion';
import { ScreenHeading } from '../../components/ScreenHeading';
import { Switch } from '../../components/Switch';
import { TextField } from '../../components/TextField';
import { useApp } from '../../app/AppContext';
import { usePendingSave } from '../../app/usePendingSave';
import type { MessageId } from '../../i18n';
import { CounselorWordsPanel } from './CounselorWords';
import { ReminderFields } from './ReminderFields';
import { StepsEditor, withEdits, type StepEdits } from './StepsEditor';
import { GoalSaver, type SaveGoal } from './saver';
import {
  AREAS,
  AREA_LABEL,
  EMPTY_FORM,
  LIMITS,
  formProblems,
  goalToForm,
  hasWords,
  stepRow,
  type FormProblem,
  type GoalForm,
} from './model';

export type GoalEditorProps = {
  /** The stored goal being changed; `null` for a new goal. */
  goal: Goal | null;
  /** Where the form starts (a stored goal's words, or a counselor's suggestion). */
  initial?: GoalForm;
  /** The counselor's words, kept visible beside the person's while they write their version. */
  counselorWords?: CounselorWords | null;
  /** Used for the first save instead of `save_goal` (taking a suggestion in their own words). */
  firstSave?: SaveGoal;
  heading: MessageId;
  onSaved: (goal: Goal) => void;
  onCancel: () => void;
};

function toDate(day: string | null): CalendarDate | null {
  if (!day) return null;
  try {
    return parseDate(day);
  } catch {
    return null;
  }
}

const PROBLEM_FIELD: Record<FormProblem['field'], string> = {
  title: 'goal-title',
  why: 'goal-why',
  step: 'goal-step-text',
  steps: 'goal-step-input',
};

/**
 * A goal in the person's own words: the title (the one thing it needs), why it matters, an area,
 * the steps (a manageable first one invited), a gentle date, "made with my counselor" and an
 * optional reminder. Saves are serialised (see saver.ts); nothing typed is lost if one fails.
 */
export function GoalEditor({ goal, initial, counselorWords, firstSave, heading, onSaved, onCancel }: GoalEditorProps) {
  const intl = useIntl();
  const { lockNow } = useApp();
  const ids = useId();
  const root = useRef<HTMLFormElement>(null);
  const [form, setForm] = useState<GoalForm>(initial ?? EMPTY_FORM);
  const [newStep, setNewStep] = useState('');
  const [showProblems, setShowProblems] = useState(false);
  const [problem, setProblem] = useState<api.ErrorCode | null>(null);
  const [saving, setSaving] = useState(false);
  const [leaving, setLeaving] = useState(false);
  const [dirty, setDirty] = useState(false);
  const { announcement, announce } = useAnnouncement();
  const [saver] = useState(
    () =>
      new GoalSaver({
        id: goal?.id ?? null,
        save: api.saveGoal,
        firstSave,
        // A stored goal opened as it is (not a counselor's idea about it) is stored already.
        stored: goal && !firstSave ? goalToForm(goal) : null,
      }),
  );
  // Words typed into step rows since the last save (see StepsEditor).
  const [edits] = useState<StepEdits>(() => new Map());
  // The form most recently handed to the saver: once it is stored and nothing changed since,
  // the editor is done.
  const submitted = useRef<GoalForm | null>(null);
  const latestForm = useRef(form);
  useEffect(() => {
    latestForm.current = form;
  });

  const change = useCallback((update: (f: GoalForm) => GoalForm) => {
    setForm(update);
    setDirty(true);
  }, []);
  const onSteps = useCallback((steps: GoalForm['steps']) => change((f) => ({ ...f, steps })), [change]);
  const onEdit = useCallback(() => setDirty(true), []);
  const announceInfo = useCallback((text: string) => announce(text, 'info'), [announce]);

  const problems = showProblems ? formProblems(form) : [];
  const titleProblem = problems.find((p) => p.field === 'title');
  const whyProblem = problems.find((p) => p.field === 'why');
  // One set per change of the form (the steps list is memoised on it).
  const tooLong = useMemo(
    () => new Set(showProblems ? formProblems(form).flatMap((p) => (p.field === 'step' ? [p.key] : [])) : []),
    [form, showProblems],
  );

  const save = async () => {
    // Words typed into rows, and a step typed but not added yet, are part of what they meant to save.
    let current = latestForm.current;
    if (edits.size > 0) {
      current = { ...current, steps: withEdits(current.steps, edits) };
      edits.clear();
    }
    if (newStep.trim() !== '') {
      current = { ...current, steps: [...current.steps, stepRow(newStep)] };
      setNewStep('');
    }
    if (current !== latestForm.current) {
      latestForm.current = current;
      setForm(current);
    }
    const found = formProblems(current);
    if (found.length > 0) {
      setShowProblems(true);
      const first = found[0]!;
      announce(intl.formatMessage({ id: problemMessage(first) }, { max: problemMax(first) }));
      // After the messages render, put the cursor where the first one is.
      requestAnimationFrame(() => {
        const selector = `[data-testid="${PROBLEM_FIELD[first.field]}"]`;
        const target =
          first.field === 'step'
            ? root.current?.querySelector<HTMLElement>(`[data-row="${first.key}"] ${selector}`)
            : root.current?.querySelector<HTMLElement>(selector);
        target?.focus();
      });
      return;
    }
    setShowProblems(false);
    setProblem(null);
    setSaving(true);
    submitted.current = current;
    try {
      const stored = await saver.save(current);
      if (submitted.current !== current) return; // a later Save is waiting for the same result
      setSaving(false);
      if (latestForm.current === current && edits.size === 0) {
        setDirty(false);
        onSaved(stored);
      } else {
        announce(intl.formatMessage({ id: 'goals.editor.savedKeepGoing' }), 'info');
      }
    } catch (error) {
      if (submitted.current !== current) return;
      setSaving(false);
      const code = api.isCommandFailure(error) ? error.code : 'internal';
      if (code === 'locked') {
        lockNow();
        return;
      }
      setProblem(code);
      announce(intl.formatMessage({ id: saveProblemMessage(code) }));
    }
  };

  // Before the vault locks, unsaved words are saved (the editor is gone by then: nothing is shown).
  // A new goal still without a title gets a neutral one; a stored goal whose title was cleared
  // keeps the one it has. A new goal without any words keeps nothing.
  const unnamed = intl.formatMessage({ id: 'goals.editor.unnamedTitle' });
  usePendingSave(dirty || newStep.trim() !== '', async () => {
    let current = latestForm.current;
    if (edits.size > 0) current = { ...current, steps: withEdits(current.steps, edits) };
    if (newStep.trim() !== '') current = { ...current, steps: [...current.steps, stepRow(newStep)] };
    if (goal === null && saver.goalId === null && !hasWords(current)) return;
    if (current.title.trim() === '') current = { ...current, title: saver.lastStored?.title ?? goal?.title ?? unnamed };
    // Over a limit, it could not be stored as it is (the backend would refuse it).
    if (formProblems(current).length > 0) return;
    await saver.flush(current);
  });

  const cancel = () => {
    if (dirty || newStep.trim() !== '') setLeaving(true);
    else onCancel();
  };

  const title = intl.formatMessage({ id: heading });

  return (
    <form
      ref={root}
      className="goal-editor"
      data-testid="goal-editor"
      aria-labelledby={`${ids}-heading`}
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
    >
      <ScreenHeading id={`${ids}-heading`}>{title}</ScreenHeading>
      <p className="lead goal-editor__lead">{intl.formatMessage({ id: 'goals.editor.lead' })}</p>

      {counselorWords ? <CounselorWordsPanel words={counselorWords} defaultOpen={goal === null || firstSave !== undefined} /> : null}

      <TextField
        label={intl.formatMessage({ id: 'goals.editor.title' })}
        description={intl.formatMessage({ id: 'goals.editor.titleHint' })}
        value={form.title}
        onChange={(value) => change((f) => ({ ...f, title: value }))}
        errorMessage={titleProblem ? intl.formatMessage({ id: problemMessage(titleProblem) }, { max: LIMITS.titleChars }) : undefined}
        autoComplete="off"
        focusOnMount={goal === null && !initial}
        className="goal-editor__title"
        testId="goal-title"
      />

      <AriaTextField
        className="field"
        value={form.why}
        onChange={(value) => change((f) => ({ ...f, why: value }))}
        isInvalid={whyProblem !== undefined}
        validationBehavior="aria"
      >
        <Label className="field__label">{intl.formatMessage({ id: 'goals.editor.why' })}</Label>
        <Text slot="description" className="field__description">
          {intl.formatMessage({ id: 'goals.editor.whyHint' })}
        </Text>
        <TextArea className="field__input goal-editor__why" rows={3} dir="auto" data-testid="goal-why" />
        <FieldError className="field__error">
          {intl.formatMessage({ id: 'goals.editor.whyTooLong' }, { max: LIMITS.whyChars })}
        </FieldError>
      </AriaTextField>

      <div className="field goal-editor__areas">
        <span className="field__label" id={`${ids}-area`}>
          {intl.formatMessage({ id: 'goals.editor.area' })}
        </span>
        <ToggleButtonGroup
          aria-labelledby={`${ids}-area`}
          selectionMode="single"
          selectedKeys={form.area ? [form.area] : []}
          onSelectionChange={(keys: Set<Key>) => {
            const next = [...keys][0];
            change((f) => ({ ...f, area: (next as GoalArea | undefined) ?? null }));
          }}
          className="words goal-editor__area-chips"
        >
          {AREAS.map((area) => (
            <ToggleButton key={area} id={area} className="chip" data-testid={`goal-area-${area}`}>
              {intl.formatMessage({ id: AREA_LABEL[area] })}
            </ToggleButton>
          ))}
        </ToggleButtonGroup>
      </div>

      <section className="goal-editor__steps" aria-labelledby={`${ids}-steps`}>
        <h2 id={`${ids}-steps`}>{intl.formatMessage({ id: 'goals.editor.steps' })}</h2>
        <StepsEditor
          steps={form.steps}
          onSteps={onSteps}
          edits={edits}
          onEdit={onEdit}
          newStep={newStep}
          onNewStep={setNewStep}
          tooLong={tooLong}
          announce={announceInfo}
        />
        {problems.some((p) => p.field === 'steps') ? (
          <p className="field__error">{intl.formatMessage({ id: 'goals.steps.full' }, { max: LIMITS.steps })}</p>
        ) : null}
      </section>

      <section className="goal-editor__more" aria-labelledby={`${ids}-more`}>
        <h2 id={`${ids}-more`}>{intl.formatMessage({ id: 'goals.editor.more' })}</h2>
        <div className="goal-editor__date">
          <DateField
            className="field"
            value={toDate(form.targetDate)}
            onChange={(value) => change((f) => ({ ...f, targetDate: value ? value.toString() : null }))}
            data-testid="goal-target-date"
          >
            <Label className="field__label">{intl.formatMessage({ id: 'goals.editor.date' })}</Label>
            <DateInput className="field__input date-input">
              {(segment) => <DateSegment segment={segment} className="date-input__segment" />}
            </DateInput>
            <Text slot="description" className="field__description">
              {intl.formatMessage({ id: 'goals.editor.dateHint' })}
            </Text>
          </DateField>
          {form.targetDate ? (
            <Button
              variant="quiet"
              icon={<X size={16} />}
              onPress={() => change((f) => ({ ...f, targetDate: null }))}
              data-testid="goal-target-date-clear"
            >
              {intl.formatMessage({ id: 'goals.editor.dateClear' })}
            </Button>
          ) : null}
        </div>
        <Switch
          isSelected={form.madeWithCounselor}
          onChange={(on) => change((f) => ({ ...f, madeWithCounselor: on }))}
          testId="goal-with-counselor"
        >
          {intl.formatMessage({ id: 'goals.editor.withCounselor' })}
        </Switch>
        <ReminderFields value={form.reminder} onChange={(reminder) => change((f) => ({ ...f, reminder }))} />
      </section>

      <LiveRegion announcement={announcement} testId="goal-editor-status" />
      {problem ? (
        <div className="note goal-editor__problem" data-testid="goal-save-problem">
          <Button variant="secondary" onPress={() => void save()} data-testid="goal-save-retry">
            {intl.formatMessage({ id: 'goals.editor.retry' })}
          </Button>
        </div>
      ) : null}

      <div className="actions goal-editor__actions">
        <Button variant="primary" type="submit" icon={<Save size={18} />} data-testid="goal-save">
          {intl.formatMessage({ id: saving ? 'goals.editor.saving' : goal ? 'goals.editor.saveChanges' : 'goals.editor.save' })}
        </Button>
        <Button variant="secondary" onPress={cancel} data-testid="goal-cancel">
          {intl.formatMessage({ id: 'goals.editor.cancel' })}
        </Button>
      </div>

      <ConfirmDialog
        isOpen={leaving}
        onOpenChange={setLeaving}
        title={intl.formatMessage({ id: 'goals.editor.leaveTitle' })}
        confirmLabel={intl.formatMessage({ id: 'goals.editor.leaveConfirm' })}
        cancelLabel={intl.formatMessage({ id: 'goals.editor.leaveCancel' })}
        onConfirm={onCancel}
        testId="goal-leave-dialog"
        confirmTestId="goal-leave-confirm"
      >
        <p>{intl.formatMessage({ id: 'goals.editor.leaveBody' })}</p>
      </ConfirmDialog>
    </form>
  );
}

function problemMessage(problem: FormProblem): MessageId {
  switch (problem.field) {
    case 'title':
      return problem.kind === 'empty' ? 'goals.editor.titleNeeded' : 'goals.editor.titleTooLong';
    case 'why':
      return 'goals.editor.whyTooLong';
    case 'step':
      return 'goals.step.tooLong';
    case 'steps':
      return 'goals.steps.full';
  }
}

function problemMax(problem: FormProblem): number {
  switch (problem.field) {
    case 'title':
      return LIMITS.titleChars;
    case 'why':
      return LIMITS.whyChars;
    case 'step':
      return LIMITS.stepChars;
    case 'steps':
      return LIMITS.steps;
  }
}

function saveProblemMessage(code: api.ErrorCode): MessageId {
  switch (code) {
    case 'invalid_input':
      return 'goals.editor.problem.invalid';
    case 'not_found':
      return 'goals.editor.problem.gone';
    case 'storage_full':
      return 'goals.editor.problem.full';
    default:
      return 'goals.editor.problem.save';
  }
}

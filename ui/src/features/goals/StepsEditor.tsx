import {
  memo,
  useEffect,
  useId,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type KeyboardEvent,
  type PointerEvent,
} from 'react';
import { useIntl } from 'react-intl';
import {
  Button as AriaButton,
  DropIndicator,
  GridList,
  GridListItem,
  Input,
  Label,
  ListLayout,
  Text,
  TextField as AriaTextField,
  useDragAndDrop,
  Virtualizer,
} from 'react-aria-components';
import { ArrowDown, ArrowUp, GripVertical, Plus, Trash2 } from 'lucide-react';
import { Button } from '../../components/Button';
import { LIMITS, moveKeys, moveRow, stepRow, type StepRow } from './model';

/**
 * Words typed into step rows that the editor's form doesn't hold yet, by row key. Typing in a row
 * changes only that row (not the whole list, which can be hundreds of rows long); the editor
 * folds these into its form when it saves (see `withEdits`).
 */
export type StepEdits = Map<string, string>;

export function withEdits(steps: readonly StepRow[], edits: ReadonlyMap<string, string>): StepRow[] {
  return steps.map((s) => {
    const text = edits.get(s.key);
    return text === undefined || text === s.text ? s : { ...s, text };
  });
}

export type StepsEditorProps = {
  steps: readonly StepRow[];
  onSteps: (steps: StepRow[]) => void;
  /** Row texts typed since the last save (owned by the editor, changed here). */
  edits: StepEdits;
  /** Called when a row's words change. */
  onEdit: () => void;
  /** What is typed in the "new step" field (saved with the goal even if not added yet). */
  newStep: string;
  onNewStep: (text: string) => void;
  /** Rows whose text is over the limit. */
  tooLong: ReadonlySet<string>;
  /** Says something to screen readers (and shows it): "Moved to 2 of 5." */
  announce: (text: string) => void;
};

type FocusRequest = { selector: string } | null;

/** One row as the list renders it. A new object only when something the row shows changed. */
type StepItem = { row: StepRow; index: number; last: boolean; over: boolean };

const LAYOUT = { estimatedRowSize: 60, gap: 8, dropIndicatorThickness: 4 };

/**
 * The goal's steps: one list, in order. Each row can be edited in place, moved up or down with
 * buttons (keyboard and pointer), dragged (pointer; or keyboard: Enter on the row's handle,
 * arrows, Enter), and removed. A field below adds a step; while there are none it asks for a
 * manageable first step. Only the rows in view are rendered, so hundreds of steps stay quick.
 */
export const StepsEditor = memo(function StepsEditor({
  steps,
  onSteps,
  edits,
  onEdit,
  newStep,
  onNewStep,
  tooLong,
  announce,
}: StepsEditorProps) {
  const intl = useIntl();
  const ids = useId();
  const root = useRef<HTMLDivElement>(null);
  const pendingFocus = useRef<FocusRequest>(null);
  // Rows render once and are reused while unchanged, so their handlers read the latest list here.
  const latest = useRef(steps);
  useLayoutEffect(() => {
    latest.current = steps;
  });
  const [cache] = useState(() => new WeakMap<StepRow, StepItem>());
  const items = useMemo(
    () =>
      steps.map((row, index) => {
        const last = index === steps.length - 1;
        const over = tooLong.has(row.key);
        const cached = cache.get(row);
        if (cached && cached.index === index && cached.last === last && cached.over === over) return cached;
        const item = { row, index, last, over };
        cache.set(row, item);
        return item;
      }),
    [steps, tooLong, cache],
  );

  // Move focus once the rows have re-rendered (after a move or a removal).
  useEffect(() => {
    const request = pendingFocus.current;
    if (!request) return;
    pendingFocus.current = null;
    root.current?.querySelector<HTMLElement>(request.selector)?.focus();
  });

  const full = steps.length >= LIMITS.steps;
  const first = steps.length === 0;

  const add = () => {
    if (newStep.trim() === '' || full) return;
    onSteps([...steps, stepRow(newStep)]);
    onNewStep('');
    announce(intl.formatMessage({ id: 'goals.step.added' }, { count: steps.length + 1 }));
  };

  const move = (key: string, by: -1 | 1) => {
    const list = latest.current;
    const index = list.findIndex((s) => s.key === key);
    const to = index + by;
    if (index < 0 || to < 0 || to >= list.length) return;
    onSteps(moveRow(list, index, to));
    // Focus stays on the moved row; at an end, on its other move button.
    const atEnd = to === 0 || to === list.length - 1;
    const button = atEnd ? (by === -1 ? 'down' : 'up') : by === -1 ? 'up' : 'down';
    pendingFocus.current = { selector: `[data-focus="${button}-${key}"]` };
    announce(intl.formatMessage({ id: 'goals.step.moved' }, { position: to + 1, count: list.length }));
  };

  const remove = (key: string) => {
    const list = latest.current;
    const index = list.findIndex((s) => s.key === key);
    const next = list.filter((s) => s.key !== key);
    edits.delete(key);
    onSteps(next);
    const neighbour = next[index] ?? next[index - 1];
    pendingFocus.current = neighbour
      ? { selector: `[data-focus="remove-${neighbour.key}"]` }
      : { selector: '[data-focus="new-step"]' };
    announce(intl.formatMessage({ id: 'goals.step.removed' }));
  };

  const { dragAndDropHooks } = useDragAndDrop<StepItem>({
    getItems: (keys) =>
      [...keys].map((key) => {
        const row = latest.current.find((s) => s.key === key);
        return { 'text/plain': edits.get(String(key)) ?? row?.text ?? '' };
      }),
    onReorder: (event) => {
      const { target } = event;
      if (target.dropPosition === 'on') return;
      const moved = moveKeys(latest.current, new Set([...event.keys].map(String)), String(target.key), target.dropPosition);
      onSteps(moved);
      const at = moved.findIndex((s) => event.keys.has(s.key));
      announce(intl.formatMessage({ id: 'goals.step.moved' }, { position: at + 1, count: moved.length }));
    },
    renderDropIndicator: (target) => <DropIndicator target={target} className="step-drop" />,
  });

  const onNewStepKey = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter') {
      event.preventDefault();
      add();
    }
  };

  return (
    <div ref={root} className="steps-editor">
      {steps.length > 0 ? (
        <Virtualizer layout={ListLayout} layoutOptions={LAYOUT}>
          <GridList
            aria-label={intl.formatMessage({ id: 'goals.steps.listLabel' })}
            items={items}
            dragAndDropHooks={dragAndDropHooks}
            keyboardNavigationBehavior="tab"
            selectionMode="none"
            disallowTypeAhead
            className="steps-list"
            data-testid="goal-steps"
          >
            {({ row, index, last, over }) => {
              const label = intl.formatMessage({ id: 'goals.step.label' }, { number: index + 1 });
              return (
                <GridListItem id={row.key} textValue={row.text.trim() || label} className="step-row" data-testid="goal-step" data-row={row.key}>
                  <AriaButton
                    slot="drag"
                    className="step-row__handle"
                    aria-label={intl.formatMessage({ id: 'goals.step.drag' }, { step: label })}
                  >
                    <GripVertical size={18} aria-hidden="true" />
                  </AriaButton>
                  <StepText rowKey={row.key} initial={row.text} label={label} over={over} edits={edits} onEdit={onEdit} />
                  {row.done ? <span className="step-row__done">{intl.formatMessage({ id: 'goals.step.doneMark' })}</span> : null}
                  <span className="step-row__controls">
                    <Button
                      variant="quiet"
                      icon={<ArrowUp size={16} />}
                      isDisabled={index === 0}
                      onPress={() => move(row.key, -1)}
                      data-testid="goal-step-up"
                      data-focus={`up-${row.key}`}
                    >
                      {intl.formatMessage({ id: 'goals.step.up' })}
                      <span className="visually-hidden">{`: ${label}`}</span>
                    </Button>
                    <Button
                      variant="quiet"
                      icon={<ArrowDown size={16} />}
                      isDisabled={last}
                      onPress={() => move(row.key, 1)}
                      data-testid="goal-step-down"
                      data-focus={`down-${row.key}`}
                    >
                      {intl.formatMessage({ id: 'goals.step.down' })}
                      <span className="visually-hidden">{`: ${label}`}</span>
                    </Button>
                    <Button
                      variant="quiet"
                      icon={<Trash2 size={16} />}
                      onPress={() => remove(row.key)}
                      data-testid="goal-step-remove"
                      data-focus={`remove-${row.key}`}
                    >
                      {intl.formatMessage({ id: 'goals.step.remove' })}
                      <span className="visually-hidden">{`: ${label}`}</span>
                    </Button>
                  </span>
                </GridListItem>
              );
            }}
          </GridList>
        </Virtualizer>
      ) : null}
      {steps.length > 1 ? <p className="muted steps-editor__hint">{intl.formatMessage({ id: 'goals.steps.reorderHint' })}</p> : null}
      <div className="steps-editor__add">
        <AriaTextField className="field steps-editor__new" value={newStep} onChange={onNewStep} isDisabled={full}>
          <Label className="field__label">
            {intl.formatMessage({ id: first ? 'goals.editor.firstStep' : 'goals.editor.newStep' })}
          </Label>
          {first ? (
            <Text slot="description" className="field__description">
              {intl.formatMessage({ id: 'goals.editor.firstStepHint' })}
            </Text>
          ) : null}
          <div className="field__row">
            <Input
              className="field__input"
              dir="auto"
              autoComplete="off"
              onKeyDown={onNewStepKey}
              data-testid={first ? 'goal-first-step' : 'goal-step-input'}
              data-focus="new-step"
            />
            <Button variant="secondary" icon={<Plus size={18} />} onPress={add} isDisabled={full} data-testid="goal-step-add">
              {intl.formatMessage({ id: first ? 'goals.editor.addFirstStep' : 'goals.editor.addStep' })}
            </Button>
          </div>
        </AriaTextField>
        {full ? (
          <p className="note note--notice" id={`${ids}-full`}>
            {intl.formatMessage({ id: 'goals.steps.full' }, { max: LIMITS.steps })}
          </p>
        ) : null}
      </div>
    </div>
  );
});

/**
 * The row can be dragged with the pointer (React Aria makes the whole row draggable), which would
 * turn selecting words in its field with the mouse into dragging the row. For a press that starts
 * in the field, the row stops being draggable until the pointer is released.
 */
function keepTextSelectable(event: PointerEvent<HTMLInputElement>) {
  const row = event.currentTarget.closest<HTMLElement>('[draggable="true"]');
  if (!row) return;
  row.draggable = false;
  const restore = () => {
    row.draggable = true;
    document.removeEventListener('pointerup', restore, true);
    document.removeEventListener('pointercancel', restore, true);
  };
  document.addEventListener('pointerup', restore, true);
  document.addEventListener('pointercancel', restore, true);
}

/** A step's words, edited in place. Keeps its own state so typing re-renders only this row. */
function StepText({
  rowKey,
  initial,
  label,
  over,
  edits,
  onEdit,
}: {
  rowKey: string;
  initial: string;
  label: string;
  over: boolean;
  edits: StepEdits;
  onEdit: () => void;
}) {
  const intl = useIntl();
  // A row scrolled back into view picks up what was typed in it before.
  const [text, setText] = useState(() => edits.get(rowKey) ?? initial);
  return (
    <AriaTextField
      className="step-row__field"
      value={text}
      onChange={(value) => {
        setText(value);
        edits.set(rowKey, value);
        onEdit();
      }}
      aria-label={label}
      isInvalid={over}
      validationBehavior="aria"
    >
      <Input
        className="field__input step-row__input"
        dir="auto"
        autoComplete="off"
        onPointerDown={keepTextSelectable}
        data-testid="goal-step-text"
      />
      {over ? (
        <Text slot="errorMessage" className="field__error">
          {intl.formatMessage({ id: 'goals.step.tooLong' }, { max: LIMITS.stepChars })}
        </Text>
      ) : null}
    </AriaTextField>
  );
}

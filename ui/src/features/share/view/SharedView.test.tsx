import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { SharedItem } from '../../../api';
import { expectNoAxeViolations } from '../../../test/render';
import { SharedHeader, SharedItemView, SharedView } from './SharedView';
import {
  FULL_ENTRY,
  FULL_PAYLOAD,
  GOAL_CHECKIN_ENTRY,
  GOAL_ITEM,
  IDENTITY_ENTRY,
  INSIGHTS_ITEM,
  PLAN_ITEM,
  payloadWith,
  renderView,
} from './testSupport';

const BARE_ENTRY: SharedItem = {
  type: 'entry',
  kind: 'free',
  day: '2025-03-01',
  createdAt: '2025-03-01T10:00:00-05:00',
  title: null,
  body: null,
  feelings: null,
  goingOn: null,
  helped: null,
  tags: null,
  prompt: null,
  goal: null,
  identity: null,
};

describe('SharedHeader', () => {
  it('says who it is from, with pronouns, when it was made and the note', () => {
    renderView(<SharedHeader payload={FULL_PAYLOAD} />);
    const header = screen.getByTestId('shared-header');
    expect(within(header).getByTestId('shared-from-name')).toHaveTextContent('Sam');
    expect(within(header).getByTestId('shared-from-pronouns')).toHaveTextContent('(they/them)');
    expect(within(header).getByTestId('shared-created')).toHaveTextContent('Shared on Thursday, March 6, 2025 at 4:30 PM');
    expect(within(header).getByTestId('shared-note')).toHaveTextContent('For Thursday');
  });

  it('says the name was left out, and shows no pronouns or note when there are none', () => {
    renderView(<SharedHeader payload={payloadWith([], { name: null, pronouns: null, note: null })} />);
    expect(screen.getByTestId('shared-from-name')).toHaveTextContent('Name left out');
    expect(screen.queryByTestId('shared-from-pronouns')).not.toBeInTheDocument();
    expect(screen.queryByTestId('shared-note')).not.toBeInTheDocument();
  });

  it('speaks Spanish', () => {
    renderView(<SharedHeader payload={payloadWith([], { name: null })} />, { locale: 'es' });
    expect(screen.getByTestId('shared-from-name')).toHaveTextContent('Sin nombre');
    expect(screen.getByTestId('shared-created')).toHaveTextContent(/^Compartido el jueves, 6 de marzo de 2025 a las/);
  });
});

describe('SharedItemView', () => {
  it('shows every part of an entry that went, its body as Markdown', () => {
    renderView(<SharedItemView item={FULL_ENTRY} />);
    const item = screen.getByTestId('shared-item');
    expect(item).toHaveAttribute('data-kind', 'checkin');
    expect(within(item).getByTestId('shared-kind')).toHaveTextContent('Check-in');
    expect(within(item).getByTestId('shared-day')).toHaveTextContent('Monday, March 3, 2025');
    expect(within(item).getByTestId('shared-title')).toHaveTextContent('A long Monday');
    expect(within(item).getByTestId('shared-prompt')).toHaveTextContent('What felt heavy today?');
    const body = within(item).getByTestId('shared-body');
    expect(body.querySelector('strong')).toHaveTextContent('tired');
    expect(within(body).getAllByRole('listitem').map((li) => li.textContent)).toEqual(['went for a walk', 'called Ana']);
    const feelings = within(within(item).getByTestId('shared-feelings')).getAllByRole('listitem');
    expect(feelings.map((li) => li.textContent)).toEqual(['Tired — a lot', 'Calm — a little']);
    expect(within(item).getByTestId('shared-going-on')).toHaveTextContent('Exams this week');
    expect(within(item).getByTestId('shared-helped')).toHaveTextContent('Music with headphones');
    expect(within(within(item).getByTestId('shared-tags')).getAllByRole('listitem').map((li) => li.textContent)).toEqual([
      '#school',
      '#sleep',
    ]);
    expect(within(item).queryByTestId('shared-goal')).not.toBeInTheDocument();
    expect(within(item).queryByTestId('shared-identity')).not.toBeInTheDocument();
  });

  it('renders nothing at all for parts left out (no placeholder)', () => {
    renderView(<SharedItemView item={BARE_ENTRY} />);
    const item = screen.getByTestId('shared-item');
    for (const id of ['shared-title', 'shared-body', 'shared-feelings', 'shared-going-on', 'shared-helped', 'shared-tags', 'shared-prompt', 'shared-goal', 'shared-identity']) {
      expect(within(item).queryByTestId(id)).not.toBeInTheDocument();
    }
    expect(item).toHaveTextContent(/^Journal entry · Saturday, March 1, 2025$/);
  });

  it("shows a goal check-in's goal, what got in the way and the next step", () => {
    renderView(<SharedItemView item={GOAL_CHECKIN_ENTRY} />);
    expect(screen.getByTestId('shared-kind')).toHaveTextContent('Goal check-in');
    const goal = screen.getByTestId('shared-goal');
    expect(goal).toHaveTextContent('About the goal: Sleep better');
    expect(goal).toHaveTextContent('What got in the wayMy phone');
    expect(goal).toHaveTextContent('The next stepCharge it in the kitchen');
    expect(screen.getByTestId('shared-body')).toHaveTextContent('Went to bed at 11.');
  });

  it('shows an identity entry as from the identity space, with what was tried and how it felt', () => {
    renderView(<SharedItemView item={IDENTITY_ENTRY} />);
    expect(screen.getByTestId('shared-kind')).toHaveTextContent('Identity try-on');
    expect(screen.getByTestId('shared-identity')).toHaveTextContent('Tried River · they/them — felt: euphoric');
    const reflection: SharedItem = { ...IDENTITY_ENTRY, identity: { kind: 'reflection', name: null, pronouns: null, felt: null, moment: null } };
    renderView(<SharedItemView item={reflection} />);
    expect(screen.getAllByTestId('shared-kind')[1]).toHaveTextContent('Identity reflection');
    expect(screen.getAllByTestId('shared-identity')[1]).toHaveTextContent('Written in the identity space');
  });

  it('shows a goal with its status, area, why, steps with done marks and check-ins', () => {
    renderView(<SharedItemView item={GOAL_ITEM} />);
    const item = screen.getByTestId('shared-item');
    expect(item).toHaveAttribute('data-kind', 'goal');
    expect(within(item).getByTestId('shared-goal-title')).toHaveTextContent('Sleep better');
    expect(within(item).getByTestId('shared-goal-area')).toHaveTextContent('Body');
    expect(within(item).getByTestId('shared-goal-status')).toHaveTextContent('Working on it');
    expect(within(item).getByTestId('shared-goal-with-counselor')).toHaveTextContent('Made with my counselor');
    expect(within(item).getByTestId('shared-goal-why')).toHaveTextContent('I want more energy for school');
    const steps = within(within(item).getByTestId('shared-goal-steps')).getAllByRole('listitem');
    expect(steps.map((li) => [li.textContent, li.getAttribute('data-done')])).toEqual([
      ['Done:Phone out of the room', 'true'],
      ['Not done yet:Bed by 11', 'false'],
    ]);
    const checkins = within(item).getByTestId('shared-goal-checkins');
    expect(checkins).toHaveTextContent('Tuesday, March 4, 2025');
    expect(checkins).toHaveTextContent('How it wentWent to bed at 11.');
    expect(checkins).toHaveTextContent('What got in the wayMy phone');
  });

  it('leaves out what a goal did not share', () => {
    renderView(<SharedItemView item={{ ...GOAL_ITEM, why: null, steps: null, checkins: null, area: null, madeWithCounselor: false }} />);
    expect(screen.getByTestId('shared-goal-title')).toBeInTheDocument();
    for (const id of ['shared-goal-why', 'shared-goal-steps', 'shared-goal-checkins', 'shared-goal-area', 'shared-goal-with-counselor']) {
      expect(screen.queryByTestId(id)).not.toBeInTheDocument();
    }
  });

  it('shows a feelings summary: the range, the counts and the top feelings', () => {
    renderView(<SharedItemView item={INSIGHTS_ITEM} />);
    expect(screen.getByTestId('shared-item')).toHaveAttribute('data-kind', 'insights');
    expect(screen.getByTestId('shared-insights-range')).toHaveTextContent('February 1, 2025 to March 2, 2025');
    expect(screen.getByTestId('shared-insights-counts')).toHaveTextContent('12 journal entries and 1 check-in in this time.');
    const feelings = within(screen.getByTestId('shared-insights-feelings')).getAllByRole('listitem');
    expect(feelings.map((li) => li.textContent)).toEqual(['Tired — 5 times', 'Hopeful — 2 times']);
  });

  it("shows the safety plan's sections under the plan's own headings", () => {
    renderView(<SharedItemView item={PLAN_ITEM} />);
    const sections = screen.getAllByTestId('shared-plan-section');
    expect(sections.map((s) => s.getAttribute('data-section'))).toEqual(['warning_signs', 'people_to_ask']);
    expect(within(sections[0]!).getByRole('heading')).toHaveTextContent('Signs a hard time might be coming');
    expect(sections[0]).toHaveTextContent("I can't sleep");
    expect(within(sections[1]!).getByRole('heading')).toHaveTextContent('People I can ask for help');
    expect(sections[1]).toHaveTextContent('Aunt Rosa — 555 0101');
  });
});

describe('SharedView', () => {
  it('shows the header and every item in the payload order, and passes axe', async () => {
    renderView(<SharedView payload={FULL_PAYLOAD} />);
    const view = screen.getByTestId('shared-view');
    expect(view).toHaveAttribute('data-size', 'normal');
    expect(within(view).getByTestId('shared-header')).toBeInTheDocument();
    expect(within(view).getAllByTestId('shared-item').map((el) => el.getAttribute('data-kind'))).toEqual([
      'checkin',
      'goal_checkin',
      'reflection',
      'goal',
      'insights',
      'safety_plan',
    ]);
    await expectNoAxeViolations();
  });

  it('has a large size for showing in a session', () => {
    renderView(<SharedView payload={FULL_PAYLOAD} size="large" />);
    const view = screen.getByTestId('shared-view');
    expect(view).toHaveAttribute('data-size', 'large');
    expect(view).toHaveClass('shared-size--large');
    for (const item of screen.getAllByTestId('shared-item')) expect(item).toHaveClass('shared-size--large');
  });

  it('shows what a share says as plain text: no HTML, no message syntax, emoji and right-to-left as typed', () => {
    const script = '<script>window.__pwned = true</script>';
    const img = '<img src=x onerror="window.__pwned = true">';
    const rtl = 'مرحبا بالعالم שלום';
    const payload = payloadWith(
      [
        {
          ...FULL_ENTRY,
          title: `${img} {name} 🌧️`,
          body: `${script}\n\n${img} and {name} 🌈\n\n${rtl}`,
          feelings: [{ word: '<b>{feeling}</b>', intensity: 3 }],
          goingOn: script,
          helped: '{count, plural, one {#} other {#}}',
          tags: ['<i>tag</i>'],
          prompt: rtl,
        },
        { ...GOAL_ITEM, title: script, why: img, steps: [{ text: '{name}', done: false }] },
        { ...PLAN_ITEM, sections: [{ section: 'warning_signs', items: [img] }] },
      ],
      { name: '<script>alert(1)</script>', note: `{name} ${img} 💜 ${rtl}` },
    );
    const { container } = renderView(<SharedView payload={payload} />);
    expect(container.querySelector('script')).toBeNull();
    expect(container.querySelector('img')).toBeNull();
    expect(container.querySelector('b, i')).toBeNull();
    expect((window as unknown as { __pwned?: boolean }).__pwned).toBeUndefined();
    expect(screen.getByTestId('shared-from-name')).toHaveTextContent('<script>alert(1)</script>');
    expect(screen.getByTestId('shared-note')).toHaveTextContent(`{name} ${img} 💜 ${rtl}`);
    expect(screen.getByTestId('shared-title')).toHaveTextContent(`${img} {name} 🌧️`);
    const body = screen.getByTestId('shared-body');
    expect(body).toHaveTextContent(script);
    expect(body).toHaveTextContent(`${img} and {name} 🌈`);
    expect(body).toHaveTextContent(rtl);
    expect(body.querySelector('[dir="auto"]')).not.toBeNull();
    expect(screen.getByTestId('shared-feelings')).toHaveTextContent('<b>{feeling}</b> — quite a bit');
    expect(screen.getByTestId('shared-going-on')).toHaveTextContent(script);
    expect(screen.getByTestId('shared-helped')).toHaveTextContent('{count, plural, one {#} other {#}}');
    expect(screen.getByTestId('shared-tags')).toHaveTextContent('#<i>tag</i>');
    expect(screen.getByTestId('shared-prompt')).toHaveTextContent(rtl);
    expect(screen.getByTestId('shared-goal-title')).toHaveTextContent(script);
    expect(screen.getByTestId('shared-goal-why')).toHaveTextContent(img);
    expect(screen.getByTestId('shared-goal-steps')).toHaveTextContent('{name}');
    expect(screen.getByTestId('shared-plan-section')).toHaveTextContent(img);
  });

  it('speaks Spanish, kinds and parts included', () => {
    renderView(<SharedView payload={FULL_PAYLOAD} />, { locale: 'es' });
    const kinds = screen.getAllByTestId('shared-kind').map((el) => el.textContent);
    expect(kinds).toEqual(['Registro de emociones', 'Avance de meta', 'Prueba de identidad', 'Meta', 'Un resumen de sentimientos', 'Plan de seguridad']);
    expect(screen.getByTestId('shared-feelings')).toHaveTextContent('Tired: mucho');
    expect(screen.getByTestId('shared-goal-status')).toHaveTextContent('En marcha');
    expect(screen.getByTestId('shared-goal-with-counselor')).toHaveTextContent('Hecha con la persona que me acompaña en consejería');
  });
});

//! Goals: self-chosen goals with manageable steps, goal check-ins (journal entries of kind
//! `goal_checkin`), counselor proposals the person decides on, and reminder settings.
//!
//! Plain Rust, no Tauri (see `ARCHITECTURE.md`).

mod model;

pub use model::{
    CounselorWords, Goal, GoalArea, GoalCheckinPart, GoalDetail, GoalDraft, GoalReminder,
    GoalStatus, GoalStep, Proposal, ProposalDecision, ProposalDraft, ProposalKind, ProposalOutcome,
    ProposalStatus, ReminderSettings, StepDraft,
};

//! TypeScript types for every value that crosses the IPC boundary, generated from the Rust
//! types with ts-rs into one file, `ui/src/api/bindings.ts`.
//!
//! `cargo test bindings_are_current` fails when the committed file differs from what the Rust
//! types say; `UPDATE_BINDINGS=1 cargo test bindings_are_current` rewrites it.

use ts_rs::{Config, TS};

use super::app::AppStatus;
use super::backup::BackupStatus;
use super::error::{CommandError, ErrorCode};
use super::sharing::{WriteShareInput, WriteShareResult, WriteSuggestionsInput};
use super::vault::{CreateVaultInput, CreatedVault};
use crate::backup::{
    BackupFile, BackupKind, BackupPlace, BackupSecret, BackupSummary, ExportFormat, ExportInput,
    ExportResult, JobKind, JobProgress,
};
use crate::goals::{
    CounselorWords, Goal, GoalArea, GoalCheckinPart, GoalDetail, GoalDraft, GoalReminder,
    GoalStatus, GoalStep, Proposal, ProposalDecision, ProposalDraft, ProposalKind, ProposalOutcome,
    ProposalStatus, ReminderSettings, StepDraft,
};
use crate::identity::{
    IdentityKind, IdentityPart, IdentityTimeline, IdentityTimelineItem, IdentityTimelineQuery,
    MomentKind, TriedSummary,
};
use crate::journal::{
    Checkin, CustomFeeling, CustomPrompt, DayStat, Entry, EntryDraft, EntryFilter, EntryKind,
    EntrySummary, FeelingCount, FeelingPick, Insights, JournalLibrary, SearchHit, SearchQuery,
    SearchResults, SnippetPart, SnoozedPrompt, TagCount, TagMood, TimelineCursor, TimelinePage,
    TimelineQuery,
};
use crate::prefs::{Accent, Language, Mode, Prefs, Theme};
use crate::safety::{SafetyContact, SafetyPlan};
use crate::sharing::{
    Contact, ContactDraft, ContactRole, EntryParts, EntryPick, FeelingTally, GoalParts, GoalPick,
    ImportOutcome, InboxShare, InsightsPick, KeyQr, MyKey, PayloadKind, SafetyPlanPick, Sender,
    ShareLock, ShareLogEntry, ShareLogItem, ShareMethod, SharePayload, ShareSelection,
    SharedFeeling, SharedGoalCheckin, SharedItem, SharedPlanSection, SharedStep, Suggestion,
};
use crate::vault::{
    KeychainStatus, Profile, PronounSet, SharedAddressing, SpanishAddressing, SpanishEnding,
};

/// Where the generated file lives, relative to the repository root.
pub const BINDINGS_PATH: &str = "ui/src/api/bindings.ts";

fn declare<T: TS>(cfg: &Config, out: &mut String) {
    out.push_str("export ");
    out.push_str(&T::decl(cfg));
    out.push_str("\n\n");
}

/// The whole generated file.
pub fn typescript_bindings() -> String {
    let cfg = Config::new();
    let mut out = String::from(
        "// Generated from the Rust types by `UPDATE_BINDINGS=1 cargo test bindings_are_current`.\n\
         // Do not edit by hand: change the Rust type, then regenerate.\n\n",
    );
    declare::<ErrorCode>(&cfg, &mut out);
    declare::<CommandError>(&cfg, &mut out);
    declare::<Mode>(&cfg, &mut out);
    declare::<Language>(&cfg, &mut out);
    declare::<Theme>(&cfg, &mut out);
    declare::<Accent>(&cfg, &mut out);
    declare::<Prefs>(&cfg, &mut out);
    declare::<KeychainStatus>(&cfg, &mut out);
    declare::<AppStatus>(&cfg, &mut out);
    declare::<PronounSet>(&cfg, &mut out);
    declare::<SharedAddressing>(&cfg, &mut out);
    declare::<SpanishEnding>(&cfg, &mut out);
    declare::<SpanishAddressing>(&cfg, &mut out);
    declare::<Profile>(&cfg, &mut out);
    declare::<IdentityKind>(&cfg, &mut out);
    declare::<MomentKind>(&cfg, &mut out);
    declare::<IdentityPart>(&cfg, &mut out);
    declare::<IdentityTimelineQuery>(&cfg, &mut out);
    declare::<IdentityTimelineItem>(&cfg, &mut out);
    declare::<TriedSummary>(&cfg, &mut out);
    declare::<IdentityTimeline>(&cfg, &mut out);
    declare::<CreateVaultInput>(&cfg, &mut out);
    declare::<CreatedVault>(&cfg, &mut out);
    declare::<SafetyContact>(&cfg, &mut out);
    declare::<SafetyPlan>(&cfg, &mut out);
    declare::<EntryKind>(&cfg, &mut out);
    declare::<FeelingPick>(&cfg, &mut out);
    declare::<Checkin>(&cfg, &mut out);
    declare::<EntryDraft>(&cfg, &mut out);
    declare::<Entry>(&cfg, &mut out);
    declare::<EntrySummary>(&cfg, &mut out);
    declare::<EntryFilter>(&cfg, &mut out);
    declare::<TimelineCursor>(&cfg, &mut out);
    declare::<TimelineQuery>(&cfg, &mut out);
    declare::<TimelinePage>(&cfg, &mut out);
    declare::<SearchQuery>(&cfg, &mut out);
    declare::<SnippetPart>(&cfg, &mut out);
    declare::<SearchHit>(&cfg, &mut out);
    declare::<SearchResults>(&cfg, &mut out);
    declare::<DayStat>(&cfg, &mut out);
    declare::<FeelingCount>(&cfg, &mut out);
    declare::<TagMood>(&cfg, &mut out);
    declare::<Insights>(&cfg, &mut out);
    declare::<TagCount>(&cfg, &mut out);
    declare::<CustomFeeling>(&cfg, &mut out);
    declare::<CustomPrompt>(&cfg, &mut out);
    declare::<SnoozedPrompt>(&cfg, &mut out);
    declare::<JournalLibrary>(&cfg, &mut out);
    declare::<GoalArea>(&cfg, &mut out);
    declare::<GoalStatus>(&cfg, &mut out);
    declare::<GoalReminder>(&cfg, &mut out);
    declare::<GoalStep>(&cfg, &mut out);
    declare::<StepDraft>(&cfg, &mut out);
    declare::<GoalDraft>(&cfg, &mut out);
    declare::<CounselorWords>(&cfg, &mut out);
    declare::<Goal>(&cfg, &mut out);
    declare::<GoalCheckinPart>(&cfg, &mut out);
    declare::<GoalDetail>(&cfg, &mut out);
    declare::<ProposalKind>(&cfg, &mut out);
    declare::<ProposalStatus>(&cfg, &mut out);
    declare::<Proposal>(&cfg, &mut out);
    declare::<ProposalDraft>(&cfg, &mut out);
    declare::<ProposalDecision>(&cfg, &mut out);
    declare::<ProposalOutcome>(&cfg, &mut out);
    declare::<ReminderSettings>(&cfg, &mut out);
    declare::<BackupKind>(&cfg, &mut out);
    declare::<BackupPlace>(&cfg, &mut out);
    declare::<BackupFile>(&cfg, &mut out);
    declare::<BackupStatus>(&cfg, &mut out);
    declare::<JobKind>(&cfg, &mut out);
    declare::<JobProgress>(&cfg, &mut out);
    declare::<BackupSecret>(&cfg, &mut out);
    declare::<BackupSummary>(&cfg, &mut out);
    declare::<ExportFormat>(&cfg, &mut out);
    declare::<ExportInput>(&cfg, &mut out);
    declare::<ExportResult>(&cfg, &mut out);
    declare::<MyKey>(&cfg, &mut out);
    declare::<ContactRole>(&cfg, &mut out);
    declare::<Contact>(&cfg, &mut out);
    declare::<ContactDraft>(&cfg, &mut out);
    declare::<EntryParts>(&cfg, &mut out);
    declare::<EntryPick>(&cfg, &mut out);
    declare::<GoalParts>(&cfg, &mut out);
    declare::<GoalPick>(&cfg, &mut out);
    declare::<SafetyPlanPick>(&cfg, &mut out);
    declare::<InsightsPick>(&cfg, &mut out);
    declare::<ShareSelection>(&cfg, &mut out);
    declare::<PayloadKind>(&cfg, &mut out);
    declare::<Sender>(&cfg, &mut out);
    declare::<SharedFeeling>(&cfg, &mut out);
    declare::<SharedGoalCheckin>(&cfg, &mut out);
    declare::<SharedStep>(&cfg, &mut out);
    declare::<FeelingTally>(&cfg, &mut out);
    declare::<SharedPlanSection>(&cfg, &mut out);
    declare::<SharedItem>(&cfg, &mut out);
    declare::<Suggestion>(&cfg, &mut out);
    declare::<SharePayload>(&cfg, &mut out);
    declare::<ShareLock>(&cfg, &mut out);
    declare::<ShareMethod>(&cfg, &mut out);
    declare::<ShareLogItem>(&cfg, &mut out);
    declare::<ShareLogEntry>(&cfg, &mut out);
    declare::<ImportOutcome>(&cfg, &mut out);
    declare::<InboxShare>(&cfg, &mut out);
    declare::<WriteShareInput>(&cfg, &mut out);
    declare::<WriteSuggestionsInput>(&cfg, &mut out);
    declare::<WriteShareResult>(&cfg, &mut out);
    declare::<KeyQr>(&cfg, &mut out);
    out.truncate(out.trim_end().len());
    out.push('\n');
    out
}

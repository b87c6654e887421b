//! Reminders: the app-wide settings (a daily check-in, quiet hours), the *schedule* they make
//! with the reminders of active goals, when each reminder last fired, and the pure decision of
//! what is due at a given moment.
//!
//! The schedule holds times and weekdays only (no goal ids, titles or any other text), so it
//! can be mirrored outside the encrypted vault (`mirror.rs`, `reminders.json`) and checked while
//! the journal is locked. The command layer runs [`due`] on that mirror about once a minute for
//! the app's whole life and shows at most one notification, whose words are always
//! [`notification_text`]: neutral, never a goal's or an entry's words.
//!
//! Rules of [`due`]:
//! - a reminder is due at its time on its weekdays (none listed: every day), local time, and
//!   stays due for [`GRACE_MINUTES`] (a computer that was asleep does not get a reminder hours
//!   late); it fires once per occurrence;
//! - goal reminders only for active goals (never paused, done or let go): [`schedule`] leaves
//!   the others out;
//! - nothing is shown inside quiet hours (`from`–`to`, which may wrap past midnight: `to` is
//!   not inside); a reminder that came due during quiet hours is shown when they end, if it is
//!   still within its grace time;
//! - at most one notification at a time: everything due now is covered by one notification,
//!   and what comes due within [`MIN_GAP_MINUTES`] after a notification is covered by it too.

use std::collections::BTreeMap;

use chrono::{Datelike, Duration, NaiveDateTime, NaiveTime, Timelike};
use rusqlite::Connection;
use serde::{Deserialize, Serialize};

use super::model::{GoalReminder, GoalStatus, ReminderSettings};
use super::validate::{clean_reminder_settings, parse_time};
use super::Result;
use crate::prefs::Language;
use crate::vault::settings::{load_json, save_json};

const SETTINGS_KEY: &str = "goal_reminders";

/// How long after its time a reminder may still be shown.
pub const GRACE_MINUTES: i64 = 30;
/// No second notification within this many minutes of the last one.
pub const MIN_GAP_MINUTES: i64 = 30;

/// The log key of the daily check-in.
pub const DAILY_KEY: &str = "daily";

/// The stored reminder settings, or none set.
pub fn load_reminder_settings(conn: &Connection) -> Result<ReminderSettings> {
    Ok(load_json(conn, SETTINGS_KEY, "reminder settings")?.unwrap_or_default())
}

/// Checks and stores the settings; returns what was stored. Nothing is written on a bad value.
pub fn save_reminder_settings(
    conn: &Connection,
    settings: ReminderSettings,
) -> Result<ReminderSettings> {
    let clean = clean_reminder_settings(settings)?;
    save_json(conn, SETTINGS_KEY, &clean)?;
    Ok(clean)
}

/// When reminders fire: the daily check-in, quiet hours, and the active goals' reminders.
/// Times (`HH:MM`) and weekdays only; which goal a reminder belongs to is not part of it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct Schedule {
    /// The daily check-in at `HH:MM`, if set.
    pub daily_checkin: Option<String>,
    /// Quiet hours `HH:MM`–`HH:MM` (both or neither).
    pub quiet_from: Option<String>,
    pub quiet_to: Option<String>,
    /// The active goals' reminders; goals with the same days and time share one, so the list
    /// is sorted and has no duplicates.
    pub reminders: Vec<GoalReminder>,
}

/// One goal's reminder as the schedule needs it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GoalReminderState {
    pub status: GoalStatus,
    pub reminder: GoalReminder,
}

/// The schedule made by these settings and goals: only active goals remind.
pub fn schedule(settings: &ReminderSettings, goals: &[GoalReminderState]) -> Schedule {
    let mut reminders: Vec<GoalReminder> = goals
        .iter()
        .filter(|g| g.status == GoalStatus::Active)
        .map(|g| g.reminder.clone())
        .collect();
    reminders.sort_by(|a, b| (&a.time, &a.weekdays).cmp(&(&b.time, &b.weekdays)));
    reminders.dedup();
    Schedule {
        daily_checkin: settings.daily_checkin.clone(),
        quiet_from: settings.quiet_from.clone(),
        quiet_to: settings.quiet_to.clone(),
        reminders,
    }
}

/// The schedule as the vault has it now.
pub fn load_schedule(conn: &Connection) -> Result<Schedule> {
    let settings = load_reminder_settings(conn)?;
    let goals: Vec<GoalReminderState> = super::goal_reminders(conn)?
        .into_iter()
        .map(|(_, status, reminder)| GoalReminderState { status, reminder })
        .collect();
    Ok(schedule(&settings, &goals))
}

/// The log key of a goal reminder: its weekdays and time, e.g. `0,2,4@18:00` (`*@18:00` for
/// every day). Never a goal id or any text.
pub fn reminder_key(reminder: &GoalReminder) -> String {
    let days = if reminder.weekdays.is_empty() {
        "*".to_owned()
    } else {
        reminder
            .weekdays
            .iter()
            .map(u8::to_string)
            .collect::<Vec<_>>()
            .join(",")
    };
    format!("{days}@{}", reminder.time)
}

impl Schedule {
    /// Every reminder as (log key, weekdays, time).
    fn sources(&self) -> Vec<(String, &[u8], &str)> {
        let daily = self
            .daily_checkin
            .as_deref()
            .map(|time| (DAILY_KEY.to_owned(), &[][..], time));
        daily
            .into_iter()
            .chain(
                self.reminders
                    .iter()
                    .map(|r| (reminder_key(r), &r.weekdays[..], r.time.as_str())),
            )
            .collect()
    }
}

/// When reminders last fired (local wall-clock times, no text).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct ReminderLog {
    /// When the last notification was shown.
    pub last_notified: Option<NaiveDateTime>,
    /// Per reminder ([`DAILY_KEY`], or [`reminder_key`]): the last time it was covered by a
    /// notification.
    pub fired: BTreeMap<String, NaiveDateTime>,
}

impl ReminderLog {
    pub fn last_fired(&self, key: &str) -> Option<NaiveDateTime> {
        self.fired.get(key).copied()
    }

    /// Records a decision taken at `now`.
    pub fn record(&mut self, decision: &Decision, now: NaiveDateTime) {
        for key in &decision.covered {
            self.fired.insert(key.clone(), now);
        }
        if decision.notify {
            self.last_notified = Some(now);
        }
    }

    /// Forgets reminders that are no longer in `schedule`.
    pub fn keep_only(&mut self, schedule: &Schedule) {
        let keys: Vec<String> = schedule.sources().into_iter().map(|s| s.0).collect();
        self.fired.retain(|key, _| keys.contains(key));
    }
}

/// What to do now.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Decision {
    /// Show one notification.
    pub notify: bool,
    /// The log keys of the reminders this moment covers (with or without a notification).
    pub covered: Vec<String>,
}

/// Whether `t` is inside the quiet hours `from`–`to` (`from` inside, `to` not; wraps past
/// midnight when `to` ≤ `from`). Without both ends there are no quiet hours.
pub fn in_quiet_hours(schedule: &Schedule, t: NaiveTime) -> bool {
    let (Some(from), Some(to)) = (schedule.quiet_from.as_deref(), schedule.quiet_to.as_deref())
    else {
        return false;
    };
    let (Ok(from), Ok(to)) = (parse_time(from), parse_time(to)) else {
        return false;
    };
    let t = NaiveTime::from_hms_opt(t.hour(), t.minute(), 0).unwrap_or(t);
    if from < to {
        from <= t && t < to
    } else if from > to {
        t >= from || t < to
    } else {
        false
    }
}

/// The latest occurrence of a reminder at `time` on `weekdays` (0 = Monday; empty = every day)
/// that is not after `now` and at most [`GRACE_MINUTES`] old.
fn recent_occurrence(weekdays: &[u8], time: &str, now: NaiveDateTime) -> Option<NaiveDateTime> {
    let time = parse_time(time).ok()?;
    [now.date(), now.date() - Duration::days(1)]
        .into_iter()
        .filter(|day| {
            weekdays.is_empty() || weekdays.contains(&(day.weekday().num_days_from_monday() as u8))
        })
        .map(|day| day.and_time(time))
        .find(|at| *at <= now && now - *at <= Duration::minutes(GRACE_MINUTES))
}

/// What is due at `now` (local wall-clock time) by `schedule`, given when reminders last fired;
/// see the module's rules.
pub fn due(schedule: &Schedule, log: &ReminderLog, now: NaiveDateTime) -> Decision {
    if in_quiet_hours(schedule, now.time()) {
        return Decision::default();
    }
    let mut covered: Vec<String> = schedule
        .sources()
        .into_iter()
        .filter(|(key, weekdays, time)| {
            recent_occurrence(weekdays, time, now)
                .is_some_and(|at| log.last_fired(key).is_none_or(|fired| fired < at))
        })
        .map(|(key, _, _)| key)
        .collect();
    covered.sort();
    covered.dedup();
    if covered.is_empty() {
        return Decision::default();
    }
    let recently_notified = log
        .last_notified
        .is_some_and(|last| last <= now && now - last < Duration::minutes(MIN_GAP_MINUTES));
    Decision {
        notify: !recently_notified,
        covered,
    }
}

/// The notification's title and body: always these neutral words, in the app's language,
/// with the name the app goes by on screen (a display name keeps it discreet).
pub fn notification_text(language: Language, app_name: &str) -> (String, String) {
    match language {
        Language::En => (
            "A moment for yourself?".to_owned(),
            format!("{app_name} is here when you want it."),
        ),
        Language::Es => (
            "¿Un momento para ti?".to_owned(),
            format!("{app_name} está aquí cuando lo quieras."),
        ),
    }
}

/// The language for the notification: the one chosen in the preferences, else the system's
/// (`LC_ALL`, `LC_MESSAGES`, `LANG`, as given), Spanish for `es…`, otherwise English.
pub fn notification_language(chosen: Option<Language>, system: Option<&str>) -> Language {
    match chosen {
        Some(l) => l,
        None if system.is_some_and(|s| s.to_ascii_lowercase().starts_with("es")) => Language::Es,
        None => Language::En,
    }
}

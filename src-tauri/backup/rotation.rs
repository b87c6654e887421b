//! Backup file names and the rotation of automatic backups (pure functions, no files).
//!
//! Names: `cove-YYYY-MM-DD-HHMMSS-<kind>.covebackup` in local time, `<kind>` one of
//! `automatic`, `manual`, `before-restore`; a second backup in the same second and of the same
//! kind gets `-2`, `-3`, … before the extension. Rotation reads dates from names only, so it
//! never needs to open a file, and it never touches a file whose name is not of this form.

use std::collections::BTreeSet;

use chrono::{Datelike, IsoWeek, NaiveDate, NaiveDateTime};

use super::model::BackupKind;

/// The extension of backup files (without the dot).
pub const EXTENSION: &str = "covebackup";
/// Automatic backups: days kept (the newest backup of each of the last 7 days that have one).
pub const KEEP_DAYS: usize = 7;
/// Automatic backups: weeks kept before those days (the newest of each of 4 ISO weeks).
pub const KEEP_WEEKS: usize = 4;

/// The word for `kind` in a file name.
pub fn kind_word(kind: BackupKind) -> &'static str {
    match kind {
        BackupKind::Automatic => "automatic",
        BackupKind::Manual => "manual",
        BackupKind::BeforeRestore => "before-restore",
    }
}

/// The file name for a backup made at local time `at`; `n` ≥ 2 adds `-n` (name taken).
pub fn file_name(at: NaiveDateTime, kind: BackupKind, n: u32) -> String {
    let stamp = at.format("%Y-%m-%d-%H%M%S");
    let word = kind_word(kind);
    if n >= 2 {
        format!("cove-{stamp}-{word}-{n}.{EXTENSION}")
    } else {
        format!("cove-{stamp}-{word}.{EXTENSION}")
    }
}

/// Reads a name made by [`file_name`]: when (local time, to the second) and what kind.
pub fn parse_file_name(name: &str) -> Option<(NaiveDateTime, BackupKind)> {
    let rest = name.strip_prefix("cove-")?;
    let rest = rest.strip_suffix(&format!(".{EXTENSION}"))?;
    // "YYYY-MM-DD-HHMMSS" is 17 characters, then "-<kind>[-n]".
    let stamp = rest.get(..17)?;
    let tail = rest.get(17..)?.strip_prefix('-')?;
    let at = NaiveDateTime::parse_from_str(stamp, "%Y-%m-%d-%H%M%S").ok()?;
    let kind = [
        BackupKind::Automatic,
        BackupKind::Manual,
        BackupKind::BeforeRestore,
    ]
    .into_iter()
    .find(|k| {
        let word = kind_word(*k);
        tail == word
            || tail
                .strip_prefix(word)
                .and_then(|n| n.strip_prefix('-'))
                .is_some_and(|n| {
                    !n.is_empty() && !n.starts_with('0') && n.bytes().all(|b| b.is_ascii_digit())
                })
    })?;
    Some((at, kind))
}

/// Which automatic backups to delete, given each one's id and local time.
///
/// Kept: the newest backup of each of the [`KEEP_DAYS`] most recent days that have a backup;
/// then, among the backups older than the oldest of those days, the newest of each of the
/// [`KEEP_WEEKS`] most recent ISO weeks that have one. Everything else is returned. Days without
/// backups (Cove not opened) do not count, so a long break never deletes the last copies.
/// Manual and before-restore backups are never passed in: they are never rotated away.
pub fn to_remove<T: Clone>(automatic: &[(T, NaiveDateTime)]) -> Vec<T> {
    let mut sorted: Vec<&(T, NaiveDateTime)> = automatic.iter().collect();
    // Newest first; equal times keep their input order.
    sorted.sort_by_key(|item| std::cmp::Reverse(item.1));

    let mut days: BTreeSet<NaiveDate> = BTreeSet::new();
    let mut weeks: BTreeSet<IsoWeek> = BTreeSet::new();
    let mut oldest_kept_day: Option<NaiveDate> = None;
    let mut remove = Vec::new();
    for (id, at) in sorted {
        let day = at.date();
        if days.len() < KEEP_DAYS || days.contains(&day) {
            if days.insert(day) {
                oldest_kept_day = Some(day);
                continue;
            }
            // An older backup of a day already kept.
            remove.push(id.clone());
            continue;
        }
        // Older than the kept days (sorted, so `day` is before `oldest_kept_day`).
        debug_assert!(oldest_kept_day.is_some_and(|d| day < d));
        let week = day.iso_week();
        if weeks.len() < KEEP_WEEKS && weeks.insert(week) {
            continue;
        }
        remove.push(id.clone());
    }
    remove
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveTime;

    fn at(date: &str, time: &str) -> NaiveDateTime {
        NaiveDateTime::new(
            NaiveDate::parse_from_str(date, "%Y-%m-%d").expect("date"),
            NaiveTime::parse_from_str(time, "%H:%M:%S").expect("time"),
        )
    }

    fn kept(all: &[(String, NaiveDateTime)]) -> Vec<String> {
        let gone = to_remove(all);
        let mut kept: Vec<String> = all
            .iter()
            .map(|(id, _)| id.clone())
            .filter(|id| !gone.contains(id))
            .collect();
        kept.sort();
        kept
    }

    fn daily(from: NaiveDate, days: i64) -> Vec<(String, NaiveDateTime)> {
        (0..days)
            .map(|i| {
                let d = from + chrono::Duration::days(i);
                (d.to_string(), d.and_hms_opt(9, 0, 0).expect("time"))
            })
            .collect()
    }

    #[test]
    fn names_round_trip_for_every_kind_and_suffix() {
        let t = at("2026-03-10", "09:05:07");
        for kind in [
            BackupKind::Automatic,
            BackupKind::Manual,
            BackupKind::BeforeRestore,
        ] {
            for n in [1, 2, 13] {
                let name = file_name(t, kind, n);
                assert_eq!(parse_file_name(&name), Some((t, kind)), "{name}");
            }
        }
        assert_eq!(
            file_name(t, BackupKind::BeforeRestore, 1),
            "cove-2026-03-10-090507-before-restore.covebackup"
        );
        assert_eq!(
            file_name(t, BackupKind::Automatic, 2),
            "cove-2026-03-10-090507-automatic-2.covebackup"
        );
    }

    #[test]
    fn foreign_names_are_not_backups() {
        for name in [
            "cove-2026-03-10-090507-automatic.covebackup.tmp",
            ".cove-2026-03-10-090507-automatic.covebackup.tmp-abcdef",
            "cove-2026-13-10-090507-automatic.covebackup",
            "cove-2026-03-10-090507-weekly.covebackup",
            "cove-2026-03-10-090507-automatic-.covebackup",
            "cove-2026-03-10-090507-automatic-02.covebackup",
            "cove-2026-03-10-090507-automaticx.covebackup",
            "holiday photos.covebackup",
            "cove-2026-03-10.covebackup",
        ] {
            assert_eq!(parse_file_name(name), None, "{name}");
        }
    }

    #[test]
    fn a_month_of_daily_backups_keeps_7_days_and_4_weeks() {
        // 2026-02-01 (Sunday) … 2026-03-02 (Monday): 30 days.
        let all = daily(NaiveDate::from_ymd_opt(2026, 2, 1).expect("d"), 30);
        let kept = kept(&all);
        // The 7 newest days: 2026-02-24 … 2026-03-02.
        let mut expected: Vec<String> = (24..=28).map(|d| format!("2026-02-{d:02}")).collect();
        expected.extend(["2026-03-01".into(), "2026-03-02".into()]);
        // Before 2026-02-24 (Tuesday of ISO week 9): the newest of week 9 (Mon 02-23), week 8
        // (Sun 02-22), week 7 (Sun 02-15) and week 6 (Sun 02-08).
        expected.extend([
            "2026-02-23".into(),
            "2026-02-22".into(),
            "2026-02-15".into(),
            "2026-02-08".into(),
        ]);
        expected.sort();
        assert_eq!(kept, expected);
        assert_eq!(kept.len(), KEEP_DAYS + KEEP_WEEKS);
    }

    #[test]
    fn only_the_newest_backup_of_a_day_is_kept() {
        let all = vec![
            ("morning".to_owned(), at("2026-03-10", "08:00:00")),
            ("noon".to_owned(), at("2026-03-10", "12:00:00")),
            ("evening".to_owned(), at("2026-03-10", "21:30:00")),
            ("yesterday".to_owned(), at("2026-03-09", "23:59:59")),
        ];
        assert_eq!(
            kept(&all),
            vec!["evening".to_owned(), "yesterday".to_owned()]
        );
    }

    #[test]
    fn days_without_backups_do_not_count_so_a_long_break_keeps_everything_recent() {
        // Seven backups spread over a year, one every eight weeks: each is its own day.
        let all: Vec<(String, NaiveDateTime)> = (0..7)
            .map(|i| {
                let d = NaiveDate::from_ymd_opt(2025, 1, 6).expect("d")
                    + chrono::Duration::weeks(8 * i);
                (d.to_string(), d.and_hms_opt(10, 0, 0).expect("t"))
            })
            .collect();
        assert!(to_remove(&all).is_empty());
    }

    #[test]
    fn weeks_are_counted_among_backups_older_than_the_kept_days() {
        // 7 recent days, then 6 older weeks with two backups each.
        let mut all = daily(NaiveDate::from_ymd_opt(2026, 3, 20).expect("d"), 7);
        for w in 0..6 {
            let monday =
                NaiveDate::from_ymd_opt(2026, 3, 9).expect("d") - chrono::Duration::weeks(w);
            for (offset, label) in [(0, "mon"), (3, "thu")] {
                let d = monday + chrono::Duration::days(offset);
                all.push((format!("w{w}-{label}"), d.and_hms_opt(9, 0, 0).expect("t")));
            }
        }
        let kept = kept(&all);
        for w in 0..4 {
            assert!(
                kept.contains(&format!("w{w}-thu")),
                "newest of week {w} kept"
            );
            assert!(
                !kept.contains(&format!("w{w}-mon")),
                "older of week {w} removed"
            );
        }
        for w in 4..6 {
            assert!(
                !kept.contains(&format!("w{w}-thu")),
                "week {w} is beyond the 4 weeks"
            );
        }
        assert_eq!(kept.len(), 11);
    }

    #[test]
    fn rotation_is_stable_when_run_again() {
        let all = daily(NaiveDate::from_ymd_opt(2025, 11, 1).expect("d"), 90);
        let gone = to_remove(&all);
        let left: Vec<_> = all
            .into_iter()
            .filter(|(id, _)| !gone.contains(id))
            .collect();
        assert_eq!(left.len(), 11);
        assert!(to_remove(&left).is_empty(), "a second pass removes nothing");
    }

    #[test]
    fn a_year_boundary_uses_iso_weeks() {
        // 2020-12-28 … 2021-01-03 is ISO week 53 of 2020; the days around it land in weeks by
        // ISO rules, not calendar years.
        let mut all = daily(NaiveDate::from_ymd_opt(2021, 1, 20).expect("d"), 7);
        for d in [
            "2020-12-28",
            "2021-01-02",
            "2021-01-03",
            "2021-01-04",
            "2020-12-27",
        ] {
            let day = NaiveDate::parse_from_str(d, "%Y-%m-%d").expect("d");
            all.push((d.to_owned(), day.and_hms_opt(9, 0, 0).expect("t")));
        }
        let kept = kept(&all);
        assert!(
            kept.contains(&"2021-01-03".to_owned()),
            "newest of 2020-W53"
        );
        assert!(!kept.contains(&"2021-01-02".to_owned()));
        assert!(!kept.contains(&"2020-12-28".to_owned()));
        assert!(kept.contains(&"2021-01-04".to_owned()), "2021-W01");
        assert!(kept.contains(&"2020-12-27".to_owned()), "2020-W52");
    }

    #[test]
    fn nothing_to_rotate_in_an_empty_folder() {
        let none: Vec<(String, NaiveDateTime)> = Vec::new();
        assert!(to_remove(&none).is_empty());
    }
}

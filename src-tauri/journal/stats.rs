//! The calendar (per-day counts and mood) and insights. Only entries outside the trash count,
//! and entries of the identity space only where a filter includes them (never in insights).

use rusqlite::{params, params_from_iter, Connection};

use super::model::{DayStat, EntryFilter, FeelingCount, Insights, TagMood};
use super::validate::{check_range, clean_filter, filter_sql, outside_identity};
use super::Result;

/// Most feelings in `Insights::top_feelings`.
pub const TOP_FEELINGS_MAX: usize = 15;
/// Most tags in `Insights::tag_moods`.
pub const TAG_MOODS_MAX: usize = 10;
/// A tag needs at least this many days with a mood to be compared.
pub const TAG_MOOD_MIN_DAYS: usize = 2;

fn count(n: i64) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// Every day from `from` to `to` (inclusive, `YYYY-MM-DD`) with at least one entry matching
/// `filter`, oldest first: how many entries, how many of them check-ins, and the mean mood of
/// the day's check-ins.
pub fn calendar_days(
    conn: &Connection,
    from: &str,
    to: &str,
    filter: &EntryFilter,
) -> Result<Vec<DayStat>> {
    check_range(from, to)?;
    let filter = clean_filter(filter)?;
    let (cond, mut values) = filter_sql(&filter);
    values.push(from.to_owned().into());
    values.push(to.to_owned().into());
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT e.day, count(*), sum(e.kind = 'checkin'), avg(e.mood) FROM entries e
         WHERE {cond} AND e.day >= ? AND e.day <= ?
         GROUP BY e.day ORDER BY e.day"
    ))?;
    let days = stmt
        .query_map(params_from_iter(values.iter()), |r| {
            Ok(DayStat {
                day: r.get(0)?,
                entries: count(r.get(1)?),
                checkins: count(r.get(2)?),
                mood: r.get(3)?,
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(days)
}

/// Mood over time, the most frequent feelings, and how days with a tag compare with the other
/// days with a mood, for `from`…`to`. The identity space's entries are left out.
pub fn insights(conn: &Connection, from: &str, to: &str) -> Result<Insights> {
    let tx = conn.unchecked_transaction()?;
    let days = calendar_days(&tx, from, to, &EntryFilter::default())?;

    let outside = outside_identity("e.id");
    let mut stmt = tx.prepare_cached(&format!(
        "SELECT f.feeling, count(*) AS n, avg(f.intensity) AS mean FROM entries e
         CROSS JOIN entry_feelings f ON f.entry_id = e.id
         WHERE e.deleted_at IS NULL AND e.day >= ?1 AND e.day <= ?2 AND {outside}
         GROUP BY f.feeling ORDER BY n DESC, mean DESC, f.feeling LIMIT ?3"
    ))?;
    let top_feelings = stmt
        .query_map(params![from, to, TOP_FEELINGS_MAX as i64], |r| {
            Ok(FeelingCount {
                feeling: r.get(0)?,
                count: count(r.get(1)?),
                mean_intensity: r.get(2)?,
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    drop(stmt);

    let moods: Vec<f64> = days.iter().filter_map(|d| d.mood).collect();
    let tag_moods = if moods.is_empty() {
        Vec::new()
    } else {
        let overall = moods.iter().sum::<f64>() / moods.len() as f64;
        // Per tag (ignoring case): the days with a mood it appears on, and their mean mood.
        let mut stmt = tx.prepare_cached(&format!(
            "WITH day_mood AS (
                 SELECT e.day AS day, avg(e.mood) AS mood FROM entries e
                 WHERE e.deleted_at IS NULL AND e.day >= ?1 AND e.day <= ?2
                   AND e.mood IS NOT NULL AND {outside}
                 GROUP BY e.day),
             tag_day AS (
                 SELECT DISTINCT t.tag_key AS tag_key, e.day AS day FROM entries e
                 CROSS JOIN entry_tags t ON t.entry_id = e.id
                 WHERE e.deleted_at IS NULL AND e.day >= ?1 AND e.day <= ?2 AND {outside})
             SELECT td.tag_key, count(*), avg(dm.mood) FROM tag_day td
             JOIN day_mood dm ON dm.day = td.day
             GROUP BY td.tag_key HAVING count(*) >= ?3"
        ))?;
        let mut rows = stmt
            .query_map(params![from, to, TAG_MOOD_MIN_DAYS as i64], |r| {
                Ok((
                    r.get::<_, String>(0)?,
                    count(r.get(1)?),
                    r.get::<_, f64>(2)?,
                ))
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        drop(stmt);
        rows.sort_by(|a, b| {
            (b.2 - overall)
                .abs()
                .total_cmp(&(a.2 - overall).abs())
                .then_with(|| b.1.cmp(&a.1))
                .then_with(|| a.0.cmp(&b.0))
        });
        rows.truncate(TAG_MOODS_MAX);
        // Each tag in its most used spelling (outside the identity space).
        let outside = outside_identity("entry_id");
        let mut spelling = tx.prepare_cached(&format!(
            "SELECT tag FROM entry_tags WHERE tag_key = ?1 AND {outside}
             GROUP BY tag ORDER BY count(*) DESC, tag LIMIT 1"
        ))?;
        let mut out = Vec::with_capacity(rows.len());
        for (key, days, mean) in rows {
            let tag: String = spelling.query_row(params![key], |r| r.get(0))?;
            out.push(TagMood {
                tag,
                days,
                mean_mood: mean,
                difference: mean - overall,
            });
        }
        out
    };
    let total_entries = days.iter().map(|d| d.entries).sum();
    let total_checkins = days.iter().map(|d| d.checkins).sum();
    drop(tx);
    Ok(Insights {
        from: from.to_owned(),
        to: to.to_owned(),
        days,
        top_feelings,
        tag_moods,
        total_entries,
        total_checkins,
    })
}

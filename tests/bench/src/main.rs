//! `cove-bench`: measures Cove's journal on synthetic journals of 1k, 10k and 100k entries and
//! compares it, in the same run on the same data, with the same schema on plain SQLite and with
//! a naive journal that encrypts each entry separately. Writes `target/bench/report.json` and
//! `target/bench/report.md`; see `docs/benchmarks.md`.
//!
//! ```sh
//! cargo run --release -p cove-bench                 # 1k, 10k, 100k (about 15 minutes here)
//! cargo run --release -p cove-bench -- --sizes 10000
//! cargo run -p cove-bench -- --quick                # 1k only, few repetitions (CI smoke run)
//! cargo run --release -p cove-bench -- --sizes 10000 --no-app   # skip the whole-app figures
//! cargo run --release -p cove-bench -- --sizes 0     # only the whole-app figures
//! ```
//!
//! The full run also builds the release app (`tauri build`) and an empty Tauri window and
//! measures both from outside their processes (`wholeapp.rs`); `--quick` and `--no-app` skip
//! that part (its fields are then `null`).

mod naive;
mod wholeapp;
mod workload;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use chrono::{DateTime, FixedOffset};
use cove_lib::backup::{
    make_backup, restore, BackupKind, BackupSecret, CancelToken, Folders, Options as BackupOptions,
};
use cove_lib::goals::{list_goals, save_goal};
use cove_lib::journal::{
    delete_entry, insights, list_entries, purge_entry, save_entry, search_entries, EntryDraft,
    EntryFilter, SearchQuery, TimelineQuery,
};
use cove_lib::vault::{calibrate_kdf, migrations::migrations, KdfParams, Vault, VaultDir};
use rusqlite::Connection;
use secrecy::SecretString;
use serde_json::{json, Map, Value};

use naive::NaiveJournal;
use workload::{Workload, COMMON_WORD, PREFIX, RARE_WORD};

const PASSPHRASE: &str = "benchmark harbour lantern 2026";
/// What the timeline asks for when it opens.
const FIRST_PAGE: u32 = 100;
/// What the search field asks for.
const SEARCH_LIMIT: u32 = 50;

struct Settings {
    sizes: Vec<usize>,
    reps: usize,
    autosaved_entries: usize,
    out_dir: PathBuf,
    quick: bool,
    /// Measure the whole app (start-up, memory) too.
    app: bool,
    /// Build the release app and the empty window first (`--no-build` reuses the last build).
    build_app: bool,
    root: PathBuf,
}

fn settings() -> Settings {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let quick = args.iter().any(|a| a == "--quick");
    let mut sizes = if quick {
        vec![1_000]
    } else {
        vec![1_000, 10_000, 100_000]
    };
    if let Some(i) = args.iter().position(|a| a == "--sizes") {
        sizes = args
            .get(i + 1)
            .expect("--sizes needs a list, e.g. --sizes 1000,10000")
            .split(',')
            .map(|s| s.trim().parse().expect("sizes are whole numbers"))
            .filter(|&n: &usize| n > 0)
            .collect();
    }
    let root = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../..")
        .canonicalize()
        .expect("repository root");
    Settings {
        sizes,
        reps: if quick { 5 } else { 25 },
        autosaved_entries: if quick { 10 } else { 60 },
        out_dir: root.join("target/bench"),
        quick,
        app: !quick && !args.iter().any(|a| a == "--no-app"),
        build_app: !args.iter().any(|a| a == "--no-build"),
        root,
    }
}

fn ms(d: Duration) -> f64 {
    (d.as_secs_f64() * 1000.0 * 1000.0).round() / 1000.0
}

fn percentile(samples: &[Duration], p: f64) -> Duration {
    let mut sorted = samples.to_vec();
    sorted.sort();
    sorted[((sorted.len() - 1) as f64 * p).round() as usize]
}

fn median(samples: &[Duration]) -> Duration {
    percentile(samples, 0.5)
}

fn timed<T>(f: impl FnOnce() -> T) -> (T, Duration) {
    let started = Instant::now();
    let out = f();
    (out, started.elapsed())
}

/// The same file settings Cove's vault uses (src-tauri/vault/db.rs), without encryption.
fn open_plain(path: &Path) -> Connection {
    let mut conn = Connection::open(path).expect("open plain db");
    conn.execute_batch(
        "PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON;
         PRAGMA secure_delete = ON; PRAGMA temp_store = MEMORY;",
    )
    .expect("pragmas");
    migrations().to_latest(&mut conn).expect("migrate plain db");
    conn
}

fn first_page(conn: &Connection) {
    let page = list_entries(
        conn,
        &TimelineQuery {
            filter: EntryFilter::default(),
            cursor: None,
            limit: FIRST_PAGE,
        },
    )
    .expect("first page");
    assert!(!page.items.is_empty());
}

fn search(conn: &Connection, text: &str) -> usize {
    search_entries(
        conn,
        &SearchQuery {
            text: text.to_owned(),
            filter: EntryFilter::default(),
            limit: SEARCH_LIMIT,
        },
    )
    .expect("search")
    .hits
    .len()
}

const QUERIES: [(&str, &str); 3] = [
    ("common", COMMON_WORD),
    ("rare", RARE_WORD),
    ("prefix", PREFIX),
];

/// Autosave as the editor does it: each new entry is created, then saved four more times as it
/// grows. Returns every save's duration.
fn autosave_run(
    conn: &Connection,
    work: &mut Workload,
    entries: usize,
    at: DateTime<FixedOffset>,
) -> Vec<Duration> {
    let mut samples = Vec::with_capacity(entries * 5);
    for k in 0..entries {
        let now = at + chrono::Duration::seconds(k as i64 * 30);
        let mut draft = work.entry(k);
        draft.body = work.text(40);
        let (saved, took) = timed(|| save_entry(conn, draft.clone(), now).expect("save"));
        samples.push(took);
        let id = saved.expect("non-empty").id;
        for round in 1..5 {
            draft.id = Some(id);
            draft.body.push_str("\n\n");
            draft.body.push_str(&work.text(30 * round));
            let (_, took) = timed(|| save_entry(conn, draft.clone(), now).expect("update"));
            samples.push(took);
        }
    }
    samples
}

/// The mixed workload used for the encryption-overhead ratio: first pages, autosaves, the three
/// searches and one insights pass. Returns the total time.
fn mixed_workload(conn: &Connection, n: usize, s: &Settings) -> Duration {
    let mut work = Workload::new(n, 99);
    let at = work.end();
    let mut total = Duration::ZERO;
    for _ in 0..s.reps {
        total += timed(|| first_page(conn)).1;
    }
    total += autosave_run(conn, &mut work, s.autosaved_entries / 2, at)
        .iter()
        .sum::<Duration>();
    for _ in 0..s.reps {
        for (_, q) in QUERIES {
            total += timed(|| search(conn, q)).1;
        }
    }
    let (from, to) = insight_range(&work);
    total += timed(|| insights(conn, &from, &to).expect("insights")).1;
    total
}

fn insight_range(work: &Workload) -> (String, String) {
    let to = work.end();
    let from = to - chrono::Duration::days(364);
    (
        from.format("%Y-%m-%d").to_string(),
        to.format("%Y-%m-%d").to_string(),
    )
}

fn dir_size(path: &Path) -> u64 {
    std::fs::read_dir(path)
        .map(|rd| {
            rd.flatten()
                .filter_map(|e| e.metadata().ok())
                .map(|m| m.len())
                .sum()
        })
        .unwrap_or(0)
}

fn measure_size(n: usize, s: &Settings, scratch: &Path) -> Map<String, Value> {
    eprintln!(
        "[{n}] generating and loading {n} entries into Cove, plain SQLite and the naive journal…"
    );
    let here = scratch.join(n.to_string());
    std::fs::create_dir_all(&here).expect("scratch dir");
    let dir = VaultDir::open(here.join("cove")).expect("vault dir");
    let (vault, code) = Vault::create(
        &dir,
        &SecretString::from(PASSPHRASE.to_owned()),
        KdfParams::floor(),
    )
    .expect("create vault");
    let code = SecretString::from(code.expose_grouped().to_string());
    let plain = open_plain(&here.join("plain.db"));
    let naive = NaiveJournal::create(&here.join("naive.db"));

    // Loading is set-up, not measured: without a disk sync per entry it takes minutes instead of
    // the better part of an hour at 100k. Every measurement below runs with synchronous = FULL.
    for conn in [vault.conn(), &plain] {
        conn.execute_batch("PRAGMA synchronous = OFF;")
            .expect("fast load");
    }
    let mut work = Workload::new(n, 7);
    let mut drafts: Vec<(i64, EntryDraft)> = Vec::with_capacity(n.min(20_000));
    let (mut load_cove, mut load_plain) = (Duration::ZERO, Duration::ZERO);
    let mut bytes = 0usize;
    for i in 0..n {
        let draft = work.entry(i);
        let when = work.when(i);
        bytes += draft.body.len();
        load_cove += timed(|| save_entry(vault.conn(), draft.clone(), when).expect("load cove")).1;
        load_plain += timed(|| save_entry(&plain, draft.clone(), when).expect("load plain")).1;
        drafts.push((when.timestamp_millis(), draft));
        if drafts.len() == 20_000 {
            let refs: Vec<(i64, &EntryDraft)> = drafts.iter().map(|(t, d)| (*t, d)).collect();
            naive.insert_all(&refs);
            drafts.clear();
        }
    }
    let refs: Vec<(i64, &EntryDraft)> = drafts.iter().map(|(t, d)| (*t, d)).collect();
    naive.insert_all(&refs);
    drop(refs);
    drop(drafts);
    // Goals with steps, one for every 50 entries, in both databases.
    let goals = (n / 50).max(1);
    for i in 0..goals {
        let draft = work.goal();
        let when = work.when(i * 50);
        for conn in [vault.conn(), &plain] {
            save_goal(conn, draft.clone(), when).expect("load goal");
        }
    }
    for conn in [vault.conn(), &plain] {
        conn.execute_batch("PRAGMA synchronous = FULL; PRAGMA wal_checkpoint(TRUNCATE);")
            .expect("back to FULL");
    }
    eprintln!(
        "[{n}] loaded: Cove {:.1} s, plain {:.1} s; {:.1} MB of body text",
        load_cove.as_secs_f64(),
        load_plain.as_secs_f64(),
        bytes as f64 / 1e6
    );

    // Encryption overhead: the same mixed workload on both, same data, same code.
    let cove_mixed = mixed_workload(vault.conn(), n, s);
    let plain_mixed = mixed_workload(&plain, n, s);

    // Open the unlocked vault (no KDF: the recovery slot is HKDF) and load the first page.
    drop(vault);
    let mut opens = Vec::new();
    for _ in 0..s.reps.min(9) {
        let (v, took) = timed(|| {
            let v = Vault::unlock_with_recovery_code(&dir, &code).expect("open");
            first_page(v.conn());
            v
        });
        opens.push(took);
        drop(v);
    }
    let vault = Vault::unlock_with_recovery_code(&dir, &code).expect("open");
    let conn = vault.conn();

    let mut work = Workload::new(n, 1234);
    let at = work.end() + chrono::Duration::days(1);
    let saves = autosave_run(conn, &mut work, s.autosaved_entries, at);

    let mut all_search = Vec::new();
    let mut detail = Map::new();
    let mut cove_by_query = Vec::new();
    for (name, q) in QUERIES {
        let mut samples = Vec::new();
        let mut hits = 0;
        for _ in 0..s.reps {
            let (h, took) = timed(|| search(conn, q));
            hits = h;
            samples.push(took);
        }
        detail.insert(
            name.into(),
            json!({"query": q, "hits": hits, "p50_ms": ms(median(&samples)), "p99_ms": ms(percentile(&samples, 0.99))}),
        );
        cove_by_query.push(median(&samples));
        all_search.extend(samples);
    }

    // The naive journal: decrypt everything, scan.
    let naive_reps = if n >= 100_000 || s.quick { 3 } else { 5 };
    let mut naive_by_query = Vec::new();
    for (name, q) in QUERIES {
        let samples: Vec<Duration> = (0..naive_reps)
            .map(|_| timed(|| naive.search(q, SEARCH_LIMIT as usize)).1)
            .collect();
        detail
            .get_mut(name)
            .and_then(Value::as_object_mut)
            .expect("detail")
            .insert("naive_p50_ms".into(), json!(ms(median(&samples))));
        naive_by_query.push(median(&samples));
    }
    let cove_search: Duration = cove_by_query.iter().sum();
    let naive_search: Duration = naive_by_query.iter().sum();

    // Deleting an entry for good rewrites the search index without it (FTS5 optimize).
    let newest = list_entries(
        conn,
        &TimelineQuery {
            filter: EntryFilter::default(),
            cursor: None,
            limit: 1,
        },
    )
    .expect("newest")
    .items[0]
        .id;
    delete_entry(conn, newest, at).expect("trash");
    let (_, purge) = timed(|| purge_entry(conn, newest).expect("purge"));

    let (from, to) = insight_range(&work);
    let insight_samples: Vec<Duration> = (0..s.reps.min(9))
        .map(|_| timed(|| insights(conn, &from, &to).expect("insights")).1)
        .collect();
    let goals_samples: Vec<Duration> = (0..s.reps.min(9))
        .map(|_| timed(|| list_goals(conn).expect("list goals")).1)
        .collect();

    // Backup: Cove's own backup (a second keyed connection copies the database with SQLite's
    // online backup API, both integrity checks run on the copy, then the .covebackup file is
    // written and synced), then a restore of that file into a fresh data folder with the
    // passphrase (the KDF here is the floor the load uses, see `unlock_kdf_ms` for the real one).
    let folders = Folders {
        app: here.join("backups"),
        extra: None,
    };
    let (outcome, backup) = timed(|| {
        make_backup(
            &vault.backup_source(),
            &folders,
            BackupKind::Manual,
            work.when(n),
            &CancelToken::new(),
            BackupOptions::default(),
            &mut |_, _| {},
        )
        .expect("backup")
    });
    let backup_file = outcome.made.expect("a backup file").path;
    let restore_dir = VaultDir::open(here.join("restored")).expect("restore dir");
    let restore_folders = Folders {
        app: here.join("restored-backups"),
        extra: None,
    };
    let mut session = None;
    let (_, restore_time) = timed(|| {
        restore(
            &restore_dir,
            &mut session,
            Path::new(&backup_file),
            &BackupSecret::Passphrase {
                value: SecretString::from(PASSPHRASE.to_owned()),
            },
            &restore_folders,
            work.when(n),
            &mut |_, _| {},
        )
        .expect("restore")
    });
    drop(session);
    drop(restore_dir);

    let db_mb = dir_size(dir.path()) as f64 / 1e6;
    drop(vault);
    let _ = std::fs::remove_dir_all(&here);

    let mut out = Map::new();
    out.insert("open_first_page_ms".into(), json!(ms(median(&opens))));
    out.insert("save_p50_ms".into(), json!(ms(median(&saves))));
    out.insert("save_p99_ms".into(), json!(ms(percentile(&saves, 0.99))));
    out.insert("search_p50_ms".into(), json!(ms(median(&all_search))));
    out.insert(
        "search_p99_ms".into(),
        json!(ms(percentile(&all_search, 0.99))),
    );
    out.insert("insights_ms".into(), json!(ms(median(&insight_samples))));
    out.insert("backup_ms".into(), json!(ms(backup)));
    out.insert("restore_ms".into(), json!(ms(restore_time)));
    out.insert("goals".into(), json!(goals));
    out.insert("goals_list_ms".into(), json!(ms(median(&goals_samples))));
    out.insert(
        "plain_sqlite_ratio".into(),
        json!((cove_mixed.as_secs_f64() / plain_mixed.as_secs_f64() * 100.0).round() / 100.0),
    );
    out.insert(
        "naive_search_speedup".into(),
        json!((naive_search.as_secs_f64() / cove_search.as_secs_f64() * 10.0).round() / 10.0),
    );
    out.insert(
        "detail".into(),
        json!({
            "entries": n,
            "body_text_mb": (bytes as f64 / 1e5).round() / 10.0,
            "vault_files_mb": (db_mb * 10.0).round() / 10.0,
            "load_cove_s": (load_cove.as_secs_f64() * 10.0).round() / 10.0,
            "load_plain_s": (load_plain.as_secs_f64() * 10.0).round() / 10.0,
            "save_samples": saves.len(),
            "search_samples": all_search.len(),
            "mixed_cove_ms": ms(cove_mixed),
            "mixed_plain_ms": ms(plain_mixed),
            "purge_one_entry_ms": ms(purge),
            "search": detail,
            "backup_is": "Cove's backup: online-backup copy, integrity checks, .covebackup written and synced",
            "restore_is": "restore of that file into a fresh data folder with the passphrase (KDF at its floor)",
        }),
    );
    eprintln!("[{n}] {}", serde_json::to_string(&out).expect("json"));
    out
}

fn unlock_kdf_ms(scratch: &Path, s: &Settings) -> (f64, Value) {
    let params = if s.quick {
        KdfParams::floor()
    } else {
        calibrate_kdf(Duration::from_millis(500))
    };
    let dir = VaultDir::open(scratch.join("kdf")).expect("kdf dir");
    let pass = SecretString::from(PASSPHRASE.to_owned());
    drop(Vault::create(&dir, &pass, params).expect("create"));
    let samples: Vec<Duration> = (0..if s.quick { 1 } else { 5 })
        .map(|_| timed(|| drop(Vault::unlock_with_passphrase(&dir, &pass).expect("unlock"))).1)
        .collect();
    let _ = std::fs::remove_dir_all(dir.path());
    (
        ms(median(&samples)),
        json!({"memory_kib": params.memory_kib(), "iterations": params.iterations(), "parallelism": params.parallelism(), "calibrated": !s.quick}),
    )
}

/// Size in MB (10^6 bytes) of a file, if it exists.
fn file_mb(path: &Path) -> Value {
    std::fs::metadata(path)
        .map(|m| json!((m.len() as f64 / 1e4).round() / 100.0))
        .unwrap_or(Value::Null)
}

/// Size of the newest `.deb` in `dir` (what `tauri build` made last), if any.
fn newest_deb_mb(dir: &Path) -> Value {
    std::fs::read_dir(dir)
        .ok()
        .and_then(|rd| {
            rd.flatten()
                .filter(|e| e.path().extension().is_some_and(|x| x == "deb"))
                .max_by_key(|e| e.metadata().and_then(|m| m.modified()).ok())
        })
        .map(|e| file_mb(&e.path()))
        .unwrap_or(Value::Null)
}

fn main() {
    let s = settings();
    std::fs::create_dir_all(&s.out_dir).expect("target/bench");
    let scratch = tempfile::Builder::new()
        .prefix("scratch-")
        .tempdir_in(&s.out_dir)
        .expect("scratch");
    let mut sizes = BTreeMap::new();
    for &n in &s.sizes {
        sizes.insert(
            n.to_string(),
            Value::Object(measure_size(n, &s, scratch.path())),
        );
    }
    let (kdf_ms, kdf_params) = unlock_kdf_ms(scratch.path(), &s);
    let app = if s.app {
        whole_app(&s, scratch.path())
    } else {
        Map::new()
    };
    let app_field = |key: &str| app.get(key).cloned().unwrap_or(Value::Null);
    let report = json!({
        "generated": chrono::Local::now().to_rfc3339(),
        "mode": if s.quick { "quick" } else { "full" },
        "build": if cfg!(debug_assertions) { "debug" } else { "release" },
        "sizes": sizes,
        "unlock_kdf_ms": kdf_ms,
        "unlock_kdf_params": kdf_params,
        // Whole-app figures, measured from outside the app (`wholeapp.rs`); null with
        // `--quick`/`--no-app`. Sizes are read from the last `tauri build` (release), if any.
        "cold_start_lock_screen_ms": app_field("cold_start_lock_screen_ms"),
        "first_page_after_unlock_ms": app_field("first_page_after_unlock_ms"),
        "idle_pss_mb": app_field("idle_pss_mb"),
        "empty_window_start_ms": app_field("empty_window_start_ms"),
        "empty_window_pss_mb": app_field("empty_window_pss_mb"),
        "whole_app_details": app_field("details"),
        "binary_mb": file_mb(&s.out_dir.join("../release/cove")),
        "deb_mb": newest_deb_mb(&s.out_dir.join("../release/bundle/deb")),
    });
    let path = s.out_dir.join("report.json");
    std::fs::write(
        &path,
        serde_json::to_string_pretty(&report).expect("json") + "\n",
    )
    .expect("write report");
    std::fs::write(s.out_dir.join("report.md"), table(&report)).expect("write table");
    print!("{}", table(&report));
    eprintln!("wrote {}", path.display());
}

/// A 10k-entry journal in its own data folder, with a passphrase slot calibrated like a real
/// one (so unlocking costs what it costs a person), for the app to open.
fn journal_for_app(scratch: &Path) -> PathBuf {
    const N: usize = 10_000;
    eprintln!("[app] writing a {N}-entry journal for the app to open…");
    let folder = scratch.join("app-data");
    let dir = VaultDir::open(&folder).expect("app data dir");
    let (vault, _code) = Vault::create(
        &dir,
        &SecretString::from(PASSPHRASE.to_owned()),
        calibrate_kdf(Duration::from_millis(500)),
    )
    .expect("create app vault");
    vault
        .conn()
        .execute_batch("PRAGMA synchronous = OFF;")
        .expect("fast load");
    let mut work = Workload::new(N, 7);
    for i in 0..N {
        save_entry(vault.conn(), work.entry(i), work.when(i)).expect("load app vault");
    }
    vault.lock();
    drop(dir);
    folder
}

/// Start-up, unlock and memory of the release app and of an empty Tauri window.
fn whole_app(s: &Settings, scratch: &Path) -> Map<String, Value> {
    let attempt = || -> Result<Map<String, Value>, String> {
        let (cove, empty) = if s.build_app {
            wholeapp::build(&s.root)?
        } else {
            let release = s.root.join("target/release");
            (release.join("cove"), release.join("cove-empty-window"))
        };
        let frames = s.out_dir.join("frames");
        let data = journal_for_app(scratch);
        let desktop = wholeapp::Desktop::start()?;
        eprintln!("[app] measuring the empty Tauri window…");
        let floor = wholeapp::measure(&desktop, &empty, "Empty window", None, None, &frames)?;
        eprintln!("[app] measuring Cove (10k entries)…");
        let app = wholeapp::measure(
            &desktop,
            &cove,
            "Cove",
            Some(&data),
            Some(PASSPHRASE),
            &frames,
        )?;
        let mut out = Map::new();
        out.insert("cold_start_lock_screen_ms".into(), json!(app.start_ms));
        out.insert(
            "first_page_after_unlock_ms".into(),
            json!(app.after_unlock_ms),
        );
        out.insert("idle_pss_mb".into(), json!(app.pss_mb));
        out.insert("empty_window_start_ms".into(), json!(floor.start_ms));
        out.insert("empty_window_pss_mb".into(), json!(floor.pss_mb));
        out.insert(
            "details".into(),
            json!({
                "cove_start_samples_ms": app.start_samples_ms,
                "empty_window_start_samples_ms": floor.start_samples_ms,
                "entries_in_app_journal": 10_000,
                "cove_pss_by_process_mb": app.pss_by_process,
                "cove_lock_screen_pss_mb": app.lock_screen_pss_mb,
                "empty_window_pss_by_process_mb": floor.pss_by_process,
                "frames": "target/bench/frames/*.ppm: the frames taken as drawn / unlocked; *-memory.txt: PSS by mapping per process",
                "first_page_includes_kdf_unlock": true,
            }),
        );
        Ok(out)
    };
    attempt().unwrap_or_else(|e| {
        eprintln!("[app] whole-app figures could not be measured: {e}");
        Map::new()
    })
}

/// Whether a size's value meets the target (`None`: no target at that size).
type TargetCheck = fn(&str, f64) -> Option<bool>;

/// The human table: each measure, each size, the target and whether it was met.
fn table(report: &Value) -> String {
    let sizes = report["sizes"].as_object().expect("sizes");
    let mut out = String::from("| measure | target |");
    for n in sizes.keys() {
        out.push_str(&format!(" {n} entries |"));
    }
    out.push_str("\n| --- | --- |");
    for _ in sizes {
        out.push_str(" --- |");
    }
    out.push('\n');
    let rows: [(&str, &str, &str, TargetCheck); 11] = [
        (
            "open + first page (ms)",
            "open_first_page_ms",
            "< 100 at 100k",
            |n, v| (n == "100000").then_some(v < 100.0),
        ),
        ("save p50 (ms)", "save_p50_ms", "–", |_, _| None),
        ("save p99 (ms)", "save_p99_ms", "< 10 at 100k", |n, v| {
            (n == "100000").then_some(v < 10.0)
        }),
        (
            "search p50 (ms)",
            "search_p50_ms",
            "< 10 at 10k, < 50 at 100k",
            |n, v| match n {
                "10000" => Some(v < 10.0),
                "100000" => Some(v < 50.0),
                _ => None,
            },
        ),
        ("search p99 (ms)", "search_p99_ms", "–", |_, _| None),
        ("insights, one year (ms)", "insights_ms", "–", |_, _| None),
        ("backup (ms)", "backup_ms", "–", |_, _| None),
        ("restore (ms)", "restore_ms", "–", |_, _| None),
        ("all goals listed (ms)", "goals_list_ms", "–", |_, _| None),
        (
            "Cove ÷ plain SQLite, mixed workload",
            "plain_sqlite_ratio",
            "≤ 1.3",
            |_, v| Some(v <= 1.3),
        ),
        (
            "naive ÷ Cove, search",
            "naive_search_speedup",
            "higher is better",
            |_, _| None,
        ),
    ];
    for (label, key, target, met) in rows.iter() {
        out.push_str(&format!("| {label} | {target} |"));
        for (n, size) in sizes {
            let v = size[*key].as_f64().unwrap_or(f64::NAN);
            let mark = match met(n, v) {
                Some(true) => " ✓",
                Some(false) => " ✗",
                None => "",
            };
            out.push_str(&format!(" {v}{mark} |"));
        }
        out.push('\n');
    }
    out.push_str(&format!(
        "\nKDF unlock (passphrase, calibrated Argon2id): {} ms\n",
        report["unlock_kdf_ms"]
    ));
    out.push_str(&whole_app_table(report));
    out
}

/// The whole-app figures beside their targets (DESIGN.md §7).
fn whole_app_table(report: &Value) -> String {
    let num = |key: &str| report[key].as_f64();
    let show = |v: Option<f64>| v.map_or("not measured".to_owned(), |v| v.to_string());
    let mark = |ok: Option<bool>| match ok {
        Some(true) => " ✓",
        Some(false) => " ✗",
        None => "",
    };
    let start = num("cold_start_lock_screen_ms");
    let floor_start = num("empty_window_start_ms");
    let pss = num("idle_pss_mb");
    let floor_pss = num("empty_window_pss_mb");
    let deb = num("deb_mb");
    let mut out = String::from(
        "\n| whole app | target | Cove | empty Tauri window |\n| --- | --- | --- | --- |\n",
    );
    out.push_str(&format!(
        "| start to lock screen drawn (ms) | < 500 | {}{} | {} |\n",
        show(start),
        mark(start.map(|v| v < 500.0)),
        show(floor_start)
    ));
    out.push_str(&format!(
        "| Enter on the lock screen to first page drawn, 10k entries, KDF included (ms) | – | {} | – |\n",
        show(num("first_page_after_unlock_ms"))
    ));
    out.push_str(&format!(
        "| idle memory after unlock, PSS of all processes, 10k entries (MB) | floor + 30 | {}{} | {} |\n",
        show(pss),
        mark(pss.zip(floor_pss).map(|(p, f)| p <= f + 30.0)),
        show(floor_pss)
    ));
    out.push_str(&format!(
        "| release binary (MB) | – | {} | – |\n| .deb (MB) | < 8 | {}{} | – |\n",
        show(num("binary_mb")),
        show(deb),
        mark(deb.map(|v| v < 8.0))
    ));
    out
}

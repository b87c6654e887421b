//! Whole-app figures, measured from outside the app's processes (DESIGN.md §7, issue 10):
//! start-up of the release build to the lock screen drawn, the first page after unlock, and the
//! memory (PSS) of every process of the app idle after unlock with a 10k-entry journal; the same
//! start-up and memory for an empty Tauri window (`tests/bench/empty-window`), the floor.
//!
//! How: a private Xvfb display and D-Bus session; the app is spawned and the clock starts; the
//! window is found by its title and its pixels are read straight from the X server (x11rb,
//! `GetImage`) every few milliseconds. "Drawn" = the first frame of the window with the lock
//! screen's content on it (its text and controls give it several hundred colours; the
//! "Opening…" line before it about 80; a blank web view one). Unlock = the passphrase typed
//! with `xdotool` (the field has focus on mount) and Enter; the clock starts at Enter and stops
//! at the first frame of the first page: the picture that differs from the lock screen in more
//! than 15 % of its pixels and then stays the same for 400 ms. The frames taken as "drawn" and
//! "unlocked" are kept in `target/bench/frames/` to be looked at. PSS is summed from `/proc/<pid>/smaps_rollup` over the app
//! and all its descendants (WebKit's web and network processes), so shared pages count once.

use std::collections::HashSet;
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::thread::sleep;
use std::time::{Duration, Instant};

use x11rb::connection::Connection as _;
use x11rb::protocol::xproto::{AtomEnum, ConnectionExt, ImageFormat, MapState, Window};
use x11rb::rust_connection::RustConnection;

/// How many times each start-up is measured (the median is reported).
const STARTS: usize = 5;
/// The lock screen (heading, text, field, buttons, antialiased text) has several hundred
/// distinct colours in a sample of every third pixel; the "Opening…" line shown before it about
/// 80; a blank page one. Calibrated on the frames `target/bench/frames/` keeps.
const LOCK_SCREEN_COLOURS: usize = 300;
/// After unlocking, the first page counts once at least this share of the pixels differs from
/// the lock screen (the sidebar alone is more); "Unlocking…" on the button is far less.
const PAGE_CHANGED: f64 = 0.15;
/// How long the picture must stay the same to count as settled.
const SETTLED: Duration = Duration::from_millis(400);
/// How long to wait before reading memory, once the app is idle.
const IDLE: Duration = Duration::from_secs(5);
const TIMEOUT: Duration = Duration::from_secs(60);

/// What one app measurement gives.
pub struct AppFigures {
    pub start_ms: f64,
    pub start_samples_ms: Vec<f64>,
    pub pss_mb: f64,
    /// Each process's share: the app, WebKit's web process, its network process, …
    pub pss_by_process: Vec<(String, f64)>,
    /// Only for Cove: Enter on the lock screen → first frame of the settled first page.
    pub after_unlock_ms: Option<f64>,
    /// Only for Cove: PSS of every process on the lock screen, before unlocking (MB).
    pub lock_screen_pss_mb: Option<f64>,
}

/// A private X display and D-Bus session, stopped on drop.
pub struct Desktop {
    display: String,
    dbus_address: String,
    xvfb: Child,
    dbus: Child,
}

impl Drop for Desktop {
    fn drop(&mut self) {
        let _ = self.xvfb.kill();
        let _ = self.dbus.kill();
        let _ = self.xvfb.wait();
        let _ = self.dbus.wait();
    }
}

impl Desktop {
    pub fn start() -> Result<Desktop, String> {
        // `-displayfd` makes Xvfb pick a free display and tell us its number once it is ready.
        let mut xvfb = Command::new("Xvfb")
            .args([
                "-displayfd",
                "1",
                "-screen",
                "0",
                "1280x900x24",
                "-nolisten",
                "tcp",
            ])
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .map_err(|e| format!("Xvfb could not start ({e}); run scripts/setup.sh"))?;
        let mut line = String::new();
        BufReader::new(xvfb.stdout.take().expect("xvfb stdout"))
            .read_line(&mut line)
            .map_err(|e| format!("Xvfb: {e}"))?;
        let display = format!(":{}", line.trim());
        let mut dbus = Command::new("dbus-daemon")
            .args(["--session", "--nofork", "--print-address=1"])
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .map_err(|e| format!("dbus-daemon could not start ({e})"))?;
        let mut address = String::new();
        BufReader::new(dbus.stdout.take().expect("dbus stdout"))
            .read_line(&mut address)
            .map_err(|e| format!("dbus-daemon: {e}"))?;
        Ok(Desktop {
            display,
            dbus_address: address.trim().to_owned(),
            xvfb,
            dbus,
        })
    }

    fn command(&self, program: &Path) -> Command {
        let mut cmd = Command::new(program);
        cmd.env("DISPLAY", &self.display)
            .env("DBUS_SESSION_BUS_ADDRESS", &self.dbus_address)
            .env("NO_AT_BRIDGE", "1")
            .env("WEBKIT_DISABLE_DMABUF_RENDERER", "1")
            .stdout(Stdio::null())
            .stderr(Stdio::null());
        cmd
    }

    fn xdotool(&self, args: &[&str]) -> Result<(), String> {
        let status = Command::new("xdotool")
            .args(args)
            .env("DISPLAY", &self.display)
            .status()
            .map_err(|e| format!("xdotool could not run ({e}); run scripts/setup.sh"))?;
        status
            .success()
            .then_some(())
            .ok_or_else(|| format!("xdotool {args:?} failed"))
    }
}

/// Reads a window's pixels from the X server.
struct Screen {
    conn: RustConnection,
    root: Window,
    net_wm_name: u32,
}

impl Screen {
    fn open(display: &str) -> Result<Screen, String> {
        let (conn, screen) =
            x11rb::connect(Some(display)).map_err(|e| format!("connect to {display}: {e}"))?;
        let root = conn.setup().roots[screen].root;
        let net_wm_name = conn
            .intern_atom(false, b"_NET_WM_NAME")
            .map_err(|e| e.to_string())?
            .reply()
            .map_err(|e| e.to_string())?
            .atom;
        Ok(Screen {
            conn,
            root,
            net_wm_name,
        })
    }

    /// The mapped top-level window with this title, if there is one yet.
    fn window(&self, title: &str) -> Option<Window> {
        let tree = self.conn.query_tree(self.root).ok()?.reply().ok()?;
        tree.children.into_iter().find(|&w| {
            let viewable = self
                .conn
                .get_window_attributes(w)
                .ok()
                .and_then(|c| c.reply().ok())
                .is_some_and(|a| a.map_state == MapState::VIEWABLE);
            viewable
                && [self.net_wm_name, u32::from(AtomEnum::WM_NAME)]
                    .iter()
                    .any(|&atom| {
                        self.conn
                            .get_property(false, w, atom, AtomEnum::ANY, 0, 256)
                            .ok()
                            .and_then(|c| c.reply().ok())
                            .is_some_and(|p| p.value == title.as_bytes())
                    })
        })
    }

    /// The window's width in pixels.
    fn width(&self, window: Window) -> usize {
        self.conn
            .get_geometry(window)
            .ok()
            .and_then(|c| c.reply().ok())
            .map_or(0, |g| usize::from(g.width))
    }

    /// The window's pixels (32 bits each), or `None` if it cannot be read right now.
    fn frame(&self, window: Window) -> Option<Vec<u32>> {
        let geometry = self.conn.get_geometry(window).ok()?.reply().ok()?;
        let image = self
            .conn
            .get_image(
                ImageFormat::Z_PIXMAP,
                window,
                0,
                0,
                geometry.width,
                geometry.height,
                !0,
            )
            .ok()?
            .reply()
            .ok()?;
        Some(
            image
                .data
                .chunks_exact(4)
                .map(|p| u32::from_le_bytes([p[0], p[1], p[2], 0]))
                .collect(),
        )
    }
}

fn colours(frame: &[u32]) -> usize {
    frame.iter().step_by(3).collect::<HashSet<_>>().len()
}

fn ms(d: Duration) -> f64 {
    (d.as_secs_f64() * 10_000.0).round() / 10.0
}

/// Polls until `done(frame)` holds for a frame of the window titled `title`; returns when.
fn wait_for_frame(
    screen: &Screen,
    title: &str,
    since: Instant,
    done: impl Fn(&[u32]) -> bool,
) -> Result<(Window, Instant, Vec<u32>), String> {
    loop {
        if since.elapsed() > TIMEOUT {
            return Err(format!(
                "the window \"{title}\" was not drawn within {TIMEOUT:?}"
            ));
        }
        if let Some(window) = screen.window(title) {
            if let Some(frame) = screen.frame(window) {
                let at = Instant::now();
                if done(&frame) {
                    return Ok((window, at, frame));
                }
            }
        }
        sleep(Duration::from_millis(2));
    }
}

/// Share of pixels that differ between two frames of the same window.
fn changed_share(a: &[u32], b: &[u32]) -> f64 {
    if a.len() != b.len() || a.is_empty() {
        return 1.0;
    }
    let differ = a.iter().zip(b).filter(|(x, y)| x != y).count();
    differ as f64 / a.len() as f64
}

/// Waits until the window shows a picture `accept` takes and that stays the same for
/// `SETTLED`; returns the first moment of that picture.
fn wait_settled(
    screen: &Screen,
    window: Window,
    accept: impl Fn(&[u32]) -> bool,
) -> Result<Instant, String> {
    let start = Instant::now();
    let mut last: Option<(Vec<u32>, Instant)> = None;
    loop {
        if start.elapsed() > TIMEOUT {
            return Err("the window never settled".into());
        }
        let Some(frame) = screen.frame(window) else {
            sleep(Duration::from_millis(2));
            continue;
        };
        let now = Instant::now();
        match &last {
            Some((previous, since)) if *previous == frame => {
                if accept(&frame) && now.duration_since(*since) >= SETTLED {
                    return Ok(*since);
                }
            }
            _ => last = Some((frame, now)),
        }
        sleep(Duration::from_millis(2));
    }
}

/// Every descendant of `pid` (WebKit's processes are children of the app).
fn process_tree(pid: u32) -> Vec<u32> {
    let mut parents: Vec<(u32, u32)> = Vec::new();
    if let Ok(entries) = std::fs::read_dir("/proc") {
        for entry in entries.flatten() {
            let Some(child) = entry
                .file_name()
                .to_str()
                .and_then(|s| s.parse::<u32>().ok())
            else {
                continue;
            };
            let Ok(stat) = std::fs::read_to_string(format!("/proc/{child}/stat")) else {
                continue;
            };
            // The command name is in parentheses and may hold spaces: read after the last ')'.
            let Some(rest) = stat.rsplit_once(')').map(|(_, r)| r) else {
                continue;
            };
            if let Some(ppid) = rest.split_whitespace().nth(1).and_then(|s| s.parse().ok()) {
                parents.push((child, ppid));
            }
        }
    }
    let mut tree = vec![pid];
    let mut i = 0;
    while i < tree.len() {
        let parent = tree[i];
        tree.extend(
            parents
                .iter()
                .filter(|(_, p)| *p == parent)
                .map(|(c, _)| *c),
        );
        i += 1;
    }
    tree
}

fn mb(kib: u64) -> f64 {
    (kib as f64 * 1024.0 / 1e4).round() / 100.0
}

/// Proportional set size of each process of the tree (name, MB of 10^6 bytes).
fn pss_by_process(pid: u32) -> Vec<(String, f64)> {
    process_tree(pid)
        .into_iter()
        .filter_map(|p| {
            let text = std::fs::read_to_string(format!("/proc/{p}/smaps_rollup")).ok()?;
            let kib = text
                .lines()
                .find(|l| l.starts_with("Pss:"))
                .and_then(|l| l.split_whitespace().nth(1))
                .and_then(|v| v.parse::<u64>().ok())?;
            let name = std::fs::read_to_string(format!("/proc/{p}/comm")).unwrap_or_default();
            Some((name.trim().to_owned(), mb(kib)))
        })
        .collect()
}

/// Where each process's PSS sits, by mapping (a library, `[anon]`, `[heap]`, the binary…),
/// largest first, as text: the numbers behind "where the memory goes" in `docs/benchmarks.md`.
fn pss_by_mapping(pid: u32) -> String {
    let mut out = String::new();
    for p in process_tree(pid) {
        let Ok(text) = std::fs::read_to_string(format!("/proc/{p}/smaps")) else {
            continue;
        };
        let mut by_name: Vec<(String, u64)> = Vec::new();
        let mut name = String::new();
        for line in text.lines() {
            let mut fields = line.split_whitespace();
            let first = fields.next().unwrap_or_default();
            if first.contains('-') && first.chars().all(|c| c.is_ascii_hexdigit() || c == '-') {
                // "start-end perms offset dev inode [path]": anonymous mappings have no path.
                name = fields.nth(4).unwrap_or("[anon]").to_owned();
            } else if first == "Pss:" {
                let kib: u64 = fields.next().and_then(|v| v.parse().ok()).unwrap_or(0);
                match by_name.iter_mut().find(|(n, _)| *n == name) {
                    Some((_, total)) => *total += kib,
                    None => by_name.push((name.clone(), kib)),
                }
            }
        }
        by_name.sort_by_key(|(_, kib)| std::cmp::Reverse(*kib));
        let comm = std::fs::read_to_string(format!("/proc/{p}/comm")).unwrap_or_default();
        let total: u64 = by_name.iter().map(|(_, k)| k).sum();
        out.push_str(&format!("{} (pid {p}): {:.1} MB\n", comm.trim(), mb(total)));
        for (name, kib) in by_name.iter().take(20) {
            out.push_str(&format!("  {:>7.1}  {name}\n", mb(*kib)));
        }
    }
    out
}

/// Writes a frame as a binary PPM (ImageMagick's `convert x.ppm x.png` shows it), so what was
/// taken for "drawn" can be looked at.
fn save_frame(path: &Path, frame: &[u32], width: usize) {
    if width == 0 {
        return;
    }
    let height = frame.len() / width;
    let mut out = format!("P6\n{width} {height}\n255\n").into_bytes();
    for p in frame {
        out.extend_from_slice(&[(p >> 16) as u8, (p >> 8) as u8, *p as u8]);
    }
    let _ = std::fs::create_dir_all(path.parent().expect("frames folder"));
    let _ = std::fs::write(path, out);
}

fn total_mb(by_process: &[(String, f64)]) -> f64 {
    (by_process.iter().map(|(_, v)| v).sum::<f64>() * 100.0).round() / 100.0
}

/// Whether a finished backup file is in `folder` (the automatic one after unlocking).
fn has_backup(folder: &Path) -> bool {
    std::fs::read_dir(folder).is_ok_and(|entries| {
        entries
            .flatten()
            .any(|e| e.path().extension().is_some_and(|x| x == "covebackup"))
    })
}

fn stop(mut child: Child) {
    let _ = child.kill();
    let _ = child.wait();
}

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(f64::total_cmp);
    v[v.len() / 2]
}

/// Starts `program` `STARTS` times and measures it; the last run also gives memory (after
/// unlocking with `passphrase` when given).
pub fn measure(
    desktop: &Desktop,
    program: &Path,
    title: &str,
    data_dir: Option<&Path>,
    passphrase: Option<&str>,
    frames: &Path,
) -> Result<AppFigures, String> {
    let screen = Screen::open(&desktop.display)?;
    let drawn = |frame: &[u32]| {
        if passphrase.is_some() {
            colours(frame) >= LOCK_SCREEN_COLOURS
        } else {
            // The blank page's own colour (#f6f1e7) covers the window.
            frame.iter().step_by(97).all(|&p| p == 0x00f6_f1e7)
        }
    };
    let mut samples = Vec::new();
    for run in 0..STARTS {
        let mut cmd = desktop.command(program);
        if let Some(dir) = data_dir {
            cmd.env("COVE_DATA_DIR", dir);
        }
        let t0 = Instant::now();
        let child = cmd
            .spawn()
            .map_err(|e| format!("{} could not start: {e}", program.display()))?;
        let (window, at, first) = match wait_for_frame(&screen, title, t0, drawn) {
            Ok(found) => found,
            Err(e) => {
                stop(child);
                return Err(e);
            }
        };
        samples.push(ms(at.duration_since(t0)));
        if run + 1 < STARTS {
            stop(child);
            // Let the single-instance lock and the data folder lock go before the next start.
            sleep(Duration::from_millis(300));
            continue;
        }
        let name = title.to_lowercase().replace(' ', "-");
        let width = screen.width(window);
        save_frame(&frames.join(format!("{name}-drawn.ppm")), &first, width);
        let mut after_unlock_ms = None;
        let mut lock_screen_pss_mb = None;
        if let Some(pass) = passphrase {
            // Type only once the lock screen has finished drawing (fonts, layout).
            wait_settled(&screen, window, |_| true)?;
            sleep(Duration::from_secs(2));
            lock_screen_pss_mb = Some(total_mb(&pss_by_process(child.id())));
            let _ = std::fs::write(
                frames.join(format!("{name}-lock-screen-memory.txt")),
                pss_by_mapping(child.id()),
            );
            let lock_frame = screen.frame(window).unwrap_or(first);
            let id = window.to_string();
            desktop.xdotool(&["windowfocus", "--sync", &id])?;
            desktop.xdotool(&["type", "--delay", "1", pass])?;
            sleep(Duration::from_millis(100));
            desktop.xdotool(&["key", "Return"])?;
            let enter = Instant::now();
            let settled = wait_settled(&screen, window, |frame| {
                changed_share(frame, &lock_frame) > PAGE_CHANGED
            })?;
            after_unlock_ms = Some(ms(settled.duration_since(enter)));
            if let Some(frame) = screen.frame(window) {
                save_frame(&frames.join(format!("{name}-unlocked.ppm")), &frame, width);
            }
        }
        // Idle means idle: Cove makes its daily backup a few moments after unlocking, so wait
        // for that file to appear before the idle wait starts.
        if let Some(dir) = data_dir.filter(|_| passphrase.is_some()) {
            let since = Instant::now();
            while !has_backup(&dir.join("backups")) && since.elapsed() < TIMEOUT {
                sleep(Duration::from_millis(100));
            }
        }
        sleep(IDLE);
        let by_process = pss_by_process(child.id());
        let _ = std::fs::write(
            frames.join(format!("{name}-idle-memory.txt")),
            pss_by_mapping(child.id()),
        );
        stop(child);
        return Ok(AppFigures {
            start_ms: median(samples.clone()),
            start_samples_ms: samples,
            pss_mb: total_mb(&by_process),
            pss_by_process: by_process,
            after_unlock_ms,
            lock_screen_pss_mb,
        });
    }
    unreachable!("STARTS is at least 1")
}

/// Builds what the whole-app figures need: Cove's release build with its `.deb` (`tauri build`,
/// which also builds the front end) and the empty window. Returns their paths.
pub fn build(root: &Path) -> Result<(PathBuf, PathBuf), String> {
    let run = |cmd: &mut Command, what: &str| -> Result<(), String> {
        eprintln!("[app] {what}…");
        let status = cmd
            .current_dir(root)
            .status()
            .map_err(|e| format!("{what}: {e}"))?;
        status
            .success()
            .then_some(())
            .ok_or_else(|| format!("{what} failed"))
    };
    run(
        Command::new(root.join("ui/node_modules/.bin/tauri")).args(["build", "--bundles", "deb"]),
        "building Cove's release build and .deb (tauri build)",
    )?;
    run(
        Command::new("cargo").args([
            "build",
            "--release",
            "-p",
            "cove-empty-window",
            "--features",
            "custom-protocol",
        ]),
        "building the empty Tauri window",
    )?;
    Ok((
        root.join("target/release/cove"),
        root.join("target/release/cove-empty-window"),
    ))
}

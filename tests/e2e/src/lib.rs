//! The end-to-end harness: starts the real Cove binary through `tauri-driver` (which drives
//! Debian's `WebKitWebDriver`), gives each test its own data folder under `target/e2e/data/`,
//! and saves a screenshot of every screen a test visits to `target/e2e/screens/<screen>.png`.
//!
//! The suite expects to run under `xvfb-run` inside `dbus-run-session` (see `scripts/test.sh`)
//! and the app to be built first with `tauri build --debug --no-bundle`.
//! Tests wait on conditions (an element appearing, a text changing), never on fixed sleeps.

use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::Stdio;
use std::time::{Duration, Instant};

use fantoccini::elements::Element;
use fantoccini::{Client, ClientBuilder, Locator};
use tokio::process::{Child, Command};

/// How long any single condition may take before the test fails.
pub const WAIT: Duration = Duration::from_secs(30);

/// How long starting a session (and so the app and its window) may take.
const SESSION_WAIT: Duration = Duration::from_secs(120);

/// How long an app may take to close by itself once its session has ended.
const CLOSE_WAIT: Duration = Duration::from_secs(30);

/// The repository root (this crate lives in `tests/e2e`).
pub fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../..")
        .canonicalize()
        .expect("repo root")
}

pub fn e2e_dir() -> PathBuf {
    repo_root().join("target/e2e")
}

/// An empty folder `target/e2e/data/<name>` (a USB stick, where files are saved or opened from).
pub fn fresh_dir(name: &str) -> PathBuf {
    let dir = e2e_dir().join("data").join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("create folder");
    dir
}

/// The app binary `tauri build --debug --no-bundle` produced (override with `COVE_E2E_APP`).
pub fn app_binary() -> PathBuf {
    if let Some(path) = std::env::var_os("COVE_E2E_APP") {
        return PathBuf::from(path);
    }
    let target = std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| repo_root().join("target"));
    target.join("debug/cove")
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .expect("bind loopback")
        .local_addr()
        .expect("addr")
        .port()
}

/// A running Cove window and the WebDriver session that drives it.
pub struct App {
    pub client: Client,
    driver: Child,
    pub data_dir: PathBuf,
}

impl App {
    /// Starts Cove on a fresh, empty data folder `target/e2e/data/<name>`.
    pub async fn fresh(name: &str) -> App {
        let data_dir = e2e_dir().join("data").join(name);
        if data_dir.exists() {
            std::fs::remove_dir_all(&data_dir).expect("clear old e2e data");
        }
        Self::start(data_dir).await
    }

    /// Starts Cove on an existing data folder (e.g. to prove what survives a restart).
    pub async fn start(data_dir: PathBuf) -> App {
        let app = app_binary();
        assert!(
            app.exists(),
            "{} is missing: run the suite with scripts/e2e.sh, which builds it first",
            app.display()
        );
        // A Cove left running (by a test that failed before it quit) holds the single-instance
        // guard: this test's app would close at once and its session never start.
        for (pid, _) in cove_processes() {
            end_leftover(pid, "an earlier test left it running").await;
        }
        let port = free_port();
        let native_port = free_port();
        let driver =
            Command::new(std::env::var("TAURI_DRIVER").unwrap_or_else(|_| "tauri-driver".into()))
                .args([
                    "--port",
                    &port.to_string(),
                    "--native-port",
                    &native_port.to_string(),
                ])
                .env("COVE_DATA_DIR", &data_dir)
                .env("NO_AT_BRIDGE", "1")
                .env("WEBKIT_DISABLE_DMABUF_RENDERER", "1")
                .stdout(Stdio::null())
                .stderr(Stdio::inherit())
                .kill_on_drop(true)
                .spawn()
                .expect("start tauri-driver (installed by scripts/setup.sh)");

        let url = format!("http://127.0.0.1:{port}");
        let mut caps = serde_json::Map::new();
        caps.insert(
            "tauri:options".into(),
            serde_json::json!({ "application": app.to_string_lossy() }),
        );
        // Wait until tauri-driver and the WebKitWebDriver it starts both listen, then ask for
        // exactly one session: a retried session request could start a second Cove, which the
        // single-instance guard would close.
        for listener in [port, native_port] {
            let started = Instant::now();
            while tokio::net::TcpStream::connect(("127.0.0.1", listener))
                .await
                .is_err()
            {
                assert!(
                    started.elapsed() < WAIT,
                    "the WebDriver never listened on port {listener}"
                );
                tokio::time::sleep(Duration::from_millis(50)).await;
            }
        }
        let connector = hyper_util::client::legacy::connect::HttpConnector::new();
        let mut builder = ClientBuilder::new(connector);
        let session = builder.capabilities(caps).connect(&url);
        let client = match tokio::time::timeout(SESSION_WAIT, session).await {
            Ok(Ok(client)) => client,
            Ok(Err(err)) => panic!("could not start a WebDriver session with Cove: {err}"),
            Err(_) => panic!(
                "no WebDriver session with Cove after {SESSION_WAIT:?}; Cove processes: {:?}",
                cove_processes()
                    .iter()
                    .map(|(pid, _)| pid)
                    .collect::<Vec<_>>()
            ),
        };
        App {
            client,
            driver,
            data_dir,
        }
    }

    /// Waits for the element with `data-testid`, then returns it.
    pub async fn find(&self, testid: &str) -> Element {
        let found = self
            .client
            .wait()
            .at_most(WAIT)
            .for_element(Locator::Css(&format!("[data-testid=\"{testid}\"]")))
            .await;
        match found {
            Ok(el) => el,
            Err(err) => {
                self.save_failure(testid).await;
                panic!("[data-testid={testid}] never appeared: {err}")
            }
        }
    }

    /// The shortest way through first-run setup (client mode, a name, no pronouns, no PIN);
    /// ends on Today. Returns the recovery code.
    pub async fn complete_first_run(&self, name: &str, passphrase: &str) -> String {
        self.complete_first_run_as("client", name, passphrase).await
    }

    /// First-run setup in `mode` (`client` or `counselor`), otherwise as `complete_first_run`.
    pub async fn complete_first_run_as(&self, mode: &str, name: &str, passphrase: &str) -> String {
        self.click("onboarding-next").await;
        self.click(&format!("onboarding-mode-{mode}")).await;
        self.type_into("onboarding-name", name).await;
        self.click("onboarding-next").await;
        self.type_into("onboarding-passphrase", passphrase).await;
        self.type_into("onboarding-passphrase-confirm", passphrase)
            .await;
        self.click("onboarding-create").await;
        let code = self.text_of("recovery-code").await;
        self.click("onboarding-next").await;
        self.type_into("recovery-confirm-input", &code).await;
        self.click("recovery-confirm-submit").await;
        self.click("pin-skip").await;
        self.find("screen-today").await;
        code
    }

    /// The names of every window on the X display (what a taskbar or window list shows),
    /// read from the X server with `xwininfo`.
    pub async fn x_window_names(&self) -> Vec<String> {
        let out = Command::new("xwininfo")
            .args(["-root", "-tree"])
            .output()
            .await
            .expect("run xwininfo (x11-utils, installed by scripts/setup.sh)");
        String::from_utf8_lossy(&out.stdout)
            .lines()
            .filter_map(|line| {
                let start = line.find('"')? + 1;
                let len = line[start..].find('"')?;
                Some(line[start..start + len].to_owned())
            })
            .collect()
    }

    /// Resolves once the page has painted its latest change (two animation frames).
    async fn painted(&self) {
        let script = "const done = arguments[arguments.length - 1];\
                      requestAnimationFrame(() => requestAnimationFrame(() => done(true)));";
        self.client
            .execute_async(script, vec![])
            .await
            .expect("wait for paint");
    }

    /// Keeps what the window showed when a wait failed: a screenshot and the page's HTML, under
    /// `target/e2e/failures/`.
    async fn save_failure(&self, what: &str) {
        let dir = e2e_dir().join("failures");
        let _ = std::fs::create_dir_all(&dir);
        capture_screen(&dir.join(format!("{what}.png"))).await;
        if let Ok(html) = self.client.source().await {
            let _ = std::fs::write(dir.join(format!("{what}.html")), html);
        }
    }

    /// Waits until some element matching the CSS selector exists.
    pub async fn find_css(&self, css: &str) -> Element {
        self.client
            .wait()
            .at_most(WAIT)
            .for_element(Locator::Css(css))
            .await
            .unwrap_or_else(|err| panic!("{css} never appeared: {err}"))
    }

    /// The `data-testid` of the first element whose test id starts with `prefix` and ends with
    /// `suffix` (for ids that carry a database id, e.g. `share-pick-entry-7`).
    pub async fn testid_like(&self, prefix: &str, suffix: &str) -> String {
        // `[attr$=""]` matches nothing, so an empty suffix is left out of the selector.
        let ends = if suffix.is_empty() {
            String::new()
        } else {
            format!("[data-testid$=\"{suffix}\"]")
        };
        self.find_css(&format!("[data-testid^=\"{prefix}\"]{ends}"))
            .await
            .attr("data-testid")
            .await
            .ok()
            .flatten()
            .expect("a test id")
    }

    /// Finds the element and waits until it is shown (a panel that is still switching in, or
    /// a screen that is still arriving, keeps its fields hidden for a moment).
    pub async fn find_shown(&self, testid: &str) -> Element {
        let started = Instant::now();
        loop {
            let el = self.find(testid).await;
            if el.is_displayed().await.unwrap_or(false) {
                return el;
            }
            if started.elapsed() > WAIT {
                self.save_failure(testid).await;
                panic!("[data-testid={testid}] is in the page but never shown");
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }

    /// Scrolls the element to the middle of the window (as a person would before clicking, and
    /// clear of sticky bars), then clicks it.
    pub async fn click(&self, testid: &str) {
        let el = self.find(testid).await;
        let arg = serde_json::to_value(&el).expect("element reference");
        self.client
            .execute("arguments[0].scrollIntoView({block: 'center'});", vec![arg])
            .await
            .unwrap_or_else(|err| panic!("scroll to {testid}: {err}"));
        el.click()
            .await
            .unwrap_or_else(|err| panic!("click {testid}: {err}"));
    }

    /// Clicks a tab and waits until it is the selected one (a tab switch may be a transition:
    /// its panel is shown only once it is selected).
    pub async fn select_tab(&self, testid: &str) {
        self.click(testid).await;
        self.find_css(&format!(
            "[data-testid=\"{testid}\"][aria-selected=\"true\"]"
        ))
        .await;
    }

    /// Clicks a button by its exact visible text.
    pub async fn click_text(&self, text: &str) {
        let xpath = format!("//button[normalize-space(.)={}]", xpath_literal(text));
        self.client
            .wait()
            .at_most(WAIT)
            .for_element(Locator::XPath(&xpath))
            .await
            .unwrap_or_else(|err| panic!("no button reads {text:?}: {err}"))
            .click()
            .await
            .unwrap_or_else(|err| panic!("click {text:?}: {err}"));
    }

    /// Replaces the field's text the way a person does (select all, delete, type), so React's
    /// change events fire; WebDriver's own `clear` bypasses them. If the screen replaced the field
    /// between finding it and typing (a screen arriving again remounts), the new field is found
    /// and the whole replacement done again there.
    pub async fn type_into(&self, testid: &str, text: &str) {
        let mut attempt = 0;
        loop {
            attempt += 1;
            let el = self.find_shown(testid).await;
            let mut result = el.send_keys("\u{e009}a\u{e000}\u{e003}").await;
            if result.is_ok() && !text.is_empty() {
                result = el.send_keys(text).await;
            }
            match result {
                Ok(()) => return,
                Err(err) if attempt < 3 && is_stale(&err) => {
                    tokio::time::sleep(Duration::from_millis(50)).await;
                }
                Err(err) => panic!("type into {testid}: {err}"),
            }
        }
    }

    /// Waits until the element with this testid has the keyboard focus.
    pub async fn wait_focused(&self, testid: &str) {
        let started = Instant::now();
        let script = format!(
            "return document.activeElement && document.activeElement.getAttribute('data-testid') === {};",
            serde_json::to_string(testid).expect("testid as JSON")
        );
        loop {
            let focused = self.client.execute(&script, vec![]).await;
            if matches!(focused, Ok(serde_json::Value::Bool(true))) {
                return;
            }
            assert!(
                started.elapsed() < WAIT,
                "[data-testid={testid}] never got the focus"
            );
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }

    pub async fn value_of(&self, testid: &str) -> String {
        self.find(testid)
            .await
            .prop("value")
            .await
            .ok()
            .flatten()
            .unwrap_or_default()
    }

    pub async fn text_of(&self, testid: &str) -> String {
        self.find(testid).await.text().await.unwrap_or_default()
    }

    /// Waits until the element's text contains `needle`.
    pub async fn wait_for_text(&self, testid: &str, needle: &str) {
        let started = Instant::now();
        loop {
            let text = self.text_of(testid).await;
            if text.contains(needle) {
                return;
            }
            if started.elapsed() > WAIT {
                self.save_failure(testid).await;
                panic!("[data-testid={testid}] never said {needle:?}; it says {text:?}");
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }

    /// Waits until no element with this testid is in the page.
    pub async fn wait_gone(&self, testid: &str) {
        let started = Instant::now();
        let css = format!("[data-testid=\"{testid}\"]");
        while self.client.find(Locator::Css(&css)).await.is_ok() {
            assert!(
                started.elapsed() < WAIT,
                "[data-testid={testid}] never went away"
            );
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }

    /// Sends keys to whatever has focus (e.g. shortcuts).
    pub async fn press(&self, keys: &str) {
        let body = self.find_css("body").await;
        body.send_keys(keys)
            .await
            .unwrap_or_else(|err| panic!("press keys: {err}"));
    }

    /// The whole visible text of the page.
    pub async fn page_text(&self) -> String {
        self.find_css("body").await.text().await.unwrap_or_default()
    }

    /// Saves what the window shows now as `target/e2e/screens/<screen>.png`.
    pub async fn screenshot(&self, screen: &str) {
        let dir = e2e_dir().join("screens");
        std::fs::create_dir_all(&dir).expect("screens dir");
        self.painted().await;
        capture_screen(&dir.join(format!("{screen}.png"))).await;
    }

    /// Answers the system file or folder chooser (or save dialog) the app just opened (GTK's,
    /// through the dialog plugin), the way a person using the keyboard would: waits for the
    /// window titled `title`, gives it focus, opens its location field (Ctrl+L), types `path`
    /// and presses Enter. Uses `xdotool` (installed by `scripts/setup.sh`) on the test's X display.
    pub async fn answer_file_chooser(&self, title: &str, path: &Path, screen: Option<&str>) {
        let xdotool = |args: Vec<String>| async move {
            let out = Command::new("xdotool")
                .args(&args)
                .output()
                .await
                .expect("run xdotool (installed by scripts/setup.sh)");
            assert!(
                out.status.success(),
                "xdotool {args:?} failed: {}",
                String::from_utf8_lossy(&out.stderr)
            );
            String::from_utf8_lossy(&out.stdout).trim().to_owned()
        };
        let found = tokio::time::timeout(
            WAIT,
            xdotool(vec![
                "search".into(),
                "--sync".into(),
                "--onlyvisible".into(),
                "--name".into(),
                format!("^{}$", regex_escape(title)),
            ]),
        )
        .await
        .unwrap_or_else(|_| panic!("no file chooser titled {title:?} appeared"));
        let window = found.lines().last().expect("a window id").to_owned();
        xdotool(vec!["windowfocus".into(), "--sync".into(), window.clone()]).await;
        // GTK opens on "Recent", where a typed location cannot be chosen: go to the home
        // folder first (Alt+Home), then open the location field.
        xdotool(vec![
            "key".into(),
            "--clearmodifiers".into(),
            "alt+Home".into(),
        ])
        .await;
        tokio::time::sleep(Duration::from_millis(300)).await;
        xdotool(vec![
            "key".into(),
            "--clearmodifiers".into(),
            "ctrl+l".into(),
        ])
        .await;
        // A save dialog has its name field focused with the suggested name selected up to its
        // extension: select all of it so the typed path replaces the whole name.
        xdotool(vec![
            "key".into(),
            "--clearmodifiers".into(),
            "ctrl+a".into(),
        ])
        .await;
        xdotool(vec![
            "type".into(),
            "--delay".into(),
            "10".into(),
            path.to_str().expect("utf-8 path").to_owned(),
        ])
        .await;
        // GTK completes a typed folder name inline (e.g. a selected trailing "/"); Delete drops
        // that suggestion so Enter chooses exactly the path typed.
        tokio::time::sleep(Duration::from_millis(400)).await;
        xdotool(vec!["key".into(), "Delete".into()]).await;
        if let Some(screen) = screen {
            capture_screen(&e2e_dir().join("screens").join(format!("{screen}.png"))).await;
        }
        xdotool(vec!["key".into(), "Return".into()]).await;
        // In a folder chooser the first Enter may only open the folder typed; a second one
        // chooses it. Stop as soon as the chooser is gone.
        for _ in 0..3 {
            tokio::time::sleep(Duration::from_millis(700)).await;
            let still_open = Command::new("xdotool")
                .args([
                    "search",
                    "--onlyvisible",
                    "--name",
                    &format!("^{}$", regex_escape(title)),
                ])
                .output()
                .await
                .is_ok_and(|out| out.status.success());
            if !still_open {
                return;
            }
            xdotool(vec!["key".into(), "Return".into()]).await;
        }
    }

    /// Waits for a system dialog titled `title` (e.g. GTK's print dialog), keeps a screenshot of
    /// it as `screen`, then closes it with Escape, as a person changing their mind would, and
    /// waits until it is gone.
    pub async fn dismiss_system_dialog(&self, title: &str, screen: &str) {
        let pattern = format!("^{}$", regex_escape(title));
        let search = || {
            Command::new("xdotool")
                .args(["search", "--onlyvisible", "--name", &pattern])
                .output()
        };
        let started = Instant::now();
        let window = loop {
            let out = search().await.expect("run xdotool");
            let found = String::from_utf8_lossy(&out.stdout).trim().to_owned();
            if out.status.success() && !found.is_empty() {
                break found.lines().last().expect("a window").to_owned();
            }
            if started.elapsed() > WAIT {
                let names = self.x_window_names().await;
                self.save_failure(title).await;
                panic!("no window titled {title:?} appeared; the windows are {names:?}");
            }
            tokio::time::sleep(Duration::from_millis(200)).await;
        };
        tokio::time::sleep(Duration::from_millis(500)).await;
        capture_screen(&e2e_dir().join("screens").join(format!("{screen}.png"))).await;
        for args in [
            vec!["windowfocus", "--sync", window.as_str()],
            vec!["key", "--clearmodifiers", "Escape"],
        ] {
            let out = Command::new("xdotool")
                .args(&args)
                .output()
                .await
                .expect("run xdotool");
            assert!(out.status.success(), "xdotool {args:?} failed");
        }
        let started = Instant::now();
        while search().await.is_ok_and(|out| out.status.success()) {
            assert!(
                started.elapsed() < WAIT,
                "the {title:?} window never closed"
            );
            tokio::time::sleep(Duration::from_millis(200)).await;
        }
    }

    /// The text of every element with this test id, from the DOM (`textContent`): includes
    /// text WebDriver's visibility rules leave out, such as line-clamped excerpts.
    pub async fn text_content(&self, testid: &str) -> String {
        let script = format!(
            "return Array.from(document.querySelectorAll('[data-testid=\"{testid}\"]'))\
             .map(e => e.textContent).join('\\n');"
        );
        self.client
            .execute(&script, vec![])
            .await
            .expect("read textContent")
            .as_str()
            .unwrap_or_default()
            .to_owned()
    }

    /// Types `text` at the end of what the field holds (no clearing first).
    pub async fn append(&self, testid: &str, text: &str) {
        self.find(testid)
            .await
            .send_keys(text)
            .await
            .unwrap_or_else(|err| panic!("type into {testid}: {err}"));
    }

    /// Unlocks with the passphrase from the lock screen and waits for Today.
    pub async fn unlock(&self, passphrase: &str) {
        self.type_into("unlock-passphrase", passphrase).await;
        self.click("unlock-submit").await;
        self.find("screen-today").await;
    }

    /// How many elements carry this testid right now.
    pub async fn count(&self, testid: &str) -> usize {
        self.client
            .find_all(Locator::Css(&format!("[data-testid=\"{testid}\"]")))
            .await
            .map(|found| found.len())
            .unwrap_or(0)
    }

    /// Waits until exactly `n` elements carry this testid.
    pub async fn wait_count(&self, testid: &str, n: usize) {
        let started = Instant::now();
        loop {
            let now = self.count(testid).await;
            if now == n {
                return;
            }
            if started.elapsed() > WAIT {
                self.save_failure(testid).await;
                panic!("expected {n} of [data-testid={testid}], found {now}");
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }

    /// The process id of the Cove process this test started: the one running the app binary
    /// with this test's data folder in its environment.
    pub fn app_pid(&self) -> Option<u32> {
        let wanted = format!("COVE_DATA_DIR={}", self.data_dir.display());
        cove_processes()
            .into_iter()
            .find(|(_, environ)| {
                environ
                    .split(|b| *b == 0)
                    .any(|var| var == wanted.as_bytes())
            })
            .map(|(pid, _)| pid)
    }

    /// Kills the app with SIGKILL (as a crash or a power cut would end it: no chance to save),
    /// waits until it is gone, then stops the driver.
    pub async fn kill_app(self) {
        kill_app_process(self.app_pid().expect("the Cove process of this test")).await;
        let _ = tokio::time::timeout(Duration::from_secs(5), self.client.clone().close()).await;
        self.quit_driver().await;
    }

    /// Ends the WebDriver session (which closes the window and its app) and the driver, then
    /// waits for the app to finish closing by itself, so the next app this suite starts is not
    /// turned away by the single-instance guard.
    pub async fn quit(self) {
        let pid = self.app_pid();
        let data_dir = self.data_dir.clone();
        let _ = self.client.clone().close().await;
        self.quit_driver().await;
        match pid {
            Some(pid) => end_leftover(pid, "its session ended").await,
            None => say(&format!(
                "no running Cove was found for {}",
                data_dir.display()
            )),
        }
    }

    async fn quit_driver(mut self) {
        // SIGTERM lets tauri-driver stop the WebKitWebDriver it started; SIGKILL would orphan it.
        if let Some(pid) = self.driver.id() {
            let _ = Command::new("kill")
                .args(["-TERM", &pid.to_string()])
                .status()
                .await;
        }
        if tokio::time::timeout(WAIT, self.driver.wait())
            .await
            .is_err()
        {
            let _ = self.driver.kill().await;
            let _ = self.driver.wait().await;
        }
    }
}

/// Running copies of the app binary this suite drives: pid and environment.
fn cove_processes() -> Vec<(u32, Vec<u8>)> {
    let Ok(binary) = app_binary().canonicalize() else {
        return Vec::new();
    };
    let Ok(entries) = std::fs::read_dir("/proc") else {
        return Vec::new();
    };
    entries
        .flatten()
        .filter_map(|entry| {
            let pid: u32 = entry.file_name().to_str()?.parse().ok()?;
            let exe = std::fs::read_link(entry.path().join("exe")).ok()?;
            if exe != binary {
                return None;
            }
            let environ = std::fs::read(entry.path().join("environ")).ok()?;
            Some((pid, environ))
        })
        .collect()
}

/// Writes a note about the harness to standard error as it happens: the test runner keeps what
/// a passing test prints to itself, and these notes matter most when every test passes.
fn say(note: &str) {
    use std::io::Write as _;
    let _ = writeln!(std::io::stderr(), "e2e harness: {note}");
}

/// Waits up to `limit` for process `pid` to be gone (a zombie counts as gone); whether it is.
async fn wait_gone(pid: u32, limit: Duration) -> bool {
    let alive = || std::fs::read_link(format!("/proc/{pid}/exe")).is_ok();
    let started = Instant::now();
    while alive() {
        if started.elapsed() > limit {
            return false;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    true
}

/// Gives app `pid` [`CLOSE_WAIT`] to close by itself, then ends it with SIGKILL, saying so.
async fn end_leftover(pid: u32, why: &str) {
    let started = Instant::now();
    if wait_gone(pid, CLOSE_WAIT).await {
        if started.elapsed() > Duration::from_secs(2) {
            say(&format!(
                "Cove (pid {pid}) took {:?} to close after {why}",
                started.elapsed()
            ));
        }
        return;
    }
    say(&format!(
        "Cove (pid {pid}) was still running {CLOSE_WAIT:?} after {why}: killing it"
    ));
    kill_app_process(pid).await;
}

/// Ends app `pid` with SIGKILL and waits until it is gone (it may have exited just before).
async fn kill_app_process(pid: u32) {
    let _ = Command::new("kill")
        .args(["-KILL", &pid.to_string()])
        .status()
        .await;
    assert!(
        wait_gone(pid, WAIT).await,
        "Cove (pid {pid}) outlived SIGKILL"
    );
}

/// Captures the X display the app runs on (Xvfb) to a PNG with ImageMagick's `import`.
///
/// WebKitWebDriver's own screenshot command stalls under Xvfb for pages no taller than the
/// window, so the picture is taken from the display instead: it shows exactly what a person
/// would see.
async fn capture_screen(path: &Path) {
    let status = Command::new("import")
        .args(["-window", "root"])
        .arg(path)
        .status()
        .await
        .expect("run ImageMagick's import (installed by scripts/setup.sh)");
    assert!(
        status.success(),
        "capturing the screen to {} failed",
        path.display()
    );
}

/// Quotes a string for XPath, whatever quotes it holds.
/// `text` as a literal inside an xdotool (POSIX extended) regular expression.
fn regex_escape(text: &str) -> String {
    text.chars()
        .flat_map(|c| {
            let special = "\\^$.|?*+()[]{}".contains(c);
            special
                .then_some('\\')
                .into_iter()
                .chain(std::iter::once(c))
        })
        .collect()
}

fn xpath_literal(text: &str) -> String {
    if !text.contains('\'') {
        format!("'{text}'")
    } else if !text.contains('"') {
        format!("\"{text}\"")
    } else {
        let parts: Vec<String> = text.split('\'').map(|p| format!("'{p}'")).collect();
        format!("concat({})", parts.join(", \"'\", "))
    }
}

/// Fails if any file under `dir` contains one of `needles` (the user's writing, names,
/// passphrases) or starts with the plain SQLite header. Returns how many files were scanned.
pub fn assert_no_plaintext(dir: &Path, needles: &[&str]) -> usize {
    let mut scanned = 0;
    let mut stack = vec![dir.to_path_buf()];
    while let Some(path) = stack.pop() {
        if path.is_dir() {
            for entry in std::fs::read_dir(&path).expect("read dir") {
                stack.push(entry.expect("dir entry").path());
            }
            continue;
        }
        let bytes = std::fs::read(&path).expect("read file");
        scanned += 1;
        assert!(
            !bytes.starts_with(b"SQLite format 3"),
            "{} is an unencrypted SQLite file",
            path.display()
        );
        for needle in needles {
            let needle = needle.as_bytes();
            assert!(
                !bytes.windows(needle.len()).any(|w| w == needle),
                "{} contains plaintext the user typed",
                path.display()
            );
        }
    }
    scanned
}

/// True when WebDriver says the element is no longer in the page (WebKitWebDriver words it as a
/// node that "was not found").
fn is_stale(err: &fantoccini::error::CmdError) -> bool {
    let text = err.to_string();
    text.contains("stale") || text.contains("was not found")
}

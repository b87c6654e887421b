//! Progress of the long job running now (backup, restore, export), and cancelling backups when
//! the journal locks.
//!
//! The UI polls `job_progress` about every 250 ms; [`JobTracker`] answers from its own small
//! mutex, never the session's, so a poll never waits behind a backup or an export.

use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Condvar, Mutex, MutexGuard};
use std::time::Duration;

use rusqlite::{Connection, InterruptHandle};

use super::error::{BackupError, Result};
use super::model::{JobKind, JobProgress};

fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    // Each of these mutexes guards a plain value that is always left consistent.
    m.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
}

/// The job running now, if any.
#[derive(Debug, Default)]
pub struct JobTracker {
    current: Mutex<Option<JobProgress>>,
}

impl JobTracker {
    pub fn new() -> Self {
        Self::default()
    }

    /// What runs now, or `None`.
    pub fn current(&self) -> Option<JobProgress> {
        lock(&self.current).clone()
    }

    /// Starts reporting `job`; the report ends when the returned guard is dropped.
    pub fn start(&self, job: JobKind, total: u64) -> Job<'_> {
        *lock(&self.current) = Some(JobProgress {
            job,
            done: 0,
            total,
        });
        Job { tracker: self, job }
    }
}

/// A running job's handle: `set` updates its progress; dropping it clears the report.
#[derive(Debug)]
pub struct Job<'a> {
    tracker: &'a JobTracker,
    job: JobKind,
}

impl Job<'_> {
    /// `done` of `total` units; `done` never exceeds `total` in what the UI sees. While another
    /// kind of job started later is reported (an export during an automatic backup), this one
    /// stays quiet.
    pub fn set(&self, done: u64, total: u64) {
        let mut current = lock(&self.tracker.current);
        if current.as_ref().is_none_or(|p| p.job == self.job) {
            *current = Some(JobProgress {
                job: self.job,
                done: done.min(total),
                total,
            });
        }
    }
}

impl Drop for Job<'_> {
    fn drop(&mut self) {
        let mut current = lock(&self.tracker.current);
        if current.as_ref().is_some_and(|p| p.job == self.job) {
            *current = None;
        }
    }
}

/// Cancels backups when the journal locks: sets a flag the copy loop checks between steps,
/// interrupts the SQLite statements registered with it, and wakes the automatic-backup thread
/// from its wait.
#[derive(Default)]
pub struct CancelToken {
    cancelled: AtomicBool,
    next_id: AtomicU64,
    handles: Mutex<Vec<(u64, InterruptHandle)>>,
    wake: Condvar,
    sleeping: Mutex<()>,
}

impl std::fmt::Debug for CancelToken {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("CancelToken")
            .field("cancelled", &self.is_cancelled())
            .finish_non_exhaustive()
    }
}

impl CancelToken {
    pub fn new() -> Arc<Self> {
        Arc::new(Self::default())
    }

    pub fn cancel(&self) {
        self.cancelled.store(true, Ordering::SeqCst);
        for (_, handle) in lock(&self.handles).iter() {
            handle.interrupt();
        }
        let _guard = lock(&self.sleeping);
        self.wake.notify_all();
    }

    pub fn is_cancelled(&self) -> bool {
        self.cancelled.load(Ordering::SeqCst)
    }

    /// `Err(Cancelled)` once cancelled.
    pub fn check(&self) -> Result<()> {
        if self.is_cancelled() {
            Err(BackupError::Cancelled)
        } else {
            Ok(())
        }
    }

    /// Lets `cancel` interrupt statements on `conn` until the returned guard is dropped.
    pub fn watch(&self, conn: &Connection) -> Watch<'_> {
        let id = self.next_id.fetch_add(1, Ordering::SeqCst);
        lock(&self.handles).push((id, conn.get_interrupt_handle()));
        if self.is_cancelled() {
            conn.get_interrupt_handle().interrupt();
        }
        Watch { token: self, id }
    }

    /// Sleeps up to `timeout`; returns true when cancelled (at once if already cancelled).
    pub fn wait(&self, timeout: Duration) -> bool {
        let guard = lock(&self.sleeping);
        if self.is_cancelled() {
            return true;
        }
        let _ = self
            .wake
            .wait_timeout_while(guard, timeout, |_| !self.is_cancelled());
        self.is_cancelled()
    }
}

/// Keeps a connection registered with a [`CancelToken`]; unregisters on drop.
#[derive(Debug)]
pub struct Watch<'a> {
    token: &'a CancelToken,
    id: u64,
}

impl Drop for Watch<'_> {
    fn drop(&mut self) {
        lock(&self.token.handles).retain(|(id, _)| *id != self.id);
    }
}

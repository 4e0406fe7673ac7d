//! `vngov extract --db`: records written into the database on a thread of their
//! own, so the workers go on extracting while the database is written.
//!
//! The thread also writes the JSON Lines output, each record after the database
//! has it, so the file never counts an input the database lacks: a resumed run
//! goes on from the file's checkpoint and the database only sees again, unchanged,
//! the few documents it holds beyond it.

use std::path::PathBuf;
use std::sync::mpsc::{self, Receiver, SyncSender};
use std::thread::JoinHandle;

use anyhow::{anyhow, Context, Result};
use vngov_store::{Prepared, Store, WriteSummary, WriterOptions};

use crate::output::Sink;

/// Records waiting for the writer: enough to ride over a slow commit, few enough
/// to hold little.
const QUEUE: usize = 256;

/// One input's output, for the writer thread.
pub struct Item {
    /// The JSON line (empty when no JSON Lines are written).
    pub line: Vec<u8>,
    /// The database rows.
    pub rows: Prepared,
    /// The error kind, for an error record.
    pub kind: Option<String>,
    /// The document's path or URL, for messages.
    pub source: String,
}

/// What the writer thread is told.
enum Msg {
    Item(Box<Item>),
    /// Every input is written: the run is finished.
    Done,
}

/// The writer thread.
pub struct DbSink {
    tx: Option<SyncSender<Msg>>,
    thread: Option<JoinHandle<Result<(Sink, WriteSummary)>>>,
}

impl DbSink {
    /// Opens `db` and starts the writer, which writes the JSON Lines to `sink`.
    /// `file_done` is how many inputs the JSON Lines file already holds when a
    /// run writing one is resumed. Returns the sink and what the run taken up had
    /// written (its `items` are the inputs to skip).
    pub fn start(
        db: PathBuf,
        options: WriterOptions,
        sink: Sink,
        file_done: Option<usize>,
    ) -> Result<(DbSink, WriteSummary)> {
        let (tx, rx) = mpsc::sync_channel::<Msg>(QUEUE);
        let (ready_tx, ready_rx) = mpsc::channel::<Result<WriteSummary>>();
        let thread = std::thread::Builder::new()
            .name("vngov-db".into())
            .spawn(move || write(db, options, sink, file_done, rx, ready_tx))
            .context("cannot start the database writer")?;
        let resumed = match ready_rx.recv() {
            Ok(r) => r?,
            Err(_) => return Err(join(thread)),
        };
        Ok((
            DbSink {
                tx: Some(tx),
                thread: Some(thread),
            },
            resumed,
        ))
    }

    /// Hands one input's output to the writer; fails with the writer's error if
    /// it has stopped.
    pub fn send(&mut self, item: Item) -> Result<()> {
        let sent = self
            .tx
            .as_ref()
            .map(|tx| tx.send(Msg::Item(Box::new(item))));
        match sent {
            Some(Ok(())) => Ok(()),
            _ => {
                self.tx = None;
                Err(self
                    .thread
                    .take()
                    .map(join)
                    .unwrap_or_else(|| anyhow!("the database writer has stopped")))
            }
        }
    }

    /// Waits for the writer to write everything, and returns the JSON Lines sink
    /// and what the database got.
    pub fn finish(mut self) -> Result<(Sink, WriteSummary)> {
        if let Some(tx) = self.tx.take() {
            let _ = tx.send(Msg::Done);
        }
        let thread = self
            .thread
            .take()
            .ok_or_else(|| anyhow!("the database writer has stopped"))?;
        match thread.join() {
            Ok(r) => r,
            Err(_) => Err(anyhow!("the database writer failed")),
        }
    }
}

/// The error a stopped writer ended with.
fn join(thread: JoinHandle<Result<(Sink, WriteSummary)>>) -> anyhow::Error {
    match thread.join() {
        Ok(Ok(_)) => anyhow!("the database writer has stopped"),
        Ok(Err(e)) => e,
        Err(_) => anyhow!("the database writer failed"),
    }
}

fn write(
    db: PathBuf,
    options: WriterOptions,
    mut sink: Sink,
    file_done: Option<usize>,
    rx: Receiver<Msg>,
    ready: mpsc::Sender<Result<WriteSummary>>,
) -> Result<(Sink, WriteSummary)> {
    let opened =
        Store::open(&db).with_context(|| format!("cannot open the database {}", db.display()));
    let mut store = match opened {
        Ok(s) => s,
        Err(e) => {
            let _ = ready.send(Err(e));
            return Err(anyhow!("the database could not be opened"));
        }
    };
    let summary = {
        let mut writer = match store.writer(options) {
            Ok(w) => w,
            Err(e) => {
                let _ = ready.send(Err(anyhow::Error::from(e)
                    .context(format!("cannot write the database {}", db.display()))));
                return Err(anyhow!("the database could not be written"));
            }
        };
        if let Some(n) = file_done {
            writer.set_resumed(n);
        }
        let before = WriteSummary {
            items: writer.resumed(),
            ..writer.before()
        };
        let _ = ready.send(Ok(before));
        loop {
            match rx.recv() {
                Ok(Msg::Item(item)) => {
                    writer
                        .write(&item.rows)
                        .with_context(|| format!("cannot write {} to the database", item.source))?;
                    sink.write(&item.line, item.kind.as_deref())?;
                }
                Ok(Msg::Done) => break,
                // The run stopped early: what is written is committed (as the
                // writer is dropped), and the run stays open for --resume.
                Err(_) => return Err(anyhow!("the run stopped before its end")),
            }
        }
        writer.finish().context("cannot write the database")?
    };
    if let Err(e) = store.close() {
        eprintln!("vngov: the database is left with its write-ahead log: {e}");
    }
    Ok((sink, summary))
}

impl Drop for DbSink {
    fn drop(&mut self) {
        // A run that stops on an error waits for what is written to be committed.
        self.tx = None;
        if let Some(t) = self.thread.take() {
            let _ = t.join();
        }
    }
}

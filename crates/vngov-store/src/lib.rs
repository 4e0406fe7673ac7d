//! The auditor's store: vngov records in a SQLite database, and the questions asked
//! of it.
//!
//! - [`Store`] opens (creating and migrating) a database file: readable tables
//!   (`documents`, `tasks`, `meetings`, `chairs`, `people`, `organizations`,
//!   `cited_documents`, `percentages`), identities across documents (`bodies`,
//!   `officials`, `task_groups`), folded full-text indexes, and the views
//!   `directives` and `overdue`. See [`schema`].
//! - [`Prepared`] turns a record into rows (keys, hashes, search text); it is pure
//!   work, done on worker threads. A [`Writer`] writes prepared records, each
//!   document whole: a record already stored is left alone, a changed one replaces
//!   its facts.
//! - [`query`] answers the questions (directives by assignee, deadline, status,
//!   province, cited number, words; meetings by chair; documents by cited number)
//!   and [`output`] prints the answers as a table, JSON Lines or CSV.
//! - [`report`] writes one self-contained HTML page of the directives.
//!
//! Matching is done on keys ([`key::key`]): no diacritics, `đ` folded to `d`, and
//! bodies' abbreviations expanded with the organizations lexicon of
//! `vngov-extract` and the forms the stored documents write ([`aliases`]).

pub mod aliases;
pub mod dates;
pub mod key;
pub mod load;
pub mod output;
pub mod prepare;
pub mod query;
pub mod report;
pub mod schema;
mod search;
mod walk;
mod write;

use std::path::Path;

use rusqlite::{Connection, OpenFlags};

pub use prepare::Prepared;
pub use write::{Outcome, WriteSummary, Writer, WriterOptions};

/// Datasette metadata for vngov databases: titles, descriptions, the search
/// indexes and canned queries (overdue directives, directives by assignee,
/// meetings by chair…), for a database named `facts` (the file `facts.db`).
pub const DATASETTE_METADATA: &str = include_str!("../datasette/metadata.json");

/// [`DATASETTE_METADATA`] for a database Datasette names `database` (the file's
/// name without its extension).
pub fn datasette_metadata(database: &str) -> String {
    let mut v: serde_json::Value =
        serde_json::from_str(DATASETTE_METADATA).expect("the shipped metadata is JSON");
    if let Some(dbs) = v.get_mut("databases").and_then(|d| d.as_object_mut()) {
        if let Some(facts) = dbs.remove("facts") {
            dbs.insert(database.to_string(), facts);
        }
    }
    let mut s = serde_json::to_string_pretty(&v).expect("JSON values serialize");
    s.push('\n');
    s
}

/// What can go wrong with a store.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// SQLite refused an operation.
    #[error("{0}")]
    Sqlite(#[from] rusqlite::Error),
    /// The file holds a database this version cannot use.
    #[error("{0}")]
    Schema(String),
    /// A value given to a query is not valid (a date, say).
    #[error("{0}")]
    Invalid(String),
    /// Reading or writing a file failed.
    #[error("{0}")]
    Io(#[from] std::io::Error),
}

/// A `Result` with this crate's [`Error`].
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// A vngov database.
pub struct Store {
    conn: Connection,
}

impl Store {
    /// Opens `path` for writing, creating it if needed and bringing its schema up
    /// to date ([`schema::migrate`]).
    pub fn open(path: &Path) -> Result<Store> {
        let conn = Connection::open(path)?;
        Self::setup(&conn)?;
        // Writes go to a write-ahead log: readers are not blocked, and a commit
        // does not wait for the disk (a crash may lose the last commits, never
        // leave a half-written one).
        conn.pragma_update(None, "journal_mode", "WAL")?;
        conn.pragma_update(None, "synchronous", "NORMAL")?;
        // Room for a batch of documents' pages, and savepoints' journals in
        // memory: a transaction is written out once, at its commit.
        conn.pragma_update(None, "cache_size", -64 * 1024)?;
        conn.pragma_update(None, "temp_store", "MEMORY")?;
        // Fold the log into the database every 64 MB rather than 4: pages written
        // again and again (index roots, search segments) are copied once.
        conn.pragma_update(None, "wal_autocheckpoint", 16384)?;
        schema::migrate(&conn)?;
        search::check_keys(&conn)?;
        Ok(Store { conn })
    }

    /// Opens an existing database to read it. One written by another version of
    /// the schema is refused with a message saying what to do. The connection
    /// writes nothing (`query_only`); it is opened for writing where it can be, so
    /// that a database left by a killed writer is recovered first.
    pub fn open_read(path: &Path) -> Result<Store> {
        if !path.is_file() {
            return Err(Error::Schema(format!(
                "{} does not exist: create it with `vngov extract … --db {0}` or `vngov db load … --db {0}`",
                path.display()
            )));
        }
        let flags = OpenFlags::SQLITE_OPEN_NO_MUTEX | OpenFlags::SQLITE_OPEN_URI;
        let conn = Connection::open_with_flags(path, flags | OpenFlags::SQLITE_OPEN_READ_WRITE)
            .or_else(|_| {
                Connection::open_with_flags(path, flags | OpenFlags::SQLITE_OPEN_READ_ONLY)
            })?;
        Self::setup(&conn)?;
        conn.pragma_update(None, "query_only", "ON")?;
        schema::check(&conn)?;
        Ok(Store { conn })
    }

    /// An in-memory database with the current schema (for tests and tools).
    pub fn in_memory() -> Result<Store> {
        let conn = Connection::open_in_memory()?;
        Self::setup(&conn)?;
        schema::migrate(&conn)?;
        search::check_keys(&conn)?;
        Ok(Store { conn })
    }

    fn setup(conn: &Connection) -> Result<()> {
        // Every statement the writer runs stays prepared.
        conn.set_prepared_statement_cache_capacity(64);
        conn.pragma_update(None, "foreign_keys", "ON")?;
        conn.busy_timeout(std::time::Duration::from_secs(10))?;
        Ok(())
    }

    /// The SQLite connection, for queries of one's own.
    pub fn connection(&self) -> &Connection {
        &self.conn
    }

    /// A writer of records into this store.
    pub fn writer(&mut self, options: WriterOptions) -> Result<Writer<'_>> {
        Writer::new(&mut self.conn, options)
    }

    /// Ends writing: the write-ahead log is folded into the database and given
    /// up, so the database is one file again, ready to be copied or handed over.
    /// Fails harmlessly (the log stays) while another connection has it open.
    pub fn close(self) -> Result<()> {
        self.conn
            .query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()))?;
        let mode: String = self
            .conn
            .query_row("PRAGMA journal_mode = DELETE", [], |r| r.get(0))?;
        if mode != "delete" {
            return Err(Error::Schema(format!(
                "another connection keeps the database in {mode} mode"
            )));
        }
        Ok(())
    }

    /// Today's date (`YYYY-MM-DD`) by the local clock, as SQLite sees it.
    pub fn today(&self) -> Result<String> {
        Ok(self
            .conn
            .query_row("SELECT date('now', 'localtime')", [], |r| r.get(0))?)
    }
}

//! The database schema, its version and its migrations.
//!
//! The version is kept twice: in `PRAGMA user_version` (what is checked) and in
//! the readable table `schema_migrations` (what was applied, when). A database is
//! brought up to date by applying, in order and each in its own transaction, the
//! migrations it lacks; one written by a newer version is refused, not touched.

use rusqlite::Connection;

use crate::{Error, Result};

/// One step of the schema.
#[derive(Debug, Clone, Copy)]
pub struct Migration {
    /// The version the database has after this step.
    pub version: u32,
    /// What the step does.
    pub description: &'static str,
    /// The SQL of the step.
    pub sql: &'static str,
}

/// Every migration, in order. Append; never edit one that has shipped.
pub const MIGRATIONS: &[Migration] = &[Migration {
    version: 1,
    description: "documents, facts, identities, search indexes, views directives and overdue",
    sql: include_str!("schema/0001_facts.sql"),
}];

/// The schema version this library writes and reads.
pub fn current() -> u32 {
    MIGRATIONS.last().map_or(0, |m| m.version)
}

/// The version of the database behind `conn` (0 for a new, empty one).
pub fn version(conn: &Connection) -> Result<u32> {
    Ok(conn.pragma_query_value(None, "user_version", |r| r.get(0))?)
}

/// Brings the database up to [`current`]: applies the migrations it lacks.
pub fn migrate(conn: &Connection) -> Result<()> {
    let have = version(conn)?;
    if have == 0 && has_foreign_tables(conn)? {
        return Err(Error::Schema(
            "the file is an SQLite database that vngov did not create; give another --db"
                .to_string(),
        ));
    }
    too_new(have)?;
    for m in MIGRATIONS.iter().filter(|m| m.version > have) {
        conn.execute_batch("BEGIN IMMEDIATE")?;
        let applied = (|| -> Result<()> {
            conn.execute_batch(m.sql)?;
            conn.execute(
                "INSERT INTO schema_migrations (version, description, applied) VALUES (?1, ?2, datetime('now'))",
                (m.version, m.description),
            )?;
            conn.pragma_update(None, "user_version", m.version)?;
            Ok(())
        })();
        match applied {
            Ok(()) => conn.execute_batch("COMMIT")?,
            Err(e) => {
                let _ = conn.execute_batch("ROLLBACK");
                return Err(e);
            }
        }
    }
    Ok(())
}

/// Checks that a database can be read by this version, without changing it.
pub fn check(conn: &Connection) -> Result<()> {
    let have = version(conn)?;
    too_new(have)?;
    if have < current() {
        return Err(Error::Schema(format!(
            "the database has schema version {have}, this vngov reads {}: open it once for writing (`vngov db migrate --db FILE`) to bring it up to date",
            current()
        )));
    }
    Ok(())
}

fn too_new(have: u32) -> Result<()> {
    if have > current() {
        return Err(Error::Schema(format!(
            "the database has schema version {have}, written by a newer vngov; this one knows versions up to {}",
            current()
        )));
    }
    Ok(())
}

fn has_foreign_tables(conn: &Connection) -> Result<bool> {
    let n: i64 = conn.query_row(
        "SELECT count(*) FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'",
        [],
        |r| r.get(0),
    )?;
    Ok(n > 0)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tables(conn: &Connection) -> Vec<String> {
        let mut s = conn
            .prepare("SELECT name FROM sqlite_master WHERE type IN ('table', 'view') AND name NOT LIKE '%fts_%' ORDER BY name")
            .unwrap();
        let names = s.query_map([], |r| r.get(0)).unwrap();
        names.map(|n| n.unwrap()).collect()
    }

    #[test]
    fn a_new_database_gets_every_table_and_the_version() {
        let conn = Connection::open_in_memory().unwrap();
        migrate(&conn).unwrap();
        assert_eq!(version(&conn).unwrap(), current());
        let names = tables(&conn);
        for t in [
            "documents",
            "meetings",
            "chairs",
            "people",
            "organizations",
            "tasks",
            "cited_documents",
            "percentages",
            "bodies",
            "officials",
            "task_groups",
            "directives",
            "overdue",
            "schema_migrations",
        ] {
            assert!(names.contains(&t.to_string()), "{t} missing from {names:?}");
        }
        let applied: Vec<u32> = conn
            .prepare("SELECT version FROM schema_migrations ORDER BY version")
            .unwrap()
            .query_map([], |r| r.get(0))
            .unwrap()
            .map(|v| v.unwrap())
            .collect();
        assert_eq!(applied, (1..=current()).collect::<Vec<_>>());
        // Migrating again does nothing.
        migrate(&conn).unwrap();
        assert_eq!(version(&conn).unwrap(), current());
        check(&conn).unwrap();
    }

    #[test]
    fn a_newer_or_foreign_database_is_refused() {
        let conn = Connection::open_in_memory().unwrap();
        conn.pragma_update(None, "user_version", current() + 1)
            .unwrap();
        let e = migrate(&conn).unwrap_err().to_string();
        assert!(e.contains("newer vngov"), "{e}");
        assert!(check(&conn).is_err());

        let conn = Connection::open_in_memory().unwrap();
        conn.execute_batch("CREATE TABLE mine (x)").unwrap();
        let e = migrate(&conn).unwrap_err().to_string();
        assert!(e.contains("did not create"), "{e}");
    }

    #[test]
    fn an_older_database_is_migrated_for_writing_and_refused_for_reading() {
        let conn = Connection::open_in_memory().unwrap();
        assert_eq!(version(&conn).unwrap(), 0);
        let e = check(&conn).unwrap_err().to_string();
        assert!(e.contains("db migrate"), "{e}");
        migrate(&conn).unwrap();
        check(&conn).unwrap();
    }
}

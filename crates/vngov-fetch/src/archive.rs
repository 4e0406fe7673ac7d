//! Opening an archive to add to it: reading what it already holds, cutting off a
//! record torn by a killed run, refusing to write after damage it cannot explain.

use std::io;
use std::path::Path;

use crate::config::Config;
use crate::crawl::Held;
use crate::warc::{Reader, Stop, Writer};

/// An archive ready for more records.
pub struct Opened {
    /// Appends after the last complete record.
    pub writer: Writer,
    /// What the archive holds.
    pub held: Held,
    /// Records read.
    pub records: usize,
    /// Whether a torn last record was cut off.
    pub torn: bool,
}

/// The `warcinfo` fields for archives written with `cfg`.
pub fn info(cfg: &Config) -> Vec<(&'static str, String)> {
    vec![
        ("software", format!("vngov/{}", env!("CARGO_PKG_VERSION"))),
        ("format", "WARC File Format 1.1".into()),
        (
            "conformsTo",
            "http://iipc.github.io/warc-specifications/specifications/warc-format/warc-1.1/".into(),
        ),
        ("robots", if cfg.robots { "obey" } else { "ignore" }.into()),
        ("http-header-user-agent", cfg.user_agent.clone()),
    ]
}

/// Opens `path` (created when missing) for appending, reading what it holds.
pub fn open(path: &Path, cfg: &Config) -> io::Result<Opened> {
    let mut held = Held::new();
    let mut records = 0;
    let mut valid_end = 0;
    let mut torn = false;
    if path.exists() {
        let mut reader = Reader::open(path)?;
        for rec in reader.by_ref() {
            records += 1;
            held.add(&rec, cfg.max_bytes);
        }
        valid_end = reader.valid_end();
        match reader.stop() {
            None => {}
            Some(Stop::Torn) => torn = true,
            Some(Stop::Damaged(why)) => {
                return Err(io::Error::new(
                    io::ErrorKind::InvalidData,
                    format!(
                        "{} is damaged ({why}); not adding to it: copy what is readable or start a new archive",
                        path.display()
                    ),
                ))
            }
        }
    }
    let writer = Writer::append(path, valid_end, &info(cfg))?;
    Ok(Opened {
        writer,
        held,
        records,
        torn,
    })
}

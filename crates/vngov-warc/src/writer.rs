//! Writing WARC/1.1 records by appending: one gzip member per record for
//! `.warc.gz`, each written whole and flushed, so a killed run leaves at worst a
//! torn last record, which [`crate::Reader::valid_end`] finds.

use std::fs::{File, OpenOptions};
use std::io::{self, Seek, SeekFrom, Write};
use std::path::Path;
use std::time::{SystemTime, UNIX_EPOCH};

use flate2::write::GzEncoder;
use sha2::{Digest, Sha256};
use uuid::Uuid;

/// `2024-05-01T08:15:02Z`: the WARC-Date form of a time (UTC).
pub fn warc_date(t: SystemTime) -> String {
    let secs = t
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0);
    let (days, rem) = (secs / 86_400, secs % 86_400);
    // Civil date from days since 1970-01-01 (H. Hinnant's algorithm).
    let z = days as i64 + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!(
        "{year:04}-{month:02}-{day:02}T{:02}:{:02}:{:02}Z",
        rem / 3600,
        rem % 3600 / 60,
        rem % 60
    )
}

/// `sha256:` and the base32 SHA-256 of `data`: the form of WARC digest fields.
pub fn digest(data: &[u8]) -> String {
    format!(
        "sha256:{}",
        data_encoding::BASE32.encode(&Sha256::digest(data))
    )
}

/// A new `WARC-Record-ID`.
pub fn record_id() -> String {
    format!("<urn:uuid:{}>", Uuid::new_v4())
}

/// Appends `name: value` and CRLF, the form of WARC and HTTP header lines.
pub fn push_field(b: &mut Vec<u8>, name: &str, value: &[u8]) {
    b.extend_from_slice(name.as_bytes());
    b.extend_from_slice(b": ");
    b.extend_from_slice(value);
    b.extend_from_slice(b"\r\n");
}

/// Appends records to a WARC file.
pub struct Writer {
    file: File,
    gzip: bool,
}

impl Writer {
    /// Opens `path` for appending after its first `valid_len` bytes (what a
    /// [`crate::Reader`] found complete; anything after is a torn record and is
    /// cut). A new or empty file starts with a `warcinfo` record holding `info`.
    /// A name ending in `.gz` gives one gzip member per record.
    pub fn append(path: &Path, valid_len: u64, info: &[(&str, String)]) -> io::Result<Writer> {
        let mut file = OpenOptions::new()
            .create(true)
            .truncate(false)
            .read(true)
            .write(true)
            .open(path)?;
        if file.metadata()?.len() > valid_len {
            file.set_len(valid_len)?;
        }
        file.seek(SeekFrom::End(0))?;
        let gzip = path
            .file_name()
            .and_then(|n| n.to_str())
            .is_some_and(|n| n.ends_with(".gz"));
        let mut w = Writer { file, gzip };
        if valid_len == 0 {
            let mut body = Vec::new();
            for (k, v) in info {
                push_field(&mut body, k, v.as_bytes());
            }
            let filename = path
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            w.write_record(
                &[
                    ("WARC-Type", "warcinfo".into()),
                    ("WARC-Record-ID", record_id()),
                    ("WARC-Date", warc_date(SystemTime::now())),
                    ("WARC-Filename", filename),
                    ("Content-Type", "application/warc-fields".into()),
                ],
                &body,
            )?;
        }
        Ok(w)
    }

    /// Writes one record (`WARC-Block-Digest` and `Content-Length` added) in a single
    /// write, then flushes it to the operating system.
    pub fn write_record(&mut self, fields: &[(&str, String)], block: &[u8]) -> io::Result<()> {
        let mut rec = b"WARC/1.1\r\n".to_vec();
        for (k, v) in fields {
            push_field(&mut rec, k, v.as_bytes());
        }
        push_field(&mut rec, "WARC-Block-Digest", digest(block).as_bytes());
        push_field(
            &mut rec,
            "Content-Length",
            block.len().to_string().as_bytes(),
        );
        rec.extend_from_slice(b"\r\n");
        rec.extend_from_slice(block);
        rec.extend_from_slice(b"\r\n\r\n");
        let bytes = if self.gzip {
            let mut gz = GzEncoder::new(Vec::new(), flate2::Compression::default());
            gz.write_all(&rec)?;
            gz.finish()?
        } else {
            rec
        };
        self.file.write_all(&bytes)?;
        self.file.flush()
    }

    /// Flushes and syncs the file to disk.
    pub fn sync(&mut self) -> io::Result<()> {
        self.file.flush()?;
        self.file.sync_data()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_are_utc_iso() {
        assert_eq!(warc_date(UNIX_EPOCH), "1970-01-01T00:00:00Z");
        let t = UNIX_EPOCH + std::time::Duration::from_secs(1_709_251_199);
        assert_eq!(warc_date(t), "2024-02-29T23:59:59Z");
        let t = UNIX_EPOCH + std::time::Duration::from_secs(951_782_400);
        assert_eq!(warc_date(t), "2000-02-29T00:00:00Z");
    }
}

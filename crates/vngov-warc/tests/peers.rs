//! The ARC files of warcio's test archives (`../shared/peers/warcio`), read as
//! warcio reads them. The files are measurement material, not part of the
//! repository: the test says so and passes when the folder is absent.

use std::path::PathBuf;

fn peers() -> Option<PathBuf> {
    shared_peers()
}

/// Each record as `TYPE URI PAYLOAD-LENGTH`, or `error: MESSAGE`.
fn read(name: &str) -> Option<Vec<String>> {
    let f = std::fs::File::open(peers()?.join(name)).unwrap();
    let got = vngov_warc::arc::Reader::new(f)
        .map(|r| match r {
            Ok(r) => {
                let len = match r.http_response() {
                    Some(resp) => resp.body.len(),
                    None => r.block.len(),
                };
                format!(
                    "{} {} {len}",
                    r.warc_type().unwrap(),
                    r.target_uri().unwrap()
                )
            }
            Err(e) => format!("error: {e}"),
        })
        .collect();
    Some(got)
}

#[test]
fn arc_files_read_as_warcio_reads_them() {
    for name in ["example.arc", "example.arc.gz"] {
        let Some(got) = read(name) else { return };
        assert_eq!(got.len(), 2, "{name}: {got:?}");
        assert!(
            got[0].starts_with("warcinfo filedesc://"),
            "{name}: {got:?}"
        );
        assert_eq!(got[1], "response http://example.com/ 1270", "{name}");
    }
    // The file ends 13 bytes before the end its header announces: warcio yields
    // what there is, and so does vngov, saying the record is cut.
    let Some(dir) = peers() else { return };
    let f = std::fs::File::open(dir.join("example-space-in-url.arc")).unwrap();
    let got: Vec<_> = vngov_warc::arc::Reader::new(f).collect();
    assert_eq!(got.len(), 2, "{got:?}");
    let r = got[1].as_ref().unwrap();
    assert_eq!(r.warc_type(), Some("response"));
    assert_eq!(r.block.len(), 1579);
    assert_eq!(
        r.damage.as_deref(),
        Some("truncated: the archive ends 1579 bytes into a block of 1591")
    );
    assert_eq!(r.http_response().unwrap().body.len(), 1271);
}

#[test]
fn a_bad_arc_file_costs_its_bad_records_only() {
    let Some(got) = read("bad.arc") else { return };
    // warcio gives a version block and three empty responses; their lengths are
    // -1 (the version block's too), 1 and "abc".
    assert_eq!(got.len(), 4, "{got:?}");
    assert!(got[0].contains("bad Archive-length \"-1\""), "{got:?}");
    assert!(got[1].contains("bad Archive-length \"-1\""), "{got:?}");
    assert_eq!(got[2], "resource http://example.com/ 1");
    assert!(got[3].contains("bad Archive-length \"abc\""), "{got:?}");
}

/// The shared folder: `VNGOV_SHARED`, or `<repo>/../shared`.
fn shared_peers() -> Option<PathBuf> {
    let shared = std::env::var_os("VNGOV_SHARED")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared"));
    let dir = shared.join("peers/warcio");
    if dir.join("README.md").is_file() {
        Some(dir)
    } else {
        eprintln!("{} is absent: warcio's archives not read", dir.display());
        None
    }
}

/// Per file, the documents warcio reads by the README's table: its `response`
/// and `resource` records, wget's `metadata://` resources left out.
fn warcio_table(readme: &str) -> Vec<(String, usize)> {
    readme
        .lines()
        .filter_map(|l| {
            let cells: Vec<&str> = l.split('|').map(str::trim).collect();
            let [_, file, read, _] = cells.as_slice() else {
                return None;
            };
            if !file.contains(".arc") && !file.contains(".warc") {
                return None;
            }
            let docs = read
                .split("; ")
                .filter(|r| r.starts_with("response ") || r.starts_with("resource "))
                .filter(|r| !r.starts_with("resource metadata://"))
                .count();
            Some((file.to_string(), docs))
        })
        .collect()
}

/// The documents vngov reads from `path`: records that carry one.
fn vngov_documents(path: &std::path::Path) -> (usize, Vec<String>) {
    let Ok(f) = std::fs::File::open(path) else {
        return (0, vec!["cannot open".into()]);
    };
    let name = path.to_string_lossy();
    let records: Box<dyn Iterator<Item = Result<vngov_warc::Record, vngov_warc::Error>>> =
        if name.ends_with(".arc") || name.ends_with(".arc.gz") {
            Box::new(vngov_warc::arc::Reader::new(f))
        } else {
            Box::new(vngov_warc::Reader::new(f))
        };
    let mut docs = 0;
    let mut seen = Vec::new();
    for r in records {
        match r {
            Ok(r) => {
                if r.is_document() {
                    docs += 1;
                }
                seen.push(format!(
                    "{} {}",
                    r.warc_type().unwrap_or("?"),
                    r.target_uri().unwrap_or("")
                ));
            }
            Err(e) => seen.push(format!("error: {e}")),
        }
    }
    (docs, seen)
}

#[test]
fn every_peer_archive_gives_the_documents_warcio_reads() {
    let Some(dir) = shared_peers() else { return };
    let readme = std::fs::read_to_string(dir.join("README.md")).unwrap_or_default();
    let table = warcio_table(&readme);
    assert!(table.len() >= 15, "the README's table: {table:?}");
    // Where vngov reads otherwise, and why: (file, vngov's count).
    let differ = [
        // warcio stops at a gzip member holding several records; vngov reads on.
        ("example-bad-non-chunked.warc.gz", 1),
        // warcio takes Archive-lengths -1 and "abc" for 0 and gives empty
        // responses; vngov names the bad lengths in errors (no text is lost).
        ("bad.arc", 1),
    ];
    let mut wrong = Vec::new();
    for (file, warcio) in &table {
        let (got, seen) = vngov_documents(&dir.join(file));
        eprintln!("{file}: warcio {warcio}, vngov {got}: {seen:?}");
        let want = differ
            .iter()
            .find(|(f, _)| f == file)
            .map_or(*warcio, |&(_, n)| n);
        if got != want {
            wrong.push(format!("{file}: warcio {warcio}, want {want}, vngov {got}"));
        }
    }
    assert!(wrong.is_empty(), "{wrong:#?}");
}

#[test]
fn the_truncated_response_is_read_with_its_page() {
    let Some(dir) = peers() else { return };
    let Ok(f) = std::fs::File::open(dir.join("example-trunc.warc")) else {
        return;
    };
    let got: Vec<_> = vngov_warc::Reader::new(f).collect();
    assert_eq!(got.len(), 4, "{got:?}");
    let r = got[2].as_ref().unwrap();
    assert!(r.damage.is_some(), "{r:?}");
    let payload = r.http_response().unwrap().payload(1 << 20).unwrap();
    assert_eq!(payload.len(), 1270);
    assert_eq!(got[3].as_ref().unwrap().warc_type(), Some("request"));
}

//! The ARC files of warcio's test archives (`../shared/peers/warcio`), read as
//! warcio reads them. The files are measurement material, not part of the
//! repository: the test says so and passes when the folder is absent.

use std::path::PathBuf;

fn peers() -> Option<PathBuf> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/peers/warcio");
    if dir.is_dir() {
        Some(dir)
    } else {
        eprintln!("{} is absent: warcio's archives not read", dir.display());
        None
    }
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
    // what there is, vngov says the record is cut (and names its URL).
    let Some(got) = read("example-space-in-url.arc") else {
        return;
    };
    assert_eq!(got.len(), 2, "{got:?}");
    assert_eq!(
        got[1],
        "error: truncated: the archive ends 1579 bytes into a block of 1591"
    );
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

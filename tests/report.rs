//! `vngov report` in a real browser: headless Chromium opens the page, its
//! filters run, and what a person sees is read back from the page; a screenshot
//! is kept under `target/`.
//!
//! Chromium is Debian's `chromium` (`.ci/run` installs it). Where it is missing
//! or cannot start, the test says so and passes, unless `VNGOV_REQUIRE_CHROMIUM`
//! is set (as CI sets it), when it fails.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

use serde_json::json;

use crate::common::run;
use crate::store::record;

/// A Chromium that starts, or `None` (after saying why).
fn chromium() -> Option<PathBuf> {
    let found = ["chromium", "chromium-browser", "google-chrome"]
        .iter()
        .map(|n| PathBuf::from("/usr/bin").join(n))
        .find(|p| p.is_file());
    let why = match &found {
        None => "no chromium in /usr/bin (apt-get install chromium)".to_string(),
        Some(p) => match Command::new(p).arg("--version").output() {
            Ok(o) if o.status.success() => return found,
            Ok(o) => format!(
                "{} --version failed: {}",
                p.display(),
                String::from_utf8_lossy(&o.stderr)
            ),
            Err(e) => format!("{} cannot run: {e}", p.display()),
        },
    };
    if std::env::var_os("VNGOV_REQUIRE_CHROMIUM").is_some() {
        panic!("Chromium is required (VNGOV_REQUIRE_CHROMIUM) but {why}");
    }
    eprintln!("report browser test skipped: {why}");
    None
}

/// Runs headless Chromium on `url` with `args` (`--dump-dom`, `--screenshot=…`),
/// in a profile of its own, with the network features it would reach for turned
/// off; returns its standard output.
fn headless(chrome: &Path, url: &str, args: &[String]) -> String {
    let profile = tempfile::tempdir().unwrap();
    let mut c = Command::new(chrome);
    c.args([
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-extensions",
        "--hide-scrollbars",
        "--virtual-time-budget=3000",
    ])
    .arg(format!("--user-data-dir={}", profile.path().display()))
    .args(args)
    .arg(url);
    let mut child = c
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("chromium starts");
    // The page is read while the browser writes it (a pipe holds only 64 KB), and
    // a browser that hangs is stopped: the test must end.
    let mut stdout = child.stdout.take().unwrap();
    let mut stderr = child.stderr.take().unwrap();
    let reader = std::thread::spawn(move || {
        let mut s = String::new();
        std::io::Read::read_to_string(&mut stdout, &mut s).map(|_| s)
    });
    let errors = std::thread::spawn(move || {
        let mut s = String::new();
        let _ = std::io::Read::read_to_string(&mut stderr, &mut s);
        s
    });
    let deadline = std::time::Instant::now() + Duration::from_secs(90);
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if std::time::Instant::now() > deadline {
            let _ = child.kill();
            let _ = child.wait();
            panic!("chromium did not finish within 90 s on {url}");
        }
        std::thread::sleep(Duration::from_millis(50));
    };
    let errors = errors.join().unwrap();
    assert!(status.success(), "chromium failed on {url}: {errors}");
    reader.join().unwrap().expect("the page as UTF-8")
}

/// The rows of the page: each `<tr>` tag, and whether it is hidden.
fn rows(dom: &str) -> Vec<(String, bool)> {
    dom.match_indices("<tr class=\"directive")
        .map(|(i, _)| {
            let tag = &dom[i..i + dom[i..].find('>').unwrap()];
            (tag.to_string(), tag.contains(" hidden"))
        })
        .collect()
}

fn shown_count(dom: &str) -> usize {
    let i = dom.find("id=\"shown\">").expect("the count of rows shown") + "id=\"shown\">".len();
    dom[i..i + dom[i..].find('<').unwrap()].parse().unwrap()
}

const HOSTILE: &str = "<img src=x onerror=\"document.title='pwned'\"> Tin tức\nUBND tỉnh yêu cầu Sở Y tế xử lý <script>document.title='pwned'</script> & \"báo cáo\" trước ngày 30/6/2019.\n";

#[test]
fn the_reports_filters_work_in_chromium() {
    let Some(chrome) = chromium() else { return };
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("facts.db");
    let d = db.to_str().unwrap();
    let out = run(&["extract", "corpus", "--db", d, "-q"]);
    assert!(out.status.success());
    // A document that tries to run script in the page.
    let hostile = record(
        "hostile.txt",
        HOSTILE,
        "2019-05-02",
        "Lào Cai",
        &[(
            "Sở Y tế",
            "Sở Y tế",
            "Sở Y tế xử lý <script>document.title='pwned'</script> & \"báo cáo\" trước ngày 30/6/2019",
            Some("2019-06-30"),
        )],
        &[],
    );
    let mut hostile = hostile;
    hostile["title"] = json!("<img src=x onerror=\"document.title='pwned'\">");
    hostile["source"]["url"] = json!("javascript:document.title='pwned'");
    let records = dir.path().join("hostile.jsonl");
    std::fs::write(&records, format!("{hostile}\n")).unwrap();
    assert!(
        run(&["db", "load", records.to_str().unwrap(), "--db", d, "-q"])
            .status
            .success()
    );
    let page = dir.path().join("report.html");
    let out = run(&[
        "report",
        "--db",
        d,
        "--as-of",
        "2020-01-01",
        "-o",
        page.to_str().unwrap(),
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let url = format!("file://{}", page.display());

    // As opened: every directive shown.
    let dom = headless(&chrome, &url, &["--dump-dom".to_string()]);
    assert!(
        dom.contains("<title>Directives</title>"),
        "the page's title was changed"
    );
    let all = rows(&dom);
    assert!(all.len() > 10, "{} rows", all.len());
    assert!(all.iter().all(|(_, hidden)| !hidden));
    assert_eq!(shown_count(&dom), all.len());
    assert!(
        dom.contains("<mark>Sở Thông tin và Truyền thông"),
        "highlighted words"
    );
    assert!(dom.contains("Sở Y tế xử lý &lt;script&gt;document.title='pwned'&lt;/script&gt;"));
    assert!(!dom.contains("<img src=\"x\""));

    // Filtered to overdue directives of Bình Định: the rows narrow to those.
    let overdue: Vec<serde_json::Value> = crate::common::json_lines(
        &run(&[
            "tasks",
            "--db",
            d,
            "--overdue",
            "--as-of",
            "2020-01-01",
            "--province",
            "Bình Định",
            "--json",
        ])
        .stdout,
    );
    let groups: std::collections::BTreeSet<i64> = overdue
        .iter()
        .map(|t| t["group_id"].as_i64().unwrap())
        .collect();
    assert!(!groups.is_empty());
    let filtered_url = format!("{url}#status=overdue&province=binh%20dinh");
    let dom = headless(&chrome, &filtered_url, &["--dump-dom".to_string()]);
    let shown = rows(&dom);
    let visible: Vec<&(String, bool)> = shown.iter().filter(|(_, h)| !h).collect();
    assert_eq!(visible.len(), groups.len(), "rows shown after filtering");
    assert!(visible
        .iter()
        .all(|(tag, _)| tag.contains("data-status=\"overdue\"") && tag.contains("|binh dinh|")));
    assert_eq!(shown_count(&dom), groups.len());
    assert!(visible.len() < all.len());

    // What a person sees, kept for a look.
    let shot = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("report-overdue.png");
    let _ = std::fs::remove_file(&shot);
    headless(
        &chrome,
        &filtered_url,
        &[
            format!("--screenshot={}", shot.display()),
            "--window-size=1280,1600".to_string(),
        ],
    );
    let png = std::fs::read(&shot).expect("a screenshot");
    assert!(
        png.starts_with(b"\x89PNG") && png.len() > 20_000,
        "{} bytes",
        png.len()
    );
    eprintln!("screenshot: {}", shot.display());
}

//! Sitemaps (sitemaps.org 0.9): `<urlset>` pages and `<sitemapindex>` indexes, XML
//! or gzip'd XML, and plain-text sitemaps (one URL a line). Parsed with quick-xml.

use std::io::Read;

use quick_xml::events::Event;
use quick_xml::Reader;

/// A parsed sitemap.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Sitemap {
    /// Page URLs (`<url><loc>`), with `<lastmod>` when given.
    Pages(Vec<Entry>),
    /// Other sitemaps (`<sitemap><loc>`).
    Index(Vec<String>),
}

/// One page of a sitemap.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    /// The page URL.
    pub loc: String,
    /// `<lastmod>`, as written.
    pub lastmod: Option<String>,
}

/// Parses a sitemap body (decompressing it first when it is gzip, within `max_bytes`).
pub fn parse(body: &[u8], max_bytes: u64) -> Result<Sitemap, String> {
    if body.starts_with(&[0x1f, 0x8b]) {
        let mut out = Vec::new();
        flate2::read::MultiGzDecoder::new(body)
            .take(max_bytes.saturating_add(1))
            .read_to_end(&mut out)
            .map_err(|e| format!("damaged gzip sitemap: {e}"))?;
        if out.len() as u64 > max_bytes {
            return Err(format!(
                "sitemap larger than {max_bytes} bytes once decompressed"
            ));
        }
        return parse(&out, max_bytes);
    }
    let text = String::from_utf8_lossy(body);
    let trimmed = text.trim_start_matches('\u{feff}').trim_start();
    if !trimmed.starts_with('<') {
        let pages = trimmed
            .lines()
            .map(str::trim)
            .filter(|l| l.starts_with("http://") || l.starts_with("https://"))
            .map(|l| Entry {
                loc: l.to_string(),
                lastmod: None,
            })
            .collect();
        return Ok(Sitemap::Pages(pages));
    }
    parse_xml(trimmed)
}

fn parse_xml(xml: &str) -> Result<Sitemap, String> {
    let mut reader = Reader::from_str(xml);
    reader.config_mut().trim_text(true);
    let mut index = None;
    let mut path: Vec<String> = Vec::new();
    let mut pages = Vec::new();
    let mut sitemaps = Vec::new();
    let mut loc = None;
    let mut lastmod = None;
    loop {
        match reader.read_event() {
            Err(e) => {
                return Err(format!(
                    "bad sitemap XML at byte {}: {e}",
                    reader.buffer_position()
                ))
            }
            Ok(Event::Eof) => break,
            Ok(Event::Start(e)) => {
                let name = e.local_name().as_ref().to_ascii_lowercase();
                if path.is_empty() {
                    index = Some(match name.as_str() {
                        "sitemapindex" => true,
                        "urlset" => false,
                        other => return Err(format!("not a sitemap: root element <{other}>")),
                    });
                }
                path.push(name);
            }
            Ok(Event::End(_)) => {
                let name = path.pop().unwrap_or_default();
                match (name.as_str(), path.len()) {
                    ("url", 1) => {
                        if let Some(loc) = loc.take() {
                            pages.push(Entry {
                                loc,
                                lastmod: lastmod.take(),
                            });
                        }
                        lastmod = None;
                    }
                    ("sitemap", 1) => {
                        if let Some(loc) = loc.take() {
                            sitemaps.push(loc);
                        }
                        lastmod = None;
                    }
                    _ => {}
                }
            }
            Ok(Event::Text(t)) => text_in(&path, &t.xml10_content(), &mut loc, &mut lastmod),
            Ok(Event::CData(t)) => text_in(&path, &t.xml10_content(), &mut loc, &mut lastmod),
            Ok(Event::GeneralRef(r)) => {
                // Entity references (&amp; in query strings) arrive on their own.
                let text = match r.resolve_char_ref() {
                    Ok(Some(c)) => c.to_string(),
                    _ => match r.as_ref() {
                        "amp" => "&".into(),
                        "lt" => "<".into(),
                        "gt" => ">".into(),
                        "quot" => "\"".into(),
                        "apos" => "'".into(),
                        _ => String::new(),
                    },
                };
                text_in(&path, &text, &mut loc, &mut lastmod);
            }
            Ok(_) => {}
        }
    }
    match index {
        Some(true) => Ok(Sitemap::Index(sitemaps)),
        Some(false) => Ok(Sitemap::Pages(pages)),
        None => Err("not a sitemap: no root element".into()),
    }
}

fn text_in(path: &[String], text: &str, loc: &mut Option<String>, lastmod: &mut Option<String>) {
    if path.len() != 3 {
        return;
    }
    let slot = match path[2].as_str() {
        "loc" => loc,
        "lastmod" => lastmod,
        _ => return,
    };
    slot.get_or_insert_with(String::new).push_str(text.trim());
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    const URLSET: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
  <url><loc>https://a.gov.vn/tin-tuc/1.html</loc><lastmod>2024-01-02</lastmod></url>
  <url>
    <loc>
      https://a.gov.vn/tin?id=2&amp;cat=5
    </loc>
  </url>
  <url><loc><![CDATA[https://a.gov.vn/tin-tuc/3.html]]></loc></url>
</urlset>"#;

    #[test]
    fn urlset_entries_with_entities_and_cdata() {
        let Sitemap::Pages(p) = parse(URLSET.as_bytes(), 1 << 20).unwrap() else {
            panic!("pages expected");
        };
        let locs: Vec<_> = p.iter().map(|e| e.loc.as_str()).collect();
        assert_eq!(
            locs,
            [
                "https://a.gov.vn/tin-tuc/1.html",
                "https://a.gov.vn/tin?id=2&cat=5",
                "https://a.gov.vn/tin-tuc/3.html"
            ]
        );
        assert_eq!(p[0].lastmod.as_deref(), Some("2024-01-02"));
        assert_eq!(p[1].lastmod, None);
    }

    #[test]
    fn index_gzip_and_text_sitemaps() {
        let idx = r#"<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
            <sitemap><loc>https://a.gov.vn/s1.xml</loc></sitemap>
            <sitemap><loc>https://a.gov.vn/s2.xml.gz</loc><lastmod>2024</lastmod></sitemap>
        </sitemapindex>"#;
        let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        gz.write_all(idx.as_bytes()).unwrap();
        let gz = gz.finish().unwrap();
        assert_eq!(
            parse(&gz, 1 << 20).unwrap(),
            Sitemap::Index(vec![
                "https://a.gov.vn/s1.xml".into(),
                "https://a.gov.vn/s2.xml.gz".into()
            ])
        );
        let text = "https://a.gov.vn/1\n\n# x\nhttps://a.gov.vn/2\n";
        let Sitemap::Pages(p) = parse(text.as_bytes(), 1 << 20).unwrap() else {
            panic!()
        };
        assert_eq!(p.len(), 2);
    }

    #[test]
    fn html_or_broken_xml_is_an_error() {
        assert!(parse(b"<html><body>404</body></html>", 1 << 20).is_err());
        assert!(parse(b"<urlset><url><loc>x</url>", 1 << 20).is_err());
        let bomb = {
            let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
            gz.write_all(&vec![b' '; 1 << 20]).unwrap();
            gz.finish().unwrap()
        };
        assert!(parse(&bomb, 1000).unwrap_err().contains("larger"));
    }
}

//! `vngov extract URL...`: pages fetched politely and extracted in one go.
//!
//! Each URL on the command line is fetched when the pipeline reaches it (one at a
//! time, with the fetcher's default politeness: robots.txt, per-host delay, retries)
//! and handed on as a document; a failed fetch becomes an error record naming the URL.

use std::path::PathBuf;

use vngov_pipeline::sources::{http, Document, Format, Item, Meta, SourceError};
use vngov_record::ErrorKind;

/// Whether a command-line argument is a web address rather than a path.
pub fn is_url(arg: &std::path::Path) -> bool {
    let s = arg.to_string_lossy();
    s.starts_with("http://") || s.starts_with("https://")
}

/// The items of one URL, fetched lazily by `fetcher`.
pub fn item(fetcher: &vngov_fetch::Fetcher, url: &str, max_bytes: u64) -> Item {
    match fetcher.fetch(url) {
        Ok(page) => {
            let final_url = page.final_url.to_string();
            let (media, charset) = page
                .content_type()
                .map(http::media_type)
                .unwrap_or_default();
            let format = match media.as_str() {
                "text/rtf" | "application/rtf" => Some(Format::Rtf),
                "" => Some(Format::Html),
                m => http::format_of(m).or_else(|| {
                    // Attachments are often served as application/octet-stream.
                    vngov_pipeline::docs::kind_of(Format::Text, &page.body).map(Format::Document)
                }),
            };
            let Some(format) = format else {
                return failure(url, ErrorKind::Decode, format!("not text: {media}"));
            };
            if max_bytes > 0 && page.body.len() as u64 > max_bytes {
                let msg = format!("{} bytes, over the limit of {max_bytes}", page.body.len());
                return failure(url, ErrorKind::TooLarge, msg);
            }
            Item::Document(Document {
                path: url.to_string(),
                position: None,
                bytes: page.body,
                format,
                meta: Meta {
                    url: Some(final_url),
                    charset,
                    ..Meta::default()
                },
            })
        }
        Err(e) => {
            let info = crate::fetch::error_info(&e);
            let mut e = SourceError::new(url, None, info.kind, info.message);
            e.status = info.status;
            with_url(url, e)
        }
    }
}

fn failure(url: &str, kind: ErrorKind, message: String) -> Item {
    with_url(url, SourceError::new(url, None, kind, message))
}

/// The error item of `url`, its record naming the URL.
fn with_url(url: &str, mut e: SourceError) -> Item {
    e.meta.url = Some(url.to_string());
    Item::Error(e)
}

/// The command line's paths without its URLs, and its URLs, each in order.
pub fn split(args: &[PathBuf]) -> (Vec<PathBuf>, Vec<String>) {
    let (urls, paths): (Vec<&PathBuf>, Vec<&PathBuf>) = args.iter().partition(|p| is_url(p));
    (
        paths.into_iter().cloned().collect(),
        urls.iter()
            .map(|u| u.to_string_lossy().into_owned())
            .collect(),
    )
}

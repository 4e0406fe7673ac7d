//! The article's publication date.
//!
//! In order of trust:
//! 1. what the page states for machines: `article:published_time`, `itemprop=
//!    "datePublished"`, JSON-LD `datePublished`, `<meta name="pubdate">`;
//! 2. a labelled date in the article ("Ngày đăng: 27/12/2018", "Cập nhật lúc 10:20
//!    ngày 03/05/2019", a "Ngày ban hành | 29/12/2025" table row);
//! 3. a date line beside the headline ("Thứ 6, ngày 03/05/2019 | 03:28 PM (GMT +7)",
//!    "12/03/2015 | 12:00", "Nguyên Minh - 07/03/2026 08:47");
//! 4. a `<time datetime>` in the article.
//!
//! Chrome is never read: the portal's clock sits in the page header, and related
//! articles' dates in boxes marked as chrome. A date stated only for machines is
//! paired with the visible line that shows the same day, when there is one, so that
//! the record can point at it.

use std::sync::LazyLock;

use regex::Regex;
use scraper::{Html, Selector};

use crate::blocks::{Kind, Segmented};

/// Where a publication date was read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Origin {
    /// Metadata: meta tags, microdata, JSON-LD.
    Metadata,
    /// A labelled date in the page.
    Label,
    /// A date line beside the headline.
    DateLine,
    /// A `<time>` element.
    Time,
}

/// A publication date and the words it came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Published {
    /// `YYYY-MM-DD`.
    pub date: String,
    /// The visible line showing the date, or the metadata value when no line does.
    pub text: String,
    /// Whether `text` is visible text of the page (a block), not metadata.
    pub visible: bool,
    /// The block `text` is, when it is one.
    pub block: Option<usize>,
    /// Where the date was read.
    pub origin: Origin,
}

static META: LazyLock<Selector> = LazyLock::new(|| {
    Selector::parse(
        r#"meta[property="article:published_time"], meta[name="article:published_time"], meta[itemprop="datePublished"], meta[name="pubdate"], meta[name="publishdate"], meta[property="og:published_time"], [itemprop="datePublished"][datetime], [itemprop="datePublished"][content]"#,
    )
    .unwrap()
});
static LD: LazyLock<Selector> =
    LazyLock::new(|| Selector::parse(r#"script[type="application/ld+json"]"#).unwrap());
static LD_DATE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r#""datePublished"\s*:\s*"([^"]+)""#).unwrap());

/// An ISO 8601 timestamp: day, optional time and offset.
static ISO: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\s*(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::\d{2}(?:\.\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})?)?")
        .unwrap()
});

/// A day in a visible line: `dd/mm/yyyy`, `dd-mm-yyyy`, `dd.mm.yyyy`, or "ngày d
/// tháng m năm yyyy".
static DAY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(\d{1,2})\s*[/.\-]\s*(\d{1,2})\s*[/.\-]\s*((?:19|20)\d{2})\b|\bngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+((?:19|20)\d{2})\b")
        .unwrap()
});

/// Labels of a publication date, in a line or a table's label cell.
static LABEL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^\W*(?:ngày\s+đăng(?:\s+tin|\s+bài|\s+tải)?|đăng\s+ngày|đăng\s+lúc|ngày\s+xuất\s+bản|xuất\s+bản|ngày\s+công\s+bố|ngày\s+ban\s+hành|ngày\s+(?:ký\s+)?xác\s+thực|ngày\s+cập\s+nhật|cập\s+nhật(?:\s+lúc|\s+ngày)?|thời\s+gian\s+đăng|published|posted)\b")
        .unwrap()
});

/// Labels of dates that are not the publication date: in a table row or right
/// before a date, they disqualify it.
static OTHER_LABEL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?:hiệu\s+lực|thông\s+qua|áp\s+dụng|đăng\s+công\s+báo|hết\s+hạn|ngày\s+sinh|hạn\s+chót|hạn\s+nộp)")
        .unwrap()
});

/// The longest visible date line, in chars.
const DATE_LINE_MAX: usize = 120;

/// Without a known headline, how many blocks before the body a date line may stand.
const LEAD_BLOCKS: usize = 4;

/// How many blocks after the headline a date line may stand.
const NEAR_HEADLINE: usize = 12;

/// A visible day as `YYYY-MM-DD`.
pub fn day_in(text: &str) -> Option<(String, std::ops::Range<usize>)> {
    DAY.captures_iter(text).find_map(|c| {
        let (d, m, y) = if c.get(1).is_some() {
            (&c[1], &c[2], &c[3])
        } else {
            (&c[4], &c[5], &c[6])
        };
        let (d, m, y): (u32, u32, i32) = (d.parse().ok()?, m.parse().ok()?, y.parse().ok()?);
        valid(y, m, d).then(|| (format!("{y:04}-{m:02}-{d:02}"), c.get(0).unwrap().range()))
    })
}

fn valid(y: i32, m: u32, d: u32) -> bool {
    (1..=12).contains(&m) && d >= 1 && d <= days_in_month(y, m)
}

fn days_in_month(y: i32, m: u32) -> u32 {
    match m {
        2 if (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// The day of an ISO timestamp in Vietnam's time zone (UTC+7): a page that writes
/// `2026-03-06T17:05:00Z` was published on 7 March there.
pub fn iso_day(value: &str) -> Option<String> {
    let c = ISO.captures(value)?;
    let (mut y, mut m, mut d): (i32, u32, u32) =
        (c[1].parse().ok()?, c[2].parse().ok()?, c[3].parse().ok()?);
    if !valid(y, m, d) {
        return None;
    }
    if let (Some(h), Some(min), Some(off)) = (c.get(4), c.get(5), c.get(6)) {
        let minutes = h.as_str().parse::<i32>().ok()? * 60 + min.as_str().parse::<i32>().ok()?;
        let offset = match off.as_str() {
            "Z" => 0,
            o => {
                let sign = if o.starts_with('-') { -1 } else { 1 };
                let digits: String = o.chars().filter(char::is_ascii_digit).collect();
                let hh: i32 = digits.get(..2)?.parse().ok()?;
                let mm: i32 = digits.get(2..)?.parse().ok()?;
                sign * (hh * 60 + mm)
            }
        };
        let local = minutes - offset + 7 * 60;
        if local >= 24 * 60 {
            d += 1;
            if d > days_in_month(y, m) {
                d = 1;
                m += 1;
                if m > 12 {
                    m = 1;
                    y += 1;
                }
            }
        } else if local < 0 {
            if d > 1 {
                d -= 1;
            } else {
                m = if m == 1 { 12 } else { m - 1 };
                if m == 12 {
                    y -= 1;
                }
                d = days_in_month(y, m);
            }
        }
    }
    Some(format!("{y:04}-{m:02}-{d:02}"))
}

/// The dates the page states for machines, as written.
fn stated(html: &Html) -> Vec<String> {
    let mut out: Vec<String> = html
        .select(&META)
        .filter_map(|e| {
            e.value()
                .attr("content")
                .or_else(|| e.value().attr("datetime"))
        })
        .map(str::to_string)
        .collect();
    for s in html.select(&LD) {
        let json: String = s.text().collect();
        out.extend(LD_DATE.captures_iter(&json).map(|c| c[1].to_string()));
    }
    out
}

/// The publication date of an article whose headline is block `headline` and whose
/// body is `body` (block indices); chrome blocks are never read.
pub fn find(
    html: &Html,
    seg: &Segmented,
    chrome: &[bool],
    headline: Option<usize>,
    body: &[usize],
) -> Option<Published> {
    // The blocks an article's date may be printed in: from the headline to the end
    // of the body; near the headline first.
    let first_body = body.first().copied().unwrap_or(0);
    let start = headline.unwrap_or(first_body.saturating_sub(LEAD_BLOCKS));
    let end = body
        .last()
        .map_or(start + NEAR_HEADLINE, |&e| e + 1)
        .min(seg.blocks.len());
    // Between the headline and the body, a date line may sit in a bar named like
    // chrome ("author-share-top"); the portal's clock is above the headline.
    let near: Vec<usize> = (start..end)
        .filter(|&i| (!chrome[i] || i < first_body) && seg.blocks[i].link_density() < 0.5)
        .collect();
    let line_day = |i: usize| -> Option<String> {
        let b = &seg.blocks[i];
        (b.chars <= DATE_LINE_MAX)
            .then(|| day_in(&b.text).map(|(d, _)| d))
            .flatten()
    };
    let visible = |day: &str| {
        near.iter()
            .copied()
            .find(|&i| line_day(i).as_deref() == Some(day))
    };

    if let Some((value, day)) = stated(html)
        .into_iter()
        .find_map(|v| iso_day(&v).map(|d| (v, d)))
    {
        return Some(match visible(&day) {
            Some(i) => Published {
                date: day,
                text: seg.blocks[i].text.clone(),
                visible: true,
                block: Some(i),
                origin: Origin::Metadata,
            },
            None => Published {
                date: day,
                text: value.trim().to_string(),
                visible: false,
                block: None,
                origin: Origin::Metadata,
            },
        });
    }
    if let Some(p) = labelled(seg, &near) {
        return Some(p);
    }
    for &i in near
        .iter()
        .filter(|&&i| i <= first_body.max(start) + NEAR_HEADLINE)
    {
        let b = &seg.blocks[i];
        if matches!(b.kind, Kind::Heading(_)) || OTHER_LABEL.is_match(&b.text) {
            continue;
        }
        // The value cell of a row labelled with another date ("Ngày có hiệu lực").
        let labelled_other = i > 0
            && b.kind == Kind::Cell
            && b.row.is_some()
            && seg.blocks[i - 1].row == b.row
            && OTHER_LABEL.is_match(&seg.blocks[i - 1].text);
        if labelled_other {
            continue;
        }
        if let Some(day) = line_day(i) {
            return Some(Published {
                date: day,
                text: b.text.clone(),
                visible: true,
                block: Some(i),
                origin: Origin::DateLine,
            });
        }
    }
    None
}

/// A date after a publication label in the same block, or in the cell after a
/// label cell.
fn labelled(seg: &Segmented, near: &[usize]) -> Option<Published> {
    for (n, &i) in near.iter().enumerate() {
        let b = &seg.blocks[i];
        if !LABEL.is_match(&b.text) || b.chars > DATE_LINE_MAX {
            continue;
        }
        if let Some((day, _)) = day_in(&b.text) {
            return Some(Published {
                date: day,
                text: b.text.clone(),
                visible: true,
                block: Some(i),
                origin: Origin::Label,
            });
        }
        // A label cell: the value is the next cell of the same row.
        if b.kind == Kind::Cell {
            if let Some(&j) = near.get(n + 1) {
                let v = &seg.blocks[j];
                if v.row == b.row && v.row.is_some() {
                    if let Some((day, _)) = day_in(&v.text) {
                        return Some(Published {
                            date: day,
                            text: v.text.clone(),
                            visible: true,
                            block: Some(j),
                            origin: Origin::Label,
                        });
                    }
                }
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::blocks::segment;

    fn published(page: &str) -> Option<Published> {
        let html = Html::parse_document(page);
        let seg = segment(&html);
        let chrome: Vec<bool> = seg.blocks.iter().map(|b| !b.chrome.is_empty()).collect();
        let h = seg.blocks.iter().position(|b| b.kind == Kind::Heading(1));
        let body: Vec<usize> = (h.map_or(0, |h| h + 1)..seg.blocks.len()).collect();
        find(&html, &seg, &chrome, h, &body)
    }

    #[test]
    fn iso_days_in_vietnam_time() {
        assert_eq!(
            iso_day("2026-03-01T09:51:00+07:00").as_deref(),
            Some("2026-03-01")
        );
        assert_eq!(
            iso_day("2026-03-06T17:05:00Z").as_deref(),
            Some("2026-03-07")
        );
        assert_eq!(
            iso_day("2025-12-31T20:00:00.000+00:00").as_deref(),
            Some("2026-01-01")
        );
        assert_eq!(iso_day("2026-03-07").as_deref(), Some("2026-03-07"));
        assert_eq!(iso_day("2026-02-30"), None);
        assert_eq!(iso_day("07/03/2026"), None);
    }

    #[test]
    fn metadata_paired_with_the_visible_line() {
        let p = published(
            r#"<meta property="article:published_time" content="2019-05-03T15:28:00+07:00">
            <div class="clock">Thứ sáu, 10/05/2019</div><h1>Tiêu đề bài viết</h1>
            <div class="date">Thứ 6, ngày 03/05/2019 | 03:28 PM (GMT +7)</div><p>Nội dung bài.</p>"#,
        )
        .unwrap();
        assert_eq!(p.date, "2019-05-03");
        assert_eq!(p.text, "Thứ 6, ngày 03/05/2019 | 03:28 PM (GMT +7)");
        assert!(p.visible);
    }

    #[test]
    fn json_ld_without_a_visible_line() {
        let p = published(
            r#"<script type="application/ld+json">{"datePublished":"2026-03-07T08:07:18+07:00"}</script><h1>Tiêu đề</h1><p>Nội dung không có ngày.</p>"#,
        )
        .unwrap();
        assert_eq!((p.date.as_str(), p.visible), ("2026-03-07", false));
        assert_eq!(p.text, "2026-03-07T08:07:18+07:00");
    }

    #[test]
    fn labels_and_date_lines_not_the_portal_clock() {
        let p = published(
            r#"<header>Thứ ba, 12/04/2022 08:15</header><h1>Tiêu đề</h1>
            <p>Ngày đăng: 27/12/2018</p><p>Ngày 20/12/2018, UBND tỉnh đã họp.</p>"#,
        )
        .unwrap();
        assert_eq!((p.date.as_str(), p.origin), ("2018-12-27", Origin::Label));
        let p =
            published(r#"<h1>Tiêu đề</h1><div>12/03/2015 | 12:00</div><p>Nội dung.</p>"#).unwrap();
        assert_eq!(
            (p.date.as_str(), p.origin),
            ("2015-03-12", Origin::DateLine)
        );
        let p =
            published(r#"<h1>Tiêu đề</h1><p>(Cập nhật lúc 10:20 ngày 03/05/2019)</p>"#).unwrap();
        assert_eq!(p.date, "2019-05-03");
    }

    #[test]
    fn property_rows_pick_the_publication_label() {
        let p = published(
            r#"<h1>Luật 12/2020/QH14</h1><table><tr><td>Ngày thông qua</td><td>01/02/2023</td></tr>
            <tr><td>Ngày có hiệu lực</td><td>01/07/2023</td></tr>
            <tr><td>Ngày công bố</td><td>24/02/2023</td></tr></table>"#,
        )
        .unwrap();
        assert_eq!(p.date, "2023-02-24");
    }

    #[test]
    fn no_date_at_all() {
        assert_eq!(published("<h1>Tiêu đề</h1><p>Nội dung.</p>"), None);
    }
}

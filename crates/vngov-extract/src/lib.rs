//! Pattern rules that read facts out of normalized Vietnamese administrative text.
//!
//! The input is the text produced by `vngov-text`; every fact comes back with its
//! evidence (the words, their character span, the sentence). Rules live in
//! [`rules`], one family per folder, each with its fixtures and snapshot tests.

pub mod doc;
pub mod rules;
pub mod word_hash;

/// A family's snapshot test: `render` (text → report) over every file in the
/// family's `fixtures/`, one insta snapshot each.
#[cfg(test)]
#[macro_export]
macro_rules! fixture_snapshots {
    ($render:expr) => {
        #[test]
        fn fixtures() {
            insta::glob!("fixtures/*.txt", |path| {
                let text = std::fs::read_to_string(path).expect("fixture");
                insta::assert_snapshot!(($render)(&text));
            });
        }
    };
}

pub use doc::Doc;
use vngov_record::{
    DateFact, DocumentFact, Evidence, Meeting, Organization, PercentageFact, PersonFact, Task,
    Warning,
};

/// Everything the rules found in one document.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Extraction {
    /// The headline, when one was found.
    pub title: Option<String>,
    /// Publication date (`YYYY-MM-DD`) and where it was read.
    pub published: Option<(String, Evidence)>,
    /// Province or centrally-run city, and its decisive mention.
    pub province: Option<(String, Evidence)>,
    /// Every date mentioned, in text order.
    pub dates: Vec<DateFact>,
    /// Every document number, once each, in order of first mention.
    pub documents: Vec<DocumentFact>,
    /// Every percentage, in text order.
    pub percentages: Vec<PercentageFact>,
    /// Meetings the document reports on.
    pub meetings: Vec<Meeting>,
    /// Every named official, once each.
    pub people: Vec<PersonFact>,
    /// Directives, in text order.
    pub tasks: Vec<Task>,
    /// Every body mentioned, once each.
    pub organizations: Vec<Organization>,
    /// Things noticed on the way.
    pub warnings: Vec<Warning>,
}

/// What is known of a document from outside its text.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Known<'a> {
    /// The publication date (`YYYY-MM-DD`) a page's markup or an input's metadata
    /// gives.
    pub published: Option<&'a str>,
}

/// Runs every rule family over a normalized text.
///
/// Order matters: dates are read first with the years the text writes; the
/// publication date is chosen among them; years left unwritten are then inferred;
/// document numbers use the dates beside them; meetings take their dates, with
/// the inferred years, and their chairs from the people named; tasks read their
/// deadlines on the dates with years inferred, and fall back on the meeting's chair
/// as the assigner where the text names no other authority.
pub fn extract(text: &str) -> Extraction {
    extract_with(text, Known::default())
}

/// [`extract`], with what is known of the document from outside its text.
///
/// A known publication date that the text writes out (with its year) is the
/// publication date, with that mention as its evidence, whatever the text rules
/// would have chosen; unwritten years are inferred from it. One the text does not
/// write is used only to infer years when the text gives no publication date.
pub fn extract_with(text: &str, known: Known) -> Extraction {
    let doc = Doc::new(text);
    let mut dates = rules::dates::extract(&doc);
    let mut published = rules::published::extract(&doc, &dates);
    if let Some(day) = known.published {
        // The text's own reading of that day keeps its evidence; another day
        // gives way to the known one where the text writes it.
        if !matches!(&published, Some((d, _)) if d == day) {
            let written = dates
                .iter()
                .find(|d| d.value == day && d.precision == vngov_record::DatePrecision::Day);
            if let Some(d) = written {
                published = Some((d.value.clone(), d.evidence.clone()));
            }
        }
    }
    rules::dates::infer_years(
        &doc,
        &mut dates,
        published
            .as_ref()
            .map(|(d, _)| d.as_str())
            .or(known.published),
    );
    let documents = rules::documents::extract(&doc, &dates);
    let percentages = rules::percentages::extract(&doc);
    let province = rules::province::extract(&doc);
    let title = rules::title::extract(&doc);
    let mentions = rules::people::mentions(text);
    let people = rules::people::extract(&doc, &mentions);
    let meetings = rules::meetings::extract(&doc, &dates, &mentions);
    let chair = meetings
        .iter()
        .flat_map(|m| m.chairs.first())
        .next()
        .map(chair_label);
    // Tasks and organizations read the same bodies: scanned once.
    let parties = rules::organizations::PartyIndex::new(text);
    let tasks = rules::tasks::extract(&doc, &dates, &parties, chair.as_deref());
    let organizations = rules::organizations::extract_from(&doc, parties.parties());
    Extraction {
        title,
        published,
        province,
        dates,
        documents,
        percentages,
        meetings,
        people,
        tasks,
        organizations,
        warnings: Vec::new(),
    }
}

/// How a chair is named as a task's assigner: first title, then name
/// ("Phó Chủ tịch UBND tỉnh Nguyễn Phi Long").
fn chair_label(c: &vngov_record::Chair) -> String {
    match c.titles.first() {
        Some(t) => format!("{} {}", t.text, c.name),
        None => c.name.clone(),
    }
}

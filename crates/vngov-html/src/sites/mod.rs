//! Site families: the CMSs Vietnamese portals run on, each a small module that
//! knows its templates' class names. They are applied after the generic rules and
//! only refine them: a family names the element that holds the article, the
//! headline, and template parts that are chrome.

use ego_tree::NodeId;
use scraper::{ElementRef, Html, Selector};

pub mod dnn;
pub mod liferay;
pub mod newspaper;
pub mod sharepoint;
pub mod vbpl;

/// What a family knows about a page.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Hints {
    /// The family's name, when one recognised the page.
    pub family: Option<&'static str>,
    /// The element holding the article.
    pub root: Option<NodeId>,
    /// The headline.
    pub title: Option<String>,
    /// Template parts that are chrome.
    pub chrome: Vec<NodeId>,
}

/// A site family.
pub struct Family {
    /// Its name.
    pub name: &'static str,
    /// Reads the hints of a page, or `None` when the page is not of this family.
    pub hints: fn(&Html) -> Option<Hints>,
}

/// The families, tried in order; the first that recognises a page gives its hints.
pub const FAMILIES: &[Family] = &[
    Family {
        name: "vbpl",
        hints: vbpl::hints,
    },
    Family {
        name: "sharepoint",
        hints: sharepoint::hints,
    },
    Family {
        name: "liferay",
        hints: liferay::hints,
    },
    Family {
        name: "dnn",
        hints: dnn::hints,
    },
    Family {
        name: "newspaper",
        hints: newspaper::hints,
    },
];

/// The hints of the first family that recognises the page.
pub fn hints(html: &Html) -> Hints {
    FAMILIES
        .iter()
        .find_map(|f| {
            (f.hints)(html).map(|mut h| {
                h.family = Some(f.name);
                h
            })
        })
        .unwrap_or_default()
}

/// The element matching `sel` that holds the most text.
pub(crate) fn largest<'a>(html: &'a Html, sel: &Selector) -> Option<ElementRef<'a>> {
    html.select(sel).max_by_key(|e| {
        e.text()
            .map(|t| t.chars().filter(|c| !c.is_whitespace()).count())
            .sum::<usize>()
    })
}

/// Every element matching `sel`.
pub(crate) fn all(html: &Html, sel: &Selector) -> Vec<NodeId> {
    html.select(sel).map(|e| e.id()).collect()
}

/// Parses a selector list written in this crate (a bad one is a bug, caught by tests).
pub(crate) fn selector(css: &str) -> Selector {
    Selector::parse(css).expect("valid selector")
}

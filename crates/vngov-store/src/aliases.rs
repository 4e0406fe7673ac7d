//! The ways of writing what a user asks for.
//!
//! A name is matched by its key and by the keys of its other forms:
//!
//! - the canonical form by the organizations lexicon of `vngov-extract`
//!   ([`canonical`]: "Sở TT&TT" → "Sở Thông tin và Truyền thông", "UBND tỉnh" →
//!   "Ủy ban nhân dân tỉnh"), of the words as typed and upper-cased, so that "sở
//!   tt&tt" reads as "SỞ TT&TT" does;
//! - every form the stored documents write for the same body (`body_forms`,
//!   filled from the records' `organizations[].forms` and the tasks' assignees as
//!   written): "so tt&tt" finds a body some document wrote "Sở TT&TT", and "so
//!   thong tin va truyen thong" finds the documents that only write "Sở TT&TT".

use std::collections::BTreeSet;

use rusqlite::Connection;
use vngov_extract::rules::organizations::canonical;

use crate::key::{key, prefix_range};
use crate::Result;

/// The keys of `q` itself: as typed, and its canonical forms.
pub fn own_keys(q: &str) -> Vec<String> {
    let mut keys = BTreeSet::new();
    for k in [
        key(q),
        key(&canonical(q)),
        key(&canonical(&q.to_uppercase())),
    ] {
        if !k.is_empty() {
            keys.insert(k);
        }
    }
    keys.into_iter().collect()
}

/// Every key a name given by a user may be stored under: [`own_keys`], and for
/// each body one of them names, the body's canonical key and every form written.
pub fn name_keys(conn: &Connection, q: &str) -> Result<Vec<String>> {
    let mut keys: BTreeSet<String> = own_keys(q).into_iter().collect();
    let mut bodies = BTreeSet::new();
    for k in &keys {
        bodies.extend(bodies_named(conn, k)?);
    }
    for b in bodies {
        keys.extend(body_keys(conn, b)?);
    }
    Ok(keys.into_iter().collect())
}

/// The bodies whose canonical key or a written form's key is `k`.
fn bodies_named(conn: &Connection, k: &str) -> Result<Vec<i64>> {
    let mut s = conn.prepare_cached(
        "SELECT id FROM bodies WHERE key = ?1 UNION SELECT body_id FROM body_forms WHERE key = ?1",
    )?;
    let ids = s.query_map([k], |r| r.get(0))?;
    Ok(ids.collect::<rusqlite::Result<_>>()?)
}

/// A body's canonical key and the keys of its written forms.
fn body_keys(conn: &Connection, body: i64) -> Result<Vec<String>> {
    let mut s = conn.prepare_cached(
        "SELECT key FROM bodies WHERE id = ?1 UNION SELECT key FROM body_forms WHERE body_id = ?1",
    )?;
    let keys = s.query_map([body], |r| r.get(0))?;
    Ok(keys.collect::<rusqlite::Result<_>>()?)
}

/// One place of a search: a word, or a body's name in any of its forms.
pub type Slot = Vec<String>;

/// What words typed in a search stand for: alternatives (the words as typed, and
/// in their canonical forms), each a list of [`Slot`]s that must all occur. Where
/// the words name a body the store knows, the slot holds every form of its name.
pub fn search_variants(conn: &Connection, q: &str) -> Result<Vec<Vec<Slot>>> {
    let mut out = Vec::new();
    for k in own_keys(q) {
        let words: Vec<&str> = k.split(' ').collect();
        let mut slots: Vec<Slot> = Vec::new();
        let mut i = 0;
        while i < words.len() {
            match longest_alias(conn, &words[i..])? {
                Some((n, alternatives)) => {
                    slots.push(alternatives);
                    i += n;
                }
                None => {
                    slots.push(vec![words[i].to_string()]);
                    i += 1;
                }
            }
        }
        if !out.contains(&slots) {
            out.push(slots);
        }
    }
    Ok(out)
}

/// The longest run of `words` from the first that is a key of a known body's
/// name (at least two words, a lone word being too loose), with how many words
/// it takes and every key of that body.
fn longest_alias(conn: &Connection, words: &[&str]) -> Result<Option<(usize, Vec<String>)>> {
    let (lo, hi) = prefix_range(words[0]);
    let mut s = conn.prepare_cached(
        "SELECT key, id FROM bodies WHERE key >= ?1 AND key < ?2
         UNION SELECT key, body_id FROM body_forms WHERE key >= ?1 AND key < ?2",
    )?;
    let candidates: Vec<(String, i64)> = s
        .query_map([&lo, &hi], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<rusqlite::Result<_>>()?;
    let mut best: Option<(usize, i64)> = None;
    for (k, body) in candidates {
        let n = k.split(' ').count();
        if n < 2 || n > words.len() || words[..n].join(" ") != k {
            continue;
        }
        if best.map_or(true, |(m, _)| n > m) {
            best = Some((n, body));
        }
    }
    match best {
        Some((n, body)) => {
            let mut keys = body_keys(conn, body)?;
            keys.sort();
            Ok(Some((n, keys)))
        }
        None => Ok(None),
    }
}

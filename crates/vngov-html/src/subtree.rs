//! Subtrees of the page: which blocks an element holds, and the element holding the
//! largest sum of a per-block value (the article, or the list of articles, against
//! the chrome around it). Everything is computed in one pass over the tree, without
//! recursion.

use std::collections::HashMap;

use ego_tree::iter::Edge;
use ego_tree::NodeId;
use scraper::Html;

use crate::blocks::Segmented;

/// Preorder positions of the page's elements.
#[derive(Debug, Default)]
pub struct Index {
    /// Each node's preorder number and the number after its last descendant.
    span: HashMap<NodeId, (usize, usize)>,
    /// Nodes in preorder.
    order: Vec<NodeId>,
}

impl Index {
    /// Numbers every node of the tree.
    pub fn new(html: &Html) -> Index {
        let nodes = html.tree.nodes().len();
        let mut idx = Index {
            span: HashMap::with_capacity(nodes),
            order: Vec::with_capacity(nodes),
        };
        // Nodes close in the reverse order they open: the starts of the open ones
        // are a stack.
        let mut open: Vec<usize> = Vec::new();
        for edge in html.tree.root().traverse() {
            match edge {
                Edge::Open(n) => {
                    open.push(idx.order.len());
                    idx.order.push(n.id());
                }
                Edge::Close(n) => {
                    let start = open.pop().unwrap_or(0);
                    idx.span.insert(n.id(), (start, idx.order.len()));
                }
            }
        }
        idx
    }

    /// Whether `node` is `ancestor` or inside it.
    pub fn contains(&self, ancestor: NodeId, node: NodeId) -> bool {
        match (self.span.get(&ancestor), self.span.get(&node)) {
            (Some(&(a, b)), Some(&(n, _))) => a <= n && n < b,
            _ => false,
        }
    }

    /// The range of block indices inside `node` (blocks are in reading order, so
    /// the blocks of an element are contiguous).
    pub fn blocks_in(&self, seg: &Segmented, node: NodeId) -> std::ops::Range<usize> {
        let Some(start) = seg.blocks.iter().position(|b| self.contains(node, b.owner)) else {
            return 0..0;
        };
        let mut end = start;
        while end < seg.blocks.len() && self.contains(node, seg.blocks[end].owner) {
            end += 1;
        }
        start..end
    }

    /// The element whose blocks add up to the largest total of `value` (the
    /// innermost one on a tie), with that total; `None` when no total is positive.
    pub fn best(
        &self,
        html: &Html,
        seg: &Segmented,
        value: impl Fn(usize) -> f64,
    ) -> Option<(NodeId, f64)> {
        let mut sum: HashMap<NodeId, f64> = HashMap::new();
        for i in 0..seg.blocks.len() {
            *sum.entry(seg.blocks[i].owner).or_default() += value(i);
        }
        let mut best: Option<(NodeId, f64)> = None;
        // Reverse preorder visits every node after all of its descendants.
        for &id in self.order.iter().rev() {
            let Some(node) = html.tree.get(id) else {
                continue;
            };
            let total = sum.get(&id).copied().unwrap_or(0.0);
            if total == 0.0 {
                continue;
            }
            if node.value().is_element() && total > best.map_or(0.0, |(_, v)| v) {
                best = Some((id, total));
            }
            if let Some(parent) = node.parent() {
                *sum.entry(parent.id()).or_default() += total;
            }
        }
        best
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::blocks::segment;

    #[test]
    fn best_subtree_and_its_blocks() {
        let html = Html::parse_document(
            "<div id=a><p>menu</p><div id=b><p>one</p><p>two</p></div><p>foot</p></div>",
        );
        let seg = segment(&html);
        let idx = Index::new(&html);
        let texts: Vec<&str> = seg.blocks.iter().map(|b| b.text.as_str()).collect();
        assert_eq!(texts, ["menu", "one", "two", "foot"]);
        let value = |i: usize| if i == 1 || i == 2 { 5.0 } else { -1.0 };
        let (best, total) = idx.best(&html, &seg, value).unwrap();
        let el = html.tree.get(best).unwrap().value().as_element().unwrap();
        assert_eq!((el.id(), total), (Some("b"), 10.0));
        assert_eq!(idx.blocks_in(&seg, best), 1..3);
        // With cheap chrome the outer element is worth more.
        let (outer, _) = idx
            .best(&html, &seg, |i| if i == 0 || i == 3 { 0.5 } else { 5.0 })
            .unwrap();
        let el = html.tree.get(outer).unwrap().value().as_element().unwrap();
        assert_eq!(el.id(), Some("a"));
    }
}

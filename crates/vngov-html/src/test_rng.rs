//! A small seeded generator for tests that compare a fast path with its reference
//! on many made-up inputs: the same inputs on every run.

/// `next(n)` draws a number below `n` from a linear congruential sequence.
pub(crate) fn draws(mut seed: u64) -> impl FnMut(usize) -> usize {
    move |n| {
        seed = seed
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (seed >> 33) as usize % n
    }
}

//! Integration tests: they run the real `vngov` binary.

mod cli;

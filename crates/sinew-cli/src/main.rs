//! `sinew`: the command line.
fn main() {}

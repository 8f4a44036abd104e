//! TODO(helper): times

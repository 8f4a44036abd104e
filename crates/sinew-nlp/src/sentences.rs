//! TODO(helper): sentences

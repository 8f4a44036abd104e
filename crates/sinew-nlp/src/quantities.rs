//! TODO(helper): quantities

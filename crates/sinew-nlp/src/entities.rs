//! TODO(helper): entities

//! Analysis over stored claims: grouping the same figure across sources

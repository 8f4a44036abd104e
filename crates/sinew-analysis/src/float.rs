//! How a stored analysis keeps its numbers exactly: JSON has no NaN or infinity (an
//! unreadable figure is NaN), and serde_json's default number parser may be one unit in the
//! last place off, which would make a stored group differ from a recomputed one. So values
//! are written as strings in Rust's shortest round-trip form (`"240100000000"`, `"NaN"`,
//! `"inf"`) and parsed back bit for bit.

use serde::de::{self, Deserializer, Visitor};
use serde::Serializer;

/// Writes a value as its shortest round-trip decimal string.
pub(crate) fn serialize<S: Serializer>(v: &f64, s: S) -> Result<S::Ok, S::Error> {
    s.collect_str(v)
}

/// Reads what [`serialize`] wrote.
pub(crate) fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<f64, D::Error> {
    d.deserialize_any(FloatVisitor)
}

struct FloatVisitor;

impl Visitor<'_> for FloatVisitor {
    type Value = f64;

    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("a number as a string")
    }

    fn visit_f64<E: de::Error>(self, v: f64) -> Result<f64, E> {
        Ok(v)
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<f64, E> {
        Ok(v as f64)
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<f64, E> {
        Ok(v as f64)
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<f64, E> {
        v.parse()
            .map_err(|_| E::invalid_value(de::Unexpected::Str(v), &self))
    }
}

/// The same for an optional value (`null` when absent).
pub(crate) mod option {
    use serde::{Deserialize, Deserializer, Serialize, Serializer};

    #[derive(Serialize, Deserialize)]
    struct Float(#[serde(with = "crate::float")] f64);

    pub(crate) fn serialize<S: Serializer>(v: &Option<f64>, s: S) -> Result<S::Ok, S::Error> {
        v.map(Float).serialize(s)
    }

    pub(crate) fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<f64>, D::Error> {
        Ok(Option::<Float>::deserialize(d)?.map(|f| f.0))
    }
}

#[cfg(test)]
mod tests {
    #[derive(Debug, serde::Serialize, serde::Deserialize)]
    struct Both {
        #[serde(with = "crate::float")]
        v: f64,
        #[serde(with = "crate::float::option")]
        o: Option<f64>,
    }

    #[test]
    fn non_finite_values_round_trip() {
        for v in [
            0.1,
            -3.0,
            240.1e9,
            1.0 / 3.0,
            5e-324,
            f64::NAN,
            f64::INFINITY,
            f64::NEG_INFINITY,
        ] {
            for o in [None, Some(v)] {
                let json = serde_json::to_string(&Both { v, o }).expect("serialises");
                let back: Both = serde_json::from_str(&json).expect("deserialises");
                assert_eq!(back.v.to_bits(), v.to_bits(), "{json}");
                assert_eq!(back.o.map(f64::to_bits), o.map(f64::to_bits), "{json}");
            }
        }
    }
}

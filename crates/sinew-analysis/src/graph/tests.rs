//! Tests of the graph's goods words and node ids.

use super::*;

#[test]
fn goods() {
    assert_eq!(
        goods_of(
            "Russian dependence on China for high-priority products",
            "Russia"
        ),
        Some("high-priority products".to_string())
    );
    assert_eq!(
        goods_of(
            "share of Russia’s imports of goods covered under G7’s high priority",
            "Russia"
        ),
        Some("imports of goods covered under G7’s high priority".to_string())
    );
    assert_eq!(
        goods_of("share of microelectronic components", "Russia"),
        Some("microelectronic components".to_string())
    );
    assert_eq!(goods_of("share of Russian exports", "China"), None);
    assert_eq!(goods_of("share", "Russia"), None);
}

#[test]
fn node_ids() {
    assert_eq!(node_id("North Korea"), "north-korea");
    assert_eq!(node_id("  Côte d'Ivoire "), "côte-d-ivoire");
}

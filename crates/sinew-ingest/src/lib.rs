//! Bytes (text, HTML, JSON Lines) to Documents: clean text, title, date

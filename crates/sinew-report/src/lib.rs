//! Briefings in Markdown and self-contained HTML, every sentence cited

//! Wires ingest, nlp, store, analysis and report; the one API the CLI calls

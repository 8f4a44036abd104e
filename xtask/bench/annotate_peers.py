"""The peers' side of `cargo xtask bench-annotate`.

Usage: annotate_peers.py quantulum3|dateparser SENTENCES_FILE

SENTENCES_FILE holds one sentence a line. The sentences are read before the clock starts,
and only the loop over them is timed, imports and the first call's table loading excluded
(one untimed warm-up call). quantulum3 runs `parser.parse` on each sentence; dateparser runs
`search.search_dates` with `languages=["en"]`, which skips its language detection and so
flatters dateparser. quantulum3 runs without its optional classifier extra (scikit-learn),
which disambiguates units at a cost, and warns so on stderr. Prints one JSON object on
stdout.
"""

import json
import sys
import time
from importlib.metadata import version


def main() -> None:
    tool, path = sys.argv[1], sys.argv[2]
    with open(path, encoding="utf-8") as f:
        sentences = [line.rstrip("\n") for line in f if line.strip()]

    if tool == "quantulum3":
        from quantulum3 import parser

        def run(s):
            return len(parser.parse(s))

    elif tool == "dateparser":
        from dateparser.search import search_dates

        def run(s):
            return len(search_dates(s, languages=["en"]) or [])

    else:
        sys.exit(f"unknown tool {tool!r}: quantulum3 or dateparser")

    run("It rose 5% to $3 million on 4 July 2023.")
    found = failed = 0
    start = time.perf_counter()
    for s in sentences:
        try:
            found += run(s)
        except Exception:  # one bad sentence must not end the run; it is counted instead
            failed += 1
    seconds = time.perf_counter() - start

    print(
        json.dumps(
            {
                "version": version(tool),
                "sentences": len(sentences),
                "words": sum(len(s.split()) for s in sentences),
                "found": found,
                "failed": failed,
                "seconds": seconds,
            }
        )
    )


if __name__ == "__main__":
    main()

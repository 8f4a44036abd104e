"""Trafilatura's side of `cargo xtask bench-extract`.

Usage: trafilatura_bench.py default|fast LIST_FILE

LIST_FILE names one HTML file a line. The pages are read as bytes before the clock starts
(trafilatura then detects their encoding, as `sinew extract` does), and only the extraction
loop is timed, imports and reads excluded. Prints one JSON object on stdout.
"""

import inspect
import json
import sys
import time
from importlib.metadata import version

from trafilatura import bare_extraction


def main() -> None:
    mode, list_file = sys.argv[1], sys.argv[2]
    with open(list_file, encoding="utf-8") as f:
        paths = [line.rstrip("\n") for line in f if line.strip()]
    pages = []
    for path in paths:
        with open(path, "rb") as f:
            pages.append(f.read())

    kwargs = {"with_metadata": True}
    if mode == "fast":
        # trafilatura 2.x calls it `fast`; 1.x called the same switch `no_fallback`.
        params = inspect.signature(bare_extraction).parameters
        kwargs["fast" if "fast" in params else "no_fallback"] = True
    elif mode != "default":
        sys.exit(f"unknown mode {mode!r}: default or fast")

    extracted = failed = 0
    start = time.perf_counter()
    for html in pages:
        try:
            if bare_extraction(html, **kwargs) is not None:
                extracted += 1
        except Exception:  # one bad page must not end the run; it is counted instead
            failed += 1
    seconds = time.perf_counter() - start

    print(
        json.dumps(
            {
                "version": version("trafilatura"),
                "mode": mode,
                "options": {k: v for k, v in kwargs.items() if k != "with_metadata"},
                "pages": len(pages),
                "bytes": sum(len(p) for p in pages),
                "extracted": extracted,
                "failed": failed,
                "seconds": seconds,
            }
        )
    )


if __name__ == "__main__":
    main()

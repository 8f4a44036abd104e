#!/usr/bin/env python3
"""Sinew's map step under Apache Spark, then `sinew load`.

    python scripts/spark/sinew_map.py --sinew target/release/sinew --out map.parquet \\
        --db store.db articles-*.jsonl
    python scripts/spark/sinew_map.py --format warc --out map.parquet --db store.db crawl/*.warc.gz

Spark runs the `sinew` binary (shipped to every executor with `SparkContext.addFile`) through
`RDD.pipe`, one process per partition, each with no store and no knowledge of the others:

- JSON Lines input (one article a line, as `sinew ingest` reads it: `text` or `html`, and
  `url`, `published`, `title`...) is split into partitions by Spark and piped through
  `sinew extract --annotate --format jsonl -`. A line without `url` is named `stdin#N` by its
  place in its partition, where `sinew ingest FILE` names it `FILE#N`: give every line a url.
- WARC input is handed out a file per element; each partition's files are named to one
  `sinew extract --annotate FILE...` (the files must be readable by the executors at the same
  path: local mode, or a shared file system).

Every output line is one record (the document, its content `id`, its near-duplicate
`fingerprint` and its annotations whole). They are written as Parquet, snappy-compressed
(Spark's default, which `sinew load` reads), with three columns: `id` (string), `fingerprint`
(array of longs, null for a text under 50 words: for grouping near-duplicates in Spark) and
`record`, the whole record as JSON text, which is what `sinew load` reads. With `--db`,
`sinew load` then stores the records: near-duplicates are linked across all partitions and
everything already stored, and the store equals a direct `sinew ingest` of the same input.

Needs pyspark (pinned in .ci/requirements.txt) and a Java runtime (Debian's
openjdk-17-jre-headless).
"""

import argparse
import os
import shlex
import shutil
import subprocess
import sys


def parse_args(argv):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("inputs", nargs="+", help="JSON Lines or WARC files")
    ap.add_argument(
        "--format",
        choices=["jsonl", "warc"],
        default="jsonl",
        help="what the inputs are (default: jsonl)",
    )
    ap.add_argument(
        "--sinew",
        default=shutil.which("sinew"),
        help="the sinew binary to ship to the executors (default: sinew on PATH)",
    )
    ap.add_argument("--out", required=True, help="the Parquet folder to write (replaced)")
    ap.add_argument("--db", help="the store to load the records into (a file or postgres:// URL)")
    ap.add_argument("--master", default="local[*]", help="Spark master (default: local[*])")
    ap.add_argument(
        "--partitions",
        type=int,
        default=0,
        help="partitions (default: Spark's for JSON Lines, one per file for WARC)",
    )
    ap.add_argument("--published", help="publication date (YYYY-MM-DD) for documents that give none")
    return ap.parse_args(argv)


def main(argv):
    args = parse_args(argv)
    if not args.sinew or not os.path.isfile(args.sinew):
        sys.exit(f"sinew_map: no sinew binary at {args.sinew!r}: pass --sinew PATH")
    for path in args.inputs:
        if not os.path.isfile(path):
            sys.exit(f"sinew_map: no input file {path!r}")

    from pyspark import SparkFiles
    from pyspark.sql import SparkSession
    from pyspark.sql import functions as F

    spark = (
        SparkSession.builder.master(args.master)
        .appName("sinew-map")
        .config("spark.ui.enabled", "false")
        .config("spark.ui.showConsoleProgress", "false")
        .getOrCreate()
    )
    sc = spark.sparkContext
    sc.setLogLevel("WARN")
    binary = os.path.abspath(args.sinew)
    sc.addFile(binary)
    name = os.path.basename(binary)
    # In local mode the executors share the driver's copy; elsewhere each executor finds the
    # added file in its working directory.
    exe = SparkFiles.get(name) if sc.master.startswith("local") else "./" + name

    extract = [exe, "--quiet", "extract", "--annotate"]
    if args.published:
        extract += ["--published", args.published]
    # RDD.pipe starts the command with only the environment it is given.
    env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "LC_ALL": "C.UTF-8"}
    if args.format == "jsonl":
        paths = ",".join(os.path.abspath(p) for p in args.inputs)
        if args.partitions:
            lines = sc.textFile(paths, args.partitions)
        else:
            lines = sc.textFile(paths)
        command = extract + ["--format", "jsonl", "-"]
    else:
        files = [os.path.abspath(p) for p in args.inputs]
        lines = sc.parallelize(files, args.partitions or len(files))
        # Each partition's file names, one a line, become the arguments of one extract.
        command = ["xargs", "-r", "-d", "\\n"] + extract + ["--"]
    # Exit status 1 means some inputs or records could not be read (each named on the
    # executor's stderr) and the rest were extracted: the partition's records stand. Any
    # other failure (a crash, a kill) fails the task, and Spark retries it.
    command = ["sh", "-c", '"$@"; status=$?; [ "$status" -le 1 ] || exit "$status"', "sh"] + command
    records = lines.pipe(" ".join(shlex.quote(a) for a in command), env=env, checkCode=True)

    frame = spark.createDataFrame(records.map(lambda line: (line,)), "record string")
    frame = frame.select(
        F.get_json_object("record", "$.id").alias("id"),
        F.from_json(F.get_json_object("record", "$.fingerprint"), "array<bigint>").alias(
            "fingerprint"
        ),
        "record",
    )
    frame.write.mode("overwrite").option("compression", "snappy").parquet(args.out)
    spark.stop()

    if args.db:
        load = subprocess.run([binary, "--db", args.db, "load", args.out])
        return load.returncode
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

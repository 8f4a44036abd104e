"""Reads each Parquet table `sinew export` wrote with DuckDB and compares it with the JSON
Lines export of the same data (the ledger also with its CSV): the same rows in the same order,
the same values, and typed columns (integers, doubles, booleans, dates). Prints one line a
table and exits non-zero, naming the table, row and column, on the first difference.

Usage: parquet_check.py DIR   (DIR holds TABLE.parquet and TABLE.jsonl; ledger.csv and
events.csv too)
"""

import csv
import datetime
import json
import math
import sys

import duckdb

DIR = sys.argv[1]
DATES = {"published", "time_start", "time_end", "period_start", "period_end"}
TYPES = {bool: "BOOLEAN", int: "BIGINT", float: "DOUBLE", str: "VARCHAR"}


def jsonl(table):
    with open(f"{DIR}/{table}.jsonl", encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def parquet(table):
    rel = duckdb.sql(f"SELECT * FROM read_parquet('{DIR}/{table}.parquet')")
    cols = rel.columns
    types = {c: str(t) for c, t in zip(cols, rel.types)}
    return cols, types, [dict(zip(cols, r)) for r in rel.fetchall()]


def fail(table, i, col, got, want):
    sys.exit(f"{table}: row {i} column {col}: parquet has {got!r}, the export {want!r}")


def same(a, b):
    if isinstance(b, float) and isinstance(a, (int, float)) and not isinstance(a, bool):
        return math.isclose(a, b, rel_tol=0, abs_tol=0) or a == b
    return a == b and type(a) is type(b)


def compare(table, want_rows, date_cols=DATES):
    cols, types, rows = parquet(table)
    if len(rows) != len(want_rows):
        sys.exit(f"{table}: {len(rows)} parquet rows, {len(want_rows)} in the export")
    for i, (got, want) in enumerate(zip(rows, want_rows)):
        if set(got) != set(want):
            sys.exit(f"{table}: columns {sorted(got)} != {sorted(want)}")
        for c in cols:
            g, w = got[c], want[c]
            if w is not None and c in date_cols:
                w = datetime.date.fromisoformat(w)
            if not same(g, w):
                fail(table, i, c, g, w)
            if w is not None:
                expected = "DATE" if c in date_cols else TYPES[type(w)]
                if types[c] != expected:
                    sys.exit(f"{table}: column {c} is {types[c]}, not {expected}")
    print(f"ok {table}: {len(rows)} rows, {len(cols)} columns")
    return rows


def documents():
    # The near-duplicate fingerprint (64 MinHash values) is the map step's, not a column of
    # the table: the links it found are, in `duplicate_of`.
    want = jsonl("documents")
    for d in want:
        d.pop("fingerprint", None)
    return compare("documents", want)


def claims(docs):
    ids = {d["doc"]: d["id"] for d in docs}
    want = []
    for c in jsonl("claims"):
        t = c.pop("time") or {}
        r = c.pop("restates") or {}
        ch = c.pop("changed_to") or {}
        c.update(
            doc_id=ids[c["doc"]],
            time_text=t.get("text"),
            time_start=t.get("start"),
            time_end=t.get("end"),
            time_grain=t.get("grain"),
            time_kind=t.get("kind"),
            restates_start=r.get("start"),
            restates_end=r.get("end"),
            changed_to_start=ch.get("start"),
            changed_to_end=ch.get("end"),
        )
        want.append(c)
    compare("claims", want)


def entities():
    want = []
    for e in jsonl("entities"):
        d = e.pop("description") or {}
        e["aliases"] = "; ".join(a["text"] for a in e["aliases"])
        for k in ("text", "count", "doc", "id", "start", "end"):
            e["description" if k == "text" else f"description_{k}"] = d.get(k)
        want.append(e)
    compare("entities", want)


def flows():
    want = []
    for f in jsonl("flows"):
        head = {
            "flow": f["id"], "from": f["from"], "to": f["to"], "source": f["source"],
            "target": f["target"], "kind": f["kind"], "symmetric": f["symmetric"],
            "sources": f["sources"], "claims": len(f["claims"]), "ties": len(f["ties"]),
        }
        empty = dict.fromkeys(
            ["group", "text", "value", "low", "high", "unit", "per", "measure",
             "period_start", "period_end", "verdict"])
        for v in f["volumes"] or [None]:
            row = dict(head, **empty)
            if v is not None:
                p = v.pop("period") or {}
                row.update(v, period_start=p.get("start"), period_end=p.get("end"))
            want.append(row)
    compare("flows", want)


def like_csv(name, items, typed):
    """A table whose columns are its CSV's (the ledger, the events): compared cell by cell
    with it (an empty cell is a null; a text the CSV defused against formula injection with a
    leading `'` is the text without it, since Parquet is no spreadsheet), its rows counted
    against the JSON export's `items` of each line, and the `typed` columns' types checked."""
    cols, types, rows = parquet(name)
    with open(f"{DIR}/{name}.csv", encoding="utf-8", newline="") as f:
        table = list(csv.reader(f))
    header, cells = table[0], table[1:]
    if header != cols:
        sys.exit(f"{name}: parquet columns {cols} != CSV header {header}")
    count = sum(len(g[items]) for g in jsonl(name))
    if not (len(rows) == len(cells) == count):
        sys.exit(f"{name}: {len(rows)} parquet rows, {len(cells)} CSV rows, {count} {items}")
    for i, (got, line) in enumerate(zip(rows, cells)):
        for c, text in zip(header, line):
            g, t = got[c], types[c]
            if g is None:
                ok = text == ""
            elif t == "DOUBLE":
                ok = text != "" and float(text) == g
            elif t == "BIGINT":
                ok = str(g) == text
            elif t == "BOOLEAN":
                ok = ("true" if g else "false") == text
            elif t == "DATE":
                ok = g.isoformat() == text
            else:
                ok = g == text or (text[:1] == "'" and text[1:2] in "=+-@\t\r"
                                   and text[1:2] != "" and g == text[1:])
            if not ok:
                fail(name, i, c, g, text)
    for c, t in typed:
        if types[c] != t:
            sys.exit(f"{name}: column {c} is {types[c]}, not {t}")
    print(f"ok {name}: {len(rows)} rows, {len(cols)} columns")


def ledger():
    like_csv("ledger", "claims", [
        ("start", "BIGINT"), ("value", "DOUBLE"), ("vague", "BOOLEAN"), ("camp", "BIGINT"),
        ("sources", "BIGINT"), ("time_start", "DATE"), ("consensus_low", "DOUBLE")])


def events():
    like_csv("events", "reports", [
        ("start", "BIGINT"), ("documents", "BIGINT"), ("mutual", "BOOLEAN"),
        ("negated", "BOOLEAN"), ("date", "DATE"), ("published", "DATE"),
        ("report_date", "DATE")])


docs = documents()
claims(docs)
entities()
flows()
ledger()
events()

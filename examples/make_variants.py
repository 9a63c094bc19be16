#!/usr/bin/env python3
"""Check examples/demo.kol.json and regenerate the other import formats from it.

demo.kol.json is the source of truth. This script (Python 3 stdlib only):
  1. checks it against the workspace-v1 contract as far as the demo needs (ids unique, stars in 0-6,
     region shares sum to <= 1, every date parses, nothing dated after the demo's "today");
  2. writes demo.kols.jsonl (the same KOLs, one per line, no brief);
  3. writes csv/kols.csv (scalar fields) and csv/posts.csv (their posts) for a few KOLs, the way a
     spreadsheet export looks: kols.csv has a UTF-8 BOM and CRLF line ends, posts.csv plain UTF-8 with LF;
     list fields (topics) are ';'-separated; an empty cell means "unknown", never zero;
  4. reads the CSV back and checks it matches the JSON.

Run from anywhere:  python3 examples/make_variants.py        (exit status 1 on any problem)
"""
import csv
import datetime as dt
import io
import json
import pathlib
import sys

HERE = pathlib.Path(__file__).resolve().parent
SOURCE = HERE / "demo.kol.json"
JSONL = HERE / "demo.kols.jsonl"
CSV_DIR = HERE / "csv"
TODAY = dt.date(2026, 11, 26)   # the demo's "today": nothing may be dated after it
# KOLs exported to CSV: the two clean ones plus three with tone flags. Their posts include one text with an
# ASCII comma (小满, "Tea time, ...") and one with an embedded newline (阿萌), so both quoting cases occur.
CSV_KOLS = ["2713968254", "3920417765", "2281630094", "3471925560", "1756302918"]
KOL_COLUMNS = ["id", "name", "platform", "stars", "followers", "createdAt", "verified", "price", "topics"]
POST_COLUMNS = ["kolId", "id", "at", "text", "reposts", "comments", "likes", "kolReplies", "isRepost", "topics"]
STAGES = {"candidate", "contacted", "sampling", "posted", "partner", "dropped"}

problems = []


def problem(path, message):
    problems.append(f"{path}: {message}")


def parse_date(value, path):
    """YYYY-MM-DD or RFC 3339; returns the calendar date (in the value's own offset) or None."""
    if not isinstance(value, str):
        problem(path, f"expected a date string, got {value!r}")
        return None
    try:
        if len(value) == 10:
            day = dt.date.fromisoformat(value)
        else:
            stamp = dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
            if stamp.tzinfo is None:
                problem(path, f"date-time without offset: {value}")
            day = stamp.date()
    except ValueError:
        problem(path, f"date does not parse: {value}")
        return None
    if day > TODAY:
        problem(path, f"dated after {TODAY}: {value}")
    return day


def check_count(value, path, integer=True):
    ok = isinstance(value, int) if integer else isinstance(value, (int, float))
    if isinstance(value, bool) or not ok or value < 0:
        problem(path, f"expected a non-negative {'integer' if integer else 'number'}, got {value!r}")


def check_post(post, path, post_ids):
    parse_date(post.get("at"), f"{path}.at")
    if not isinstance(post.get("text"), str) or not post["text"]:
        problem(f"{path}.text", "missing text")
    for field in ("reposts", "comments", "likes", "kolReplies"):
        if field in post:
            check_count(post[field], f"{path}.{field}")
    if "kolReplies" in post and "comments" in post and post["kolReplies"] > post["comments"]:
        problem(path, "more KOL replies than comments")
    if "id" in post:
        if post["id"] in post_ids:
            problem(f"{path}.id", f"duplicate post id {post['id']}")
        post_ids.add(post["id"])


def check(doc):
    if doc.get("version") != 1:
        problem("version", "expected 1")
    brief = doc.get("brief", {})
    if not isinstance(brief.get("budget"), (int, float)) or brief["budget"] <= 0:
        problem("brief.budget", "expected a positive number")
    kol_ids, post_ids = set(), set()
    for i, kol in enumerate(doc.get("kols", [])):
        p = f"kols[{i}]"
        if not isinstance(kol.get("id"), str) or not kol["id"]:
            problem(f"{p}.id", "missing id")
        elif kol["id"] in kol_ids:
            problem(f"{p}.id", f"duplicate KOL id {kol['id']}")
        kol_ids.add(kol.get("id"))
        stars = kol.get("stars")
        if isinstance(stars, bool) or not isinstance(stars, (int, float)) or not 0 <= stars <= 6 or stars * 2 != int(stars * 2):
            problem(f"{p}.stars", f"expected 0-6 in half steps, got {stars!r}")
        check_count(kol.get("followers"), f"{p}.followers")
        check_count(kol.get("price"), f"{p}.price", integer=False)
        parse_date(kol.get("createdAt"), f"{p}.createdAt")
        for j, point in enumerate(kol.get("followerHistory", [])):
            parse_date(point.get("date"), f"{p}.followerHistory[{j}].date")
            check_count(point.get("followers"), f"{p}.followerHistory[{j}].followers")
        regions = kol.get("followerRegions", {})
        for name, share in regions.items():
            if not isinstance(share, (int, float)) or not 0 <= share <= 1:
                problem(f"{p}.followerRegions.{name}", f"expected a share in 0-1, got {share!r}")
        if sum(regions.values()) > 1 + 1e-9:
            problem(f"{p}.followerRegions", f"shares sum to {sum(regions.values()):.3f} > 1")
        for j, post in enumerate(kol.get("posts", [])):
            check_post(post, f"{p}.posts[{j}]", post_ids)
        for j, channel in enumerate(kol.get("channels", [])):
            if not channel.get("platform") or not channel.get("name"):
                problem(f"{p}.channels[{j}]", "platform and name are required")
            for k, post in enumerate(channel.get("posts", [])):
                check_post(post, f"{p}.channels[{j}].posts[{k}]", post_ids)
        fan_ids = set()
        for j, fan in enumerate(kol.get("fanSample", [])):
            fp = f"{p}.fanSample[{j}]"
            if fan.get("id") in fan_ids:
                problem(f"{fp}.id", f"duplicate fan id {fan['id']}")
            fan_ids.add(fan.get("id"))
            for field in ("followers", "following", "posts"):
                if field in fan:
                    check_count(fan[field], f"{fp}.{field}")
            for field in ("createdAt", "lastPostAt"):
                if field in fan:
                    parse_date(fan[field], f"{fp}.{field}")
            for field in ("reposts", "links"):
                if field in fan and not 0 <= fan[field] <= 1:
                    problem(f"{fp}.{field}", "expected a share in 0-1")
        for j, campaign in enumerate(kol.get("campaigns", [])):
            cp = f"{p}.campaigns[{j}]"
            start = parse_date(campaign.get("start"), f"{cp}.start")
            end = parse_date(campaign["end"], f"{cp}.end") if "end" in campaign else None
            if start and end and end < start:
                problem(cp, "ends before it starts")
            check_count(campaign.get("cost"), f"{cp}.cost", integer=False)
            for field in ("impressions", "engagements", "clicks", "conversions"):
                if field in campaign:
                    check_count(campaign[field], f"{cp}.{field}")
        relationship = kol.get("relationship")
        if relationship:
            if relationship.get("stage") not in STAGES:
                problem(f"{p}.relationship.stage", f"unknown stage {relationship.get('stage')!r}")
            if "updatedAt" in relationship:
                parse_date(relationship["updatedAt"], f"{p}.relationship.updatedAt")


def cell(value):
    """A JSON scalar as a CSV cell; lists ';'-joined; absent stays empty (unknown)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return ";".join(value)
    return str(value)


def write_csv(path, columns, rows, bom, line_end):
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator=line_end, quoting=csv.QUOTE_MINIMAL)
    writer.writerow(columns)
    for row in rows:
        writer.writerow([cell(row.get(c)) for c in columns])
    path.write_bytes(("\ufeff" if bom else "").encode() + buffer.getvalue().encode("utf-8"))


def read_csv(path):
    text = path.read_bytes().decode("utf-8-sig")
    return list(csv.DictReader(io.StringIO(text, newline="")))


def main():
    doc = json.loads(SOURCE.read_text(encoding="utf-8"))
    check(doc)
    kols = doc["kols"]

    with JSONL.open("w", encoding="utf-8", newline="\n") as out:
        for kol in kols:
            out.write(json.dumps(kol, ensure_ascii=False, separators=(",", ":")) + "\n")

    chosen = [k for k in kols if k["id"] in CSV_KOLS]
    CSV_DIR.mkdir(exist_ok=True)
    write_csv(CSV_DIR / "kols.csv", KOL_COLUMNS, chosen, bom=True, line_end="\r\n")
    post_rows = [dict(post, kolId=k["id"]) for k in chosen for post in k["posts"]]
    write_csv(CSV_DIR / "posts.csv", POST_COLUMNS, post_rows, bom=False, line_end="\n")

    # Read back: every cell equals the JSON value, and both quoting cases really occur.
    back = read_csv(CSV_DIR / "kols.csv")
    for kol, row in zip(chosen, back):
        for c in KOL_COLUMNS:
            if row[c] != cell(kol.get(c)):
                problem(f"csv/kols.csv {kol['id']}.{c}", f"{row[c]!r} != {cell(kol.get(c))!r}")
    back_posts = read_csv(CSV_DIR / "posts.csv")
    for post, row in zip(post_rows, back_posts):
        for c in POST_COLUMNS:
            if row[c] != cell(post.get(c)):
                problem(f"csv/posts.csv {post.get('id')}.{c}", "does not round-trip")
    if len(back) != len(chosen) or len(back_posts) != len(post_rows):
        problem("csv", "row count does not round-trip")
    texts = [r["text"] for r in back_posts]
    if not any("," in t for t in texts) or not any("\n" in t for t in texts):
        problem("csv/posts.csv", "expected one text with a comma and one with a newline")

    if problems:
        print("\n".join(problems), file=sys.stderr)
        return 1
    print(f"ok: {len(kols)} KOLs, {sum(len(k['posts']) for k in kols)} posts checked; "
          f"wrote {JSONL.name}, csv/kols.csv ({len(chosen)} rows), csv/posts.csv ({len(post_rows)} rows)")
    return 0


if __name__ == "__main__":
    sys.exit(main())

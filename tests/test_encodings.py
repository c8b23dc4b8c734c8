"""Encodings and line ends: every supported form of the sample parses to the same records;
undecodable input is refused naming the encoding tried and the byte offset."""

import codecs
import functools
import os
import subprocess
import sys

import psycopg
import pytest
from psycopg import sql

from budget_db import migrate
from budget_db.batch import load_file
from budget_db.parsing import parse_file
from loaders.completeness import parse_complete
from loaders.source import read_source
from tests.conftest import SAMPLE

TEXT = SAMPLE.read_text(encoding="utf-8")
# GBK has no '²' (it is in the sample's narrative); GB18030 and the UTFs have everything.
GBK_TEXT = TEXT.replace("²", "2")

# name -> (text, how to encode it, encoding the reader reports)
ENCODINGS = {
    "utf-8": (TEXT, lambda t: t.encode("utf-8"), "utf-8"),
    "utf-8 BOM": (TEXT, lambda t: codecs.BOM_UTF8 + t.encode("utf-8"), "utf-8-sig"),
    "gb18030": (TEXT, lambda t: t.encode("gb18030"), "gb18030"),
    "gbk": (GBK_TEXT, lambda t: t.encode("gbk"), "gb18030"),
    "utf-16-le BOM": (TEXT, lambda t: codecs.BOM_UTF16_LE + t.encode("utf-16-le"), "utf-16"),
    "utf-16-be BOM": (TEXT, lambda t: codecs.BOM_UTF16_BE + t.encode("utf-16-be"), "utf-16"),
}
LINE_ENDS = {"LF": "\n", "CRLF": "\r\n", "CR": "\r"}


@functools.cache
def reference(text: str):
    """The report parsed straight from the text (no bytes, no line ends to undo)."""
    return parse_complete(text, "reference.txt", sha256="-")


def _facts(conn, table: str, report_id: int) -> list[tuple]:
    """A fact table's rows of one report, without report_id, in a fixed order."""
    cursor = conn.execute(sql.SQL("SELECT * FROM budget.{} WHERE report_id = %s").format(sql.Identifier(table)),
                          (report_id,))
    keep = [i for i, column in enumerate(cursor.description) if column.name != "report_id"]
    return sorted((tuple(row[i] for i in keep) for row in cursor), key=repr)


@pytest.mark.parametrize("line_end", LINE_ENDS)
@pytest.mark.parametrize("encoding", ENCODINGS)
def test_every_encoding_and_line_end_gives_the_same_records(tmp_path, encoding, line_end):
    text, encode, detected = ENCODINGS[encoding]
    path = tmp_path / "report.txt"
    path.write_bytes(encode(text.replace("\n", LINE_ENDS[line_end])))
    assert read_source(path).encoding == detected
    parsed = parse_file(path)
    expected = reference(text)
    assert parsed.meta == expected.meta
    assert parsed.meta.department == "深圳市公安局罗湖分局" and parsed.meta.fiscal_year == 2020
    assert len(parsed.records) == len(expected.records) > 2000
    assert parsed.records == expected.records  # values and source lines alike


def test_gb18030_crlf_file_is_stored_like_the_utf8_one(fresh_database, tmp_path):
    url = fresh_database("budget_enc")
    migrate.upgrade(url)
    first = load_file(url, SAMPLE)
    path = tmp_path / "gb18030_crlf.txt"
    path.write_bytes(TEXT.replace("\n", "\r\n").encode("gb18030"))
    second = load_file(url, path)
    # Other bytes, same report: a new version with exactly the same rows.
    assert (first.outcome, second.outcome, second.version) == ("loaded", "replaced", 2)
    assert second.rows == first.rows
    with psycopg.connect(url) as conn:
        for table in first.rows:
            assert _facts(conn, table, second.report_id) == _facts(conn, table, first.report_id), table


def test_utf16_without_bom_needs_encoding(database_url, tmp_path):
    path = tmp_path / "utf16le.txt"
    path.write_bytes(TEXT.encode("utf-16-le"))
    refused = load_file(database_url, path, dry_run=True)
    assert refused.outcome == "refused"
    assert refused.message == f"{path}: the file is binary (it contains NUL bytes), not text"
    accepted = load_file(database_url, path, encoding="utf-16-le", dry_run=True)
    assert accepted.outcome in ("loaded", "replaced", "unchanged"), accepted.message
    assert accepted.department == "深圳市公安局罗湖分局"


def _counts(db):
    return db.execute("SELECT (SELECT count(*) FROM budget.report), "
                      "(SELECT count(*) FROM budget.performance_indicator)").fetchone()


def test_damaged_utf8_byte_refused_with_offset(database_url, db, tmp_path):
    data = TEXT.encode("utf-8")
    offset = data.index("表.7".encode())  # a character boundary, far into the Chinese text
    path = tmp_path / "damaged.txt"
    path.write_bytes(data[:offset] + b"\xff" + data[offset:])
    before = _counts(db)
    result = load_file(database_url, path)
    assert result.outcome == "refused"
    assert result.message == (f"{path}: cannot decode as utf-8: invalid byte 0xff at offset {offset} "
                              "(the text before it is UTF-8; --encoding forces another)")
    assert _counts(db) == before


def test_undecodable_as_utf8_and_gb18030_names_both(database_url, db, tmp_path):
    data = TEXT.encode("gb18030")
    path = tmp_path / "broken_gb.txt"
    path.write_bytes(data[:1000] + b"\x81\x20" + data[1000:])  # 0x81 must be followed by 0x30-0xfe
    first_chinese = data.index(b"\xc4\xea")  # 年 after '2020 '
    before = _counts(db)
    result = load_file(database_url, path)
    assert result.message == (f"{path}: cannot decode as utf-8 (invalid byte 0xc4 at offset {first_chinese}) "
                              "or gb18030 (invalid byte 0x81 at offset 1000); --encoding names another")
    assert _counts(db) == before


def test_encoding_override_is_used_and_named(database_url, db, tmp_path):
    data = (TEXT + "\n").encode("utf-8")  # not the sample's bytes: those would be `unchanged` unread
    path = tmp_path / "utf8.txt"
    path.write_bytes(data)
    first_non_ascii = next(i for i, b in enumerate(data) if b >= 0x80)
    result = load_file(database_url, path, encoding="ascii")
    assert result.message == f"{path}: cannot decode as ascii: invalid byte 0x{data[first_non_ascii]:02x} at offset {first_non_ascii}"
    gb = tmp_path / "gb.txt"
    gb.write_bytes(TEXT.encode("gb18030"))
    assert parse_file(gb, encoding="gb18030").records == reference(TEXT).records
    unknown = load_file(database_url, path, encoding="klingon")
    assert unknown.message == f"{path}: unknown encoding 'klingon'"


def test_cli_encoding_option(database_url, tmp_path):
    path = tmp_path / "utf16be.txt"
    path.write_bytes(TEXT.encode("utf-16-be"))
    env = {**os.environ, "DATABASE_URL": database_url}
    run = functools.partial(subprocess.run, capture_output=True, text=True, env=env, timeout=120)
    loaded = run([sys.executable, "-m", "budget_db", "load", "--dry-run", "--encoding", "utf-16-be", str(path)])
    assert loaded.returncode == 0, loaded.stderr
    assert "深圳市公安局罗湖分局 2020" in loaded.stdout
    unknown = run([sys.executable, "-m", "budget_db", "load", "--encoding", "klingon", str(path)])
    assert unknown.returncode == 2
    assert unknown.stderr.strip() == "budget-db: unknown encoding: klingon"

"""The documents of each report (budget.report_document, alembic 0017): stored with every load,
and what lets a nightly batch over files it already loaded pair them without reading any."""

from __future__ import annotations

import hashlib
import shutil

import psycopg
import pytest

from budget_db import migrate
from budget_db.batch import load_files
from loaders import joined
from tests.conftest import OTHER_LAYOUTS, PDFS, SAMPLE

NARRATIVE, TABLES = "js_cppcc_office_budget_2018_text.txt", "js_cppcc_office_budget_2018_tables.txt"
WHOLE = "js_high_court_budget_2019.txt"


def sha(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def files(tmp_path):
    for name in (NARRATIVE, TABLES, WHOLE):
        shutil.copy(OTHER_LAYOUTS / name, tmp_path / name)
    return tmp_path


@pytest.fixture
def described(monkeypatch):
    """The files pairing reads (describe), in this process (one worker)."""
    seen: list[str] = []
    real = joined.describe

    def counting(path, **options):
        seen.append(path.rsplit("/", 1)[-1])
        return real(path, **options)

    monkeypatch.setattr(joined, "describe", counting)
    return seen


def stored(url) -> list[tuple]:
    with psycopg.connect(url) as conn:
        return conn.execute(
            "SELECT d.name, r.version, x.position, x.source_file, x.sha256 FROM budget.report_document x "
            "JOIN budget.report r ON r.id = x.report_id JOIN budget.department d ON d.id = r.department_id "
            "ORDER BY d.name, r.version, x.position").fetchall()


def load(url, *paths):
    return [(r.outcome, joined.JOIN.join(p.rsplit("/", 1)[-1] for p in r.source.split(joined.JOIN)))
            for r in load_files(url, list(paths), workers=1)]


def test_each_document_is_stored_and_a_batch_of_loaded_files_reads_none(fresh_database, files, described):
    url = fresh_database("budget_documents")
    migrate.upgrade(url)
    narrative, tables, whole = files / NARRATIVE, files / TABLES, files / WHOLE
    assert load(url, narrative, tables, whole) == [("loaded", f"{NARRATIVE} + {TABLES}"), ("loaded", WHOLE)]
    assert stored(url) == [("江苏省政协办公厅", 1, 1, NARRATIVE, sha(narrative)),
                           ("江苏省政协办公厅", 1, 2, TABLES, sha(tables)),
                           ("江苏省高级人民法院", 1, 1, WHOLE, sha(whole))]
    assert sorted(described) == sorted([NARRATIVE, TABLES, WHOLE])
    described.clear()
    # The next night: the same files, none read to be paired, the pair the same.
    assert load(url, narrative, tables, whole) == [("unchanged", f"{NARRATIVE} + {TABLES}"), ("unchanged", WHOLE)]
    assert described == []
    # A new file is read (it might be half of a report); the loaded ones still are not.
    assert load(url, SAMPLE, narrative, tables) == [("loaded", SAMPLE.name), ("unchanged", f"{NARRATIVE} + {TABLES}")]
    assert described == [SAMPLE.name]
    described.clear()
    # Half of the pair alone is not a group the database knows: it is read, and loads on its own.
    assert load(url, tables) == [("replaced", TABLES)]
    assert described == [TABLES]
    assert [row for row in stored(url) if row[1] == 2] == [("江苏省政协办公厅", 2, 1, TABLES, sha(tables))]


def test_a_narrative_arriving_later_pairs_with_tables_loaded_alone(fresh_database, files, described):
    url = fresh_database("budget_documents_later")
    migrate.upgrade(url)
    narrative, tables = files / NARRATIVE, files / TABLES
    assert load(url, tables) == [("loaded", TABLES)]
    described.clear()
    # The tables are a loaded report's document, but the new narrative may pair with them: both are read.
    assert load(url, narrative, tables) == [("replaced", f"{NARRATIVE} + {TABLES}")]
    assert sorted(described) == sorted([NARRATIVE, TABLES])
    assert [row[1:4] for row in stored(url)] == [(1, 1, TABLES), (2, 1, NARRATIVE), (2, 2, TABLES)]


def test_upgrade_of_a_loaded_database_fills_single_files_and_a_batch_the_pairs(fresh_database, files, described):
    url = fresh_database("budget_documents_0017")
    migrate.upgrade(url)
    narrative, tables, whole = files / NARRATIVE, files / TABLES, files / WHOLE
    load(url, narrative, tables, whole)
    migrate.downgrade(url, "0016")
    migrate.upgrade(url)
    # A single file's sha256 is its report's; a pair's documents were never stored before 0017.
    assert stored(url) == [("江苏省高级人民法院", 1, 1, WHOLE, sha(whole))]
    dry = [r.outcome for r in load_files(url, [narrative, tables, whole], workers=1, dry_run=True)]
    assert dry == ["unchanged", "unchanged"] and len(stored(url)) == 1  # a dry run stores nothing
    described.clear()
    assert load(url, narrative, tables, whole) == [("unchanged", f"{NARRATIVE} + {TABLES}"), ("unchanged", WHOLE)]
    # read once more to be paired (and, as they might pair with any document, the loaded file too)
    assert sorted(described) == sorted([NARRATIVE, TABLES, WHOLE])
    assert [row[2:] for row in stored(url)[:2]] == [(1, NARRATIVE, sha(narrative)), (2, TABLES, sha(tables))]
    described.clear()
    assert load(url, narrative, tables, whole)[0] == ("unchanged", f"{NARRATIVE} + {TABLES}")
    assert described == []
    # Deleting a report takes its documents.
    with psycopg.connect(url) as conn:
        conn.execute("DELETE FROM budget.report WHERE source_file = %s", (WHOLE,))
        assert conn.execute("SELECT count(*) FROM budget.report_document").fetchone() == (2,)


def test_copies_of_loaded_files(fresh_database, files, described, tmp_path):
    """Two files with the bytes of one loaded file: each is that report, unread; a second copy of
    half of a pair makes the pair uncertain, so pairing reads them."""
    url = fresh_database("budget_documents_copies")
    migrate.upgrade(url)
    narrative, tables, whole = files / NARRATIVE, files / TABLES, files / WHOLE
    load(url, narrative, tables, whole)
    copies = tmp_path / "copies"
    copies.mkdir()
    for name in (NARRATIVE, WHOLE):
        shutil.copy(files / name, copies / name)
    described.clear()
    assert load(url, whole, copies / WHOLE) == [("unchanged", WHOLE), ("unchanged", WHOLE)]
    assert described == []
    outcomes = load(url, narrative, tables, copies / NARRATIVE)
    # paired as before, by reading them; the copy is a narrative without tables: refused, as it always was
    assert outcomes == [("unchanged", f"{NARRATIVE} + {TABLES}"), ("refused", NARRATIVE)]
    assert sorted(described) == sorted([NARRATIVE, TABLES, NARRATIVE])


def test_a_report_published_as_text_and_as_pdf_in_one_folder(fresh_database, described):
    """Each narrative pairs with the tables of its own format; the next night reads nothing, and
    writes nothing: the earlier text pair is not written again over the later PDF pair."""
    url = fresh_database("budget_documents_formats")
    migrate.upgrade(url)
    text_pdf, tables_pdf = NARRATIVE.replace(".txt", ".pdf"), TABLES.replace(".txt", ".pdf")
    files = [OTHER_LAYOUTS / NARRATIVE, OTHER_LAYOUTS / TABLES, PDFS / text_pdf, PDFS / tables_pdf]
    assert load(url, *files) == [("loaded", f"{NARRATIVE} + {TABLES}"), ("replaced", f"{text_pdf} + {tables_pdf}")]
    described.clear()
    for _ in range(2):
        assert load(url, *files) == [("unchanged", f"{NARRATIVE} + {TABLES}"),
                                     ("unchanged", f"{text_pdf} + {tables_pdf}")]
        assert described == []
    with psycopg.connect(url) as conn:
        assert conn.execute("SELECT version, source_file, superseded_at IS NULL FROM budget.report ORDER BY version"
                            ).fetchall() == [(1, f"{NARRATIVE} + {TABLES}", False), (2, f"{text_pdf} + {tables_pdf}", True)]

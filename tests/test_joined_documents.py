"""Pairing a report's two documents (loaders.joined): what is read of each document, the same
pairs when the documents are read in a batch's parsing processes as in this one, and a PDF
read whole for pairing not read again by its parse (loaders.pdf.cache)."""

from __future__ import annotations

from dataclasses import replace
from hashlib import sha256
from pathlib import Path

from budget_db.parsing import parsing_pool, parsing_processes, pool_map
from loaders.joined import Document, describe, group_documents
from loaders.pdf import cache as pdf_cache
from loaders.pdf import leading_text, read_pdf
from loaders.source import read_source
from tests.conftest import OTHER_LAYOUTS, PDFS
from tests.test_jiangsu import REPORTS

SHANGHAI_PDF = PDFS / "sh_putuo_commerce_budget_2025.pdf"


def test_a_pdf_is_told_from_its_first_pages():
    text = read_pdf(SHANGHAI_PDF).text
    assert leading_text(SHANGHAI_PDF, 60) == text[:60] == (
        "上海市普陀区2025年区级部门预算\n预算主管部门：上海市普陀区商务委员会\n目 录\n一、部门主要职能\n二、部门机构设置\n三")
    assert leading_text(SHANGHAI_PDF, 5000) == text[:5000]  # pages 1–4 of 26
    assert describe(str(SHANGHAI_PDF)) is None  # not 江苏: read on its own


def test_what_pairing_knows_of_a_document():
    assert describe(str(OTHER_LAYOUTS / "js_cppcc_office_budget_2018_tables.txt")) == Document(
        str(OTHER_LAYOUTS / "js_cppcc_office_budget_2018_tables.txt"), "tables", 2018, "江苏省政协办公厅")
    narrative = describe(str(OTHER_LAYOUTS / "js_npc_budget_2019_text.txt"))
    assert (narrative.role, narrative.year, narrative.department) == ("narrative", 2019, None)
    assert "江苏省人大常委会办公厅" in narrative.text and " " not in narrative.text
    assert describe(str(OTHER_LAYOUTS / "js_high_court_budget_2018.txt")) is None  # narrative and tables
    assert describe(str(OTHER_LAYOUTS / "no_such_file.txt")) is None  # the parse says why


def test_documents_paired_in_parsing_processes_as_here():
    paths = [str(p) for p in sorted(OTHER_LAYOUTS.glob("*.txt"))]
    with parsing_pool(2) as pool:
        in_pool = group_documents(paths, mapper=pool_map(pool, 2))
    assert in_pool == group_documents(paths)
    assert len(paths) == 20 and len(in_pool) == 15  # 5 reports of two documents
    pairs = {tuple(Path(p).name for p in group) for group in in_pool if len(group) == 2}
    assert pairs == {names for names in REPORTS.values() if len(names) == 2}


def test_a_pdf_read_whole_for_pairing_is_not_read_again(tmp_path):
    jiangsu, shanghai = PDFS / "js_cppcc_office_budget_2018_tables.pdf", SHANGHAI_PDF
    fresh = read_pdf(jiangsu)
    pdf_cache.use(tmp_path)  # as in a batch's parsing processes
    try:
        assert describe(str(jiangsu)).role == "tables" and describe(str(shanghai)) is None
        assert [p.name for p in tmp_path.iterdir()] == [sha256(jiangsu.read_bytes()).hexdigest()]
        assert read_pdf(jiangsu) == fresh
        # the parse takes the kept text: a changed copy of it shows
        pdf_cache.keep(replace(fresh, lines=fresh.lines[:3]))
        assert read_source(jiangsu).text == "\n".join(line.text for line in fresh.lines[:3])
    finally:
        pdf_cache.use(None)
    assert read_pdf(jiangsu) == fresh  # outside a batch nothing is kept or taken


def test_a_small_batch_keeps_its_pdf_texts_in_this_process_until_it_ends():
    jiangsu = PDFS / "js_npc_budget_2019_text.pdf"
    sha = sha256(jiangsu.read_bytes()).hexdigest()
    with parsing_processes(workers=2, files=2) as pool:  # two documents: read here
        assert pool is None
        assert describe(str(jiangsu)).role == "narrative"
        kept = pdf_cache.load(sha, str(jiangsu))
        assert kept == read_pdf(jiangsu) and (kept.pages, len(kept.lines)) == (19, 346)
    assert pdf_cache.load(sha, str(jiangsu)) is None  # gone with the batch


def test_a_narrative_alone_is_refused_saying_what_it_lacks(fresh_database):
    from budget_db import migrate
    from budget_db.batch import load_file

    url = fresh_database("budget_narrative_alone")
    migrate.upgrade(url)
    path = OTHER_LAYOUTS / "js_npc_budget_2019_text.txt"
    result = load_file(url, path)
    assert (result.outcome, result.message) == ("refused", f"{path}: a narrative (文件) without its tables: load it "
                                                           "in one batch with the tables document of its year and "
                                                           "department")

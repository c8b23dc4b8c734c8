"""PDF input: the real published PDFs read into the very lines of their text conversions, each
line with its page and row; scans and unreadable PDFs refused in one line; PDF facts traceable
to page and row in the database.

pdfplumber is slow (0.2–3 s a real PDF here, ~10 s for the drawn Shenzhen PDF): each PDF is
read once per session (the `read` fixture).
"""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal
from pathlib import Path

import psycopg
import pytest

from budget_db import migrate
from budget_db.batch import load_file
from budget_db.parsing import parse_file
from budget_db.paths import expand_paths
from loaders.errors import ReportError
from loaders.pdf import read_pdf
from loaders.report import ReportTable, parse_text
from loaders.source import read_source
from tests.conftest import OTHER_LAYOUTS, PDFS, SAMPLE
from tests.pdf_documents import blank_pdf, doubled_glyphs_pdf, encrypted_pdf, report_pdf, scan_pdf
from tests.test_loading import cli, json_lines

# Every real PDF with its text conversion (all but the blank 决算 template), and its pages
# (shared/reports/other-layouts/SOURCES.md: "all N pages").
PAGES = {
    "js_cppcc_office_budget_2018_tables": 12, "js_cppcc_office_budget_2018_text": 17,
    "js_cppcc_office_budget_2019_tables": 12, "js_cppcc_office_budget_2019_text": 18,
    "js_high_court_budget_2018": 25, "js_high_court_budget_2019": 26,
    "js_npc_budget_2019_text": 19, "js_npc_office_budget_2018": 31, "js_npc_office_budget_2019_tables": 13,
    "js_party_office_budget_2018_tables": 15, "js_party_office_budget_2018_text": 13,
    "js_party_office_budget_2019_tables": 12, "js_party_office_budget_2019_text": 14,
    "js_procuratorate_budget_2018": 31, "js_procuratorate_budget_2019": 33,
    "sh_putuo_commerce_budget_2025": 26, "sh_putuo_finance_final_2024": 25, "sh_putuo_govoffice_budget_2025": 22,
    "sh_putuo_wanli_budget_2024": 33, "sh_putuo_wanli_budget_2025": 31,
}
@pytest.fixture(scope="session")
def read():
    """read(path) -> PdfText, each file read once per session."""
    cache = {}

    def get(path: Path):
        if path not in cache:
            cache[path] = read_pdf(path)
        return cache[path]

    return get


def real(name: str) -> Path:
    return PDFS / f"{name}.pdf"


def test_every_real_pdf_but_the_template_has_its_text_conversion():
    assert sorted(p.stem for p in PDFS.glob("*.pdf")) == sorted([*PAGES, "final_accounts_template_blank"])
    assert sorted(p.stem for p in OTHER_LAYOUTS.glob("*.txt")) == sorted(PAGES)


@pytest.mark.parametrize("name", sorted(PAGES))
def test_lines_equal_the_text_conversion(read, name):
    """Line for line (every TAB, empty cell, stray page number and repeated header): 0 lines differ."""
    pdf = read(real(name))
    expected = (OTHER_LAYOUTS / f"{name}.txt").read_text(encoding="utf-8").split("\n")
    assert expected[-1] == ""  # the conversion ends with a line end
    assert pdf.text.split("\n") == expected[:-1]
    assert pdf.pages == PAGES[name] and len(pdf.page_starts) == PAGES[name]
    assert [line.page for line in pdf.lines] == sorted(line.page for line in pdf.lines)


def test_values_with_their_page_and_row(read):
    pdf = read(real("js_party_office_budget_2019_tables"))
    assert pdf.page_starts == (1, 30, 47, 51, 60, 77, 112, 129, 164, 170, 175, 195)
    # 收支预算总表 (page 1): the title, then the table's rows; row 1 of the table is its title band.
    title = pdf.source(1)
    assert (title.text, title.page, title.table, title.row) == ("收支预算总表", 1, None, 1)
    income = pdf.source(6)
    assert income.text.split("\t") == ["一、财政拨款", "27,664.22", "一、一般公共服务支出", "22,395.50",
                                       "一、基本支出", "11,700.63"]
    assert (income.page, income.table, income.row) == (1, 1, 5)
    total = pdf.source(29)
    assert total.text.split("\t") == ["收入合计", "27,664.22", "支出合计", "", "", "27,664.22"]
    assert (total.page, total.table, total.row) == (1, 1, 28)
    # 收入预算总表 on page 2: the frame's left edge gives every row an empty first cell.
    assert [(line.text, line.page, line.row) for line in pdf.lines[32:34]] == [
        ("\t收入总计\t\t27,664.22", 2, 3), ("\t一般公共预算资金\t小计\t27,664.22", 2, 4)]


def test_title_bands_and_labels_outside_cells_are_text_lines(read):
    # 公开表十一: title, number and 部门 line are printed inside the table's frame (its first row).
    npc = read(real("js_npc_office_budget_2019_tables"))
    assert [(line.text, line.page, line.table, line.row) for line in npc.lines[183:188]] == [
        ("一般公共预算机关运行经费支出预算表", 11, None, 1), ("公开表十一", 11, None, 2),
        ("部门： 江苏省人大常委会办公厅 单位：万元", 11, None, 3),
        ("\t科目编码\t科目名称\t机关运行经费支出", 11, 1, 2), ("\t合计\t\t1,642.08", 11, 1, 3)]
    # The corner label 公开03表 lies inside the frame of page 3's table but in no cell: it follows the table.
    cppcc = read(real("js_cppcc_office_budget_2019_tables"))
    assert [(line.text, line.table, line.row) for line in cppcc.lines[45:50]] == [
        ("支出预算总表", None, 1), ("部门：江苏省政协办公厅 单位：万元", None, 2),
        ("合计\t基本支出\t项目支出\t单位预留机动经费\t结转下年资金", 1, 3),
        ("13,377.11\t6,522.75\t4,968.34\t1,886.02\t", 1, 4), ("公开03表", None, 3)]


def test_page_breaks_and_continued_tables(read):
    final = read(real("sh_putuo_finance_final_2024"))
    # An empty page (14) gives one empty line, as in the conversion.
    assert [(line.text, line.page) for line in final.lines[210:213]] == [
        ("总计\t2,961.68\t总计\t2,961.68\t2,961.68\t\t", 13), ("", 14), ("一般公共预算财政拨款支出决算表", 15)]
    continued = [(t.page, t.columns, t.first_line) for t in final.tables if t.continues]
    # 收入支出决算总表 (page 7), 收入决算表 (9), 支出决算表 (11), 基本支出决算表 (17) go on over a page.
    assert continued == [(7, 4, 122), (9, 11, 145), (11, 10, 167), (17, 8, 263)]
    # Page 13 continues page 12's 7-column table, but its first row is a single cell wrapped over two
    # lines, which the conversion (and so this reader) takes for a title band: two text lines.
    assert [(line.text, line.table) for line in final.lines[191:193]] == [("十四、资源勘探工业信息等", None),
                                                                       ("支出", None)]
    # Columns that disagree are not joined: page 11 of 高院 2018 starts with a 12-column table right
    # after page 10's 6-column one.
    court = read(real("js_high_court_budget_2018"))
    pages = {(t.page, t.index): t for t in court.tables}
    assert (pages[(10, 4)].columns, pages[(11, 1)].columns, pages[(11, 1)].continues) == (6, 12, False)
    assert pages[(11, 1)].first_line == pages[(10, 4)].last_line + 1
    assert pages[(10, 1)].continues and pages[(10, 1)].columns == pages[(9, 1)].columns == 18
    assert [(t.page, t.columns) for t in read(real("js_procuratorate_budget_2018")).tables if t.continues] == [
        (14, 18), (22, 6), (23, 6)]


def test_doubled_glyphs_are_read_once_and_real_repeats_kept(tmp_path):
    pdf = read_pdf(doubled_glyphs_pdf(tmp_path / "doubled.pdf"))
    assert pdf.text.split("\n") == ["部门预算", "谢谢 2,222.22"]


@pytest.mark.parametrize("make, reason", [
    (scan_pdf, "no text layer (scanned?), not read: OCR is not supported"),
    (blank_pdf, "the PDF has no text (blank pages?)"),
    (encrypted_pdf, "the PDF is encrypted (it needs a password to open), not read"),
])
def test_pdf_without_readable_text_refused(tmp_path, make, reason):
    path = make(tmp_path / "report.pdf")
    with pytest.raises(ReportError) as refused:
        read_source(path)
    assert str(refused.value) == f"{path}: {reason}"


def test_damaged_pdf_refused_in_one_line(tmp_path):
    path = tmp_path / "cut.pdf"
    path.write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n")
    with pytest.raises(ReportError) as refused:
        read_source(path)
    assert str(refused.value) == f"{path}: the PDF cannot be read (damaged?): PSEOF: Unexpected EOF"


def test_folders_are_searched_for_text_and_pdf(tmp_path):
    for name in ("a.txt", "b.pdf", "sub/c.pdf", "notes.md"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("x")
    assert [p.relative_to(tmp_path).as_posix() for p in expand_paths([tmp_path])] == ["a.txt", "b.pdf", "sub/c.pdf"]
    assert [p.name for p in expand_paths([tmp_path], "*.pdf")] == ["b.pdf", "c.pdf"]


@pytest.fixture
def fresh_url(fresh_database):
    url = fresh_database("budget_pdf")
    migrate.upgrade(url)
    return url


def _written(conn) -> tuple:
    return conn.execute("SELECT (SELECT count(*) FROM budget.report), (SELECT count(*) FROM budget.department), "
                        "(SELECT count(*) FROM budget.source_line)").fetchone()


def test_pdfs_in_a_folder_load_or_are_refused_in_one_line(fresh_url, tmp_path):
    """`load` takes the PDFs of a folder: a Shanghai report loads (its template is registered);
    a scan and a PDF of no known template are refused in one line, and write nothing."""
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    pdf = inbox / "sh_putuo_govoffice_budget_2025.pdf"
    pdf.write_bytes(real("sh_putuo_govoffice_budget_2025").read_bytes())
    scan = scan_pdf(inbox / "scan.pdf")
    unknown = report_pdf("会议纪要\n一、出席人员\t张三\t李四", inbox / "minutes.pdf")
    result = cli("load", "--json", inbox, url=fresh_url)
    assert result.returncode == 1, result.stderr
    files, summary = json_lines(result.stdout)
    assert (summary["files"], summary["loaded"], summary["refused"]) == (3, 1, 2)
    outcomes = {Path(f["file"]).name: (f["outcome"], f.get("message")) for f in files}
    assert outcomes["scan.pdf"] == ("refused", f"{scan}: no text layer (scanned?), not read: OCR is not supported")
    assert outcomes["minutes.pdf"][0] == "refused" and outcomes["minutes.pdf"][1].startswith(f"{unknown}: not a budget")
    assert "\n" not in outcomes["minutes.pdf"][1]
    assert outcomes[pdf.name][0] == "loaded"
    with psycopg.connect(fresh_url) as conn:
        reports, departments, lines = _written(conn)
        pages = conn.execute("SELECT min(page), max(page) FROM budget.source_line").fetchone()
    assert (reports, departments) == (1, 1) and lines > 0
    assert pages == (1, 22)  # every line of the 22 pages is traced to its page


# -- the Shenzhen sample as a PDF ---------------------------------------------------------------
# Drawn from the sample's text: the font the tests draw with (STSong-Light, GB 2312) has no '²',
# so 335m² loses it (3 lines of 表15); blank lines print nothing.
SAMPLE_LINES = [line for line in SAMPLE.read_text(encoding="utf-8").split("\n") if line.strip()]
DRAWABLE_LINES = [line.replace(" ²", "") for line in SAMPLE_LINES]


@pytest.fixture(scope="session")
def sample_pdf(tmp_path_factory) -> Path:
    return report_pdf("\n".join(SAMPLE_LINES), tmp_path_factory.mktemp("pdf") / "shenzhen_luohu_police_2020.pdf")


@pytest.fixture
def cached_reads(read, monkeypatch):
    """Loading reads PDFs through the session's cache (the reader itself is tested above, on the same files)."""
    monkeypatch.setattr("loaders.pdf.read_pdf", lambda path, data=None, keep=False: read(Path(path)))


def test_drawn_sample_reads_as_its_lines(read, sample_pdf):
    assert sum(a != b for a, b in zip(SAMPLE_LINES, DRAWABLE_LINES)) == 3
    pdf = read(sample_pdf)
    assert pdf.text.split("\n") == DRAWABLE_LINES
    assert (pdf.pages, len(pdf.lines)) == (60, 2657)
    # 45 lines a page: a table cut by a page break goes on with the same columns.
    assert pdf.page_starts[:3] == (1, 46, 91)
    assert sum(t.continues for t in pdf.tables) == 52


def test_sample_pdf_gives_the_facts_of_its_text(read, sample_pdf, cached_reads):
    """The same records, line numbers included, as the text it prints; tables know their page."""
    from_pdf = parse_file(sample_pdf)
    from_text = parse_text("\n".join(DRAWABLE_LINES), "shenzhen_luohu_police_2020.pdf")
    pdf = read(sample_pdf)
    assert [line.page for line in from_pdf.line_sources] == [line.page for line in pdf.lines]
    tables = from_pdf.of(ReportTable)
    assert [t.source_page for t in tables] == [pdf.source(t.source_line).page for t in tables]
    assert (tables[0].table_no, tables[0].source_page, tables[6].table_no, tables[6].source_page) == ("1", 3, "7", 7)
    unpaged = [replace(r, source_page=None) if isinstance(r, ReportTable) else r for r in from_pdf.records]
    assert unpaged == from_text.records and len(unpaged) == 2471


def test_pdf_facts_keep_page_and_row(fresh_url, sample_pdf, cached_reads):
    result = load_file(fresh_url, sample_pdf)
    assert result.outcome == "loaded", result.message
    with psycopg.connect(fresh_url) as conn:
        assert conn.execute("SELECT count(*), max(page) FROM budget.source_line WHERE report_id = %s",
                            (result.report_id,)).fetchone() == (2657, 60)
        # 表7's total row: its amount, its line, and where the PDF prints it.
        row = conn.execute(
            "SELECT f.total, f.source_line, s.page, s.page_table, s.row_no FROM budget.functional_expenditure f "
            "JOIN budget.source_line s USING (report_id) WHERE s.line_no = f.source_line AND f.report_id = %s "
            "AND f.table_no = '7' AND f.functional_code IS NULL", (result.report_id,)).fetchone()
        assert row[0] == Decimal("145863.63")
        assert row[1:] == (294, 7, 3, 2)  # line 294: page 7, its third table, row 2
        assert conn.execute("SELECT source_page FROM budget.report_table WHERE report_id = %s AND table_no = '7'",
                            (result.report_id,)).fetchone() == (7,)
        findings = conn.execute(
            "SELECT count(*), count(source_page) FROM appendix.validation_findings WHERE report_id = %s "
            "AND source_line IS NOT NULL", (result.report_id,)).fetchone()
        assert findings[0] > 0 and findings[1] == findings[0]
        assert conn.execute("SELECT count(*) FROM appendix.source_lines WHERE report_id = %s",
                            (result.report_id,)).fetchone() == (2657,)


def test_text_facts_have_no_page(fresh_url):
    result = load_file(fresh_url, SAMPLE)
    assert result.outcome == "loaded", result.message
    with psycopg.connect(fresh_url) as conn:
        assert conn.execute("SELECT count(*) FROM budget.source_line").fetchone() == (0,)
        # Every finding of the text report is listed, none with a page.
        listed, paged = conn.execute(
            "SELECT count(*), count(source_page) FROM appendix.validation_findings WHERE report_id = %s",
            (result.report_id,)).fetchone()
        stored = conn.execute("SELECT count(*) FROM budget.validation_finding WHERE report_id = %s",
                              (result.report_id,)).fetchone()[0]
        assert listed == stored >= 19 and paged == 0

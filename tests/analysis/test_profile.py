"""`budget-db profile`: the page's content, and the page rendered by headless Chromium (Debian's).

No skip: without Chromium or a CJK font the test fails saying what to install (.ci/run installs
both).
"""

from __future__ import annotations

import re
import shutil
import subprocess
from collections import Counter
from pathlib import Path

import pytest

from budget_db.svg_charts import PALETTE
from tests.analysis.png import pixels
from tests.analysis.reports import FUTIAN

SAMPLE_DEPARTMENT = "深圳市公安局罗湖分局"
INSTALL = "apt-get install -y chromium fonts-noto-cjk"
CJK = re.compile(r"[\u4e00-\u9fff]")


def chromium() -> str:
    found = shutil.which("chromium") or (Path("/usr/bin/chromium").exists() and "/usr/bin/chromium")
    if not found:
        pytest.fail(f"headless Chromium is needed to render the profile page: {INSTALL}")
    return found


def screenshot(page: Path, png: Path, size: str) -> tuple[int, int, list]:
    subprocess.run([chromium(), "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
                    f"--screenshot={png}", f"--window-size={size}", page.as_uri()],
                   capture_output=True, timeout=120, check=True)
    assert png.exists() and png.stat().st_size > 0, f"Chromium wrote no screenshot of {page}"
    return pixels(png)


def rgb(color: str) -> tuple[int, int, int]:
    return tuple(int(color[i:i + 2], 16) for i in (1, 3, 5))


@pytest.fixture
def profile(cli):
    return lambda *args, code=0: cli("profile", *args, code=code)


def test_the_page_has_every_section_with_the_reports_figures(profile, tmp_path):
    page = tmp_path / "sample.html"
    profile("-d", SAMPLE_DEPARTMENT, "-y", "2020", "-o", str(page))
    html = page.read_text(encoding="utf-8")
    for heading in ("总体情况", "收入来源", "支出按功能分类", "“三公”经费", "主要项目", "校验结果"):
        assert f"<h2>{heading}" in html, heading
    assert html.count("<svg") == 4  # funding, functions, 三公 two years, projects (one year: no series)
    for figure in ("145,863.63", "92,623.86", "121,423.64", "141,868.19", "1,695.29", "5,504.02", "本报告上年数",
                   "1 / 4", "28,565.01", "5,419.21"):
        assert figure in html, figure
    assert "校验通过（无错误）" in html
    assert len(CJK.findall(html)) > 500
    # Nothing to fetch: no scripts, stylesheets, images or fonts from elsewhere.
    assert not re.search(r"<script|<link|<img|src=|url\(|@import", html)


def test_the_page_shows_the_previous_year_loaded(profile, tmp_path):
    page = tmp_path / "futian.html"
    profile("-d", FUTIAN, "-y", "2020", "--kind", "部门预算", "-o", str(page))
    html = page.read_text(encoding="utf-8")
    assert html.count("<svg") == 5 and "历年支出总计" in html  # 2019 and 2020 loaded
    assert "20,379.50" in html and "24,926.68" in html and "+22.31%" in html
    assert "2019年（上年报告）" in html


def test_several_reports_give_one_page_each_and_an_index(profile, loaded, tmp_path):
    folder = tmp_path / "pages"
    profile("-y", "2020", "-o", str(folder))
    index = (folder / "index.html").read_text(encoding="utf-8")
    links = re.findall(r'href="([^"]+)"', index)
    assert len(links) == 5  # the 2020 reports, 预算 and 决算
    assert all((folder / link).exists() for link in links)
    assert "28,858.35" in index  # the 决算's total
    assert "give a folder" in profile("-y", "2020", "-o", str(tmp_path / "x.html"), code=2).output
    assert not (tmp_path / "x.html").exists()


def test_chromium_renders_the_charts_and_the_chinese_text(profile, tmp_path):
    fonts = subprocess.run(["fc-list", ":lang=zh", "family"], capture_output=True, text=True).stdout
    assert fonts.strip(), f"no font with Chinese glyphs is installed (the page would show boxes): {INSTALL}"
    page = tmp_path / "sample.html"
    profile("-d", SAMPLE_DEPARTMENT, "-y", "2020", "-o", str(page))
    width, height, found = screenshot(page, tmp_path / "sample.png", "1100,2000")
    assert (width, height) == (1100, 2000)
    colors = Counter(found)
    white = colors[(255, 255, 255)]
    assert white < 0.97 * len(found), "the screenshot is blank"
    assert colors[rgb(PALETTE[0])] > 10_000, "no bars of the charts' first colour"
    assert colors[rgb(PALETTE[1])] > 500, "no bars of the 三公 chart's second year"
    assert sum(n for c, n in colors.items() if max(c) < 80) > 5_000, "no dark text"


def test_chinese_glyphs_are_drawn_not_boxes(tmp_path):
    """Two different Chinese words must look different: missing glyphs are all the same box."""
    shots = []
    for name, word in (("a", "三公经费"), ("b", "执行预算")):
        page = tmp_path / f"{name}.html"
        page.write_text(f'<html><body style="margin:0;background:#fff"><div style="font: 40px sans-serif">{word}</div>'
                        "</body></html>", encoding="utf-8")
        shots.append(screenshot(page, tmp_path / f"{name}.png", "240,60")[2])
    assert shots[0] != shots[1], f"Chinese text renders as boxes: {INSTALL}"
    assert all(sum(1 for p in shot if max(p) < 128) > 200 for shot in shots), "no glyphs drawn"

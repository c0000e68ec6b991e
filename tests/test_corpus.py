"""The real documents in ../shared/corpus: official counts, top-level sections, losslessness."""

from __future__ import annotations

import pytest

from govtext import model
from govtext.model import check_lossless
from govtext.pipeline import load

from conftest import CORPUS, corpus_cases, corpus_file, corpus_files

# From ../shared/corpus/README.md (the official texts).
LAWS = {
    "law-gongsifa-2018.txt": (218, 13),
    "law-gongsifa-2023.txt": (266, 15),
    "law-lifafa-2015.txt": (105, 6),
    "law-lifafa-2023.txt": (120, 6),
    "law-tufashijian-2007.txt": (70, 7),
    "law-tufashijian-2024.txt": (106, 8),
    "law-xingzhengfuyifa-2017.txt": (43, 7),
    "law-xingzhengfuyifa-2023.txt": (90, 7),
    "reg-xinfang-2005.txt": (51, 7),
    "reg-xinfanggongzuo-2022.txt": (50, 6),
}
REPORTS = {
    "gwr-2018.txt": 3, "gwr-2019.txt": 3, "gwr-2021.txt": 3, "gwr-2022.txt": 3, "gwr-2023.txt": 2,
    "gwr-2024.txt": 3, "gwr-2025.txt": 3,
    "cpc-congress-18-2012.txt": 12, "cpc-congress-19-2017.txt": 13, "cpc-congress-20-2022.txt": 15,
}


def _count(doc, type_):
    return sum(1 for n in doc.walk() if n.type == type_)


@pytest.mark.parametrize("name", sorted(LAWS))
def test_law_article_and_chapter_counts(name):
    doc = load(str(corpus_file(name)))
    assert doc.genre == "law"
    assert (_count(doc, model.ARTICLE), _count(doc, model.CHAPTER)) == LAWS[name]
    assert doc.root.children[0].type == model.HEADER


@pytest.mark.parametrize("name", ["law-xingfa-2020.txt", "law-xingfa-2023.txt"])
def test_xingfa_books_chapters_and_zhiyi(name):
    doc = load(str(corpus_file(name)))
    articles = [n.number for n in doc.walk() if n.type == model.ARTICLE]
    assert len([a for a in articles if "之" not in a]) == 452
    assert len(articles) == len(set(articles))
    books = [n for n in doc.root.children if n.type == model.BOOK]
    assert [sum(1 for c in b.children if c.type == model.CHAPTER) for b in books] == [5, 10]
    assert any(n.type == model.APPENDIX for n in doc.root.children)


@pytest.mark.parametrize("name", sorted(REPORTS))
def test_report_top_level_sections(name):
    doc = load(str(corpus_file(name)))
    assert doc.genre == "policy"
    top = [n for n in doc.root.children if n.type == model.SECTION]
    assert len(top) == REPORTS[name]
    assert all(s.level == 1 for s in top)


@pytest.mark.parametrize("name", [n for n in sorted(REPORTS) if n.startswith("gwr")])
def test_work_reports_have_numbered_items(name):
    doc = load(str(corpus_file(name)))
    numbered = [n for n in doc.walk() if n.type == model.ITEM and (n.number or "").startswith("（")]
    assert len(numbered) >= 5
    assert all(i.title and not i.title.endswith("。") for i in numbered)


def test_social_governance_item_in_19th_congress_report():
    doc = load(str(corpus_file("cpc-congress-19-2017.txt")))
    section8 = [n for n in doc.root.children if n.type == model.SECTION][7]
    titles = [c.title for c in section8.children if c.type == model.ITEM]
    assert any("社会治理" in (t or "") for t in titles)


@pytest.mark.parametrize("path", corpus_cases(), ids=lambda p: p.name)
def test_every_corpus_file_is_lossless(path):
    doc = load(str(path))
    check_lossless(doc)
    assert doc.source.chars == len(doc.text)


def test_closing_paragraphs_return_to_the_section_without_interjections():
    """gwr-2025 lacks the mid-text 各位代表！: （十） must still not swallow the closing paragraphs."""
    doc = load(str(corpus_file("gwr-2025.txt")))
    section3 = [n for n in doc.root.children if n.type == model.SECTION][2]
    last_item = [c for c in section3.children if c.type == model.ITEM and c.number == "（十）"][0]
    assert len([c for c in last_item.children if c.type == model.ITEM]) >= 5
    taiwan = [c for c in section3.children if "台湾问题" in c.content()]
    assert len(taiwan) == 1 and taiwan[0].type == model.PARAGRAPH
    # The closing address (各位代表！信心凝聚力量……) belongs to the whole report.
    assert section3.children[-1] is taiwan[0] or section3.children[-1].type == model.PARAGRAPH
    closing = doc.root.children[-1]
    assert closing.type == model.PARAGRAPH and closing.content().lstrip().startswith("各位代表！")


def test_work_report_diff_keeps_closing_paragraphs_matched():
    from govtext.diff import diff_documents

    old = load(str(corpus_file("gwr-2024.txt")))
    new = load(str(corpus_file("gwr-2025.txt")))
    removed = [c.old.text for c in diff_documents(old, new).changes if c.change == "removed"]
    assert not [t for t in removed if "台湾问题" in t or "国防和军队" in t or "一国两制" in t]


# ---------------------------------------------------------------------------
# The government work report series, 1954–2025 (../shared/corpus/series/gwr).

GWR_SERIES = CORPUS / "series" / "gwr"

# Top-level sections per report, counted by reading each text's heading lines
# (every short line with no sentence end, listed with its line number): the
# top numbering series (一、… / （一）… / a bare 一 on its own line in 1960) or,
# where a report has none, its unnumbered part headings (1964, 1982, 1983,
# 1984, 1988), plus a 结束语 heading where there is one (1982–2002: it stands
# beside the numbered parts).  Lists under a part that reuse the part's own
# numbering (1955, 1982, 1986, 1987: 一、……。二、…… inside 三、) are not
# counted.  1954 and 1975 have no headings at all (only 各位代表！ turns).
# test_gwr_top_level_numbers_follow_the_text checks the numbered ones against
# the text's own numbering (一、二、三、… with no gap or repeat).
GWR_TOP = {
    1954: 0, 1955: 4, 1956: 3, 1957: 5, 1958: 5, 1959: 5, 1960: 4, 1964: 4, 1975: 0,
    1978: 6, 1979: 4, 1980: 3, 1981: 3, 1982: 4, 1983: 3, 1984: 3, 1985: 3, 1986: 5,
    1987: 5, 1988: 4, 1992: 7, 1993: 8, 1994: 8, 1995: 8, 1997: 8, 1998: 4, 1999: 11,
    2000: 11, 2001: 11, 2002: 10, 2003: 2, 2004: 3, 2005: 7, 2006: 3, 2007: 6,
    2008: 2, 2009: 3, 2010: 2, 2011: 3, 2012: 3, 2013: 3, 2014: 3, 2015: 6,
    2018: 3, 2019: 3, 2021: 3, 2022: 3, 2023: 2, 2024: 3, 2025: 3,
}
# 2002 opens with 首先报告２００１年的工作, its only unnumbered heading (a lead-in),
# then the tasks 一、…八、 and 结束语: 10, the lead-in beside the numbered parts.


def _gwr(year: int):
    path = GWR_SERIES / f"gwr-{year}.txt"
    if not path.is_file():
        pytest.skip(f"the work report series was not found at {GWR_SERIES} (CI provides ../shared/corpus)")
    return load(str(path))


def test_gwr_series_table_covers_the_manifest():
    manifest = GWR_SERIES / "MANIFEST.tsv"
    if not manifest.is_file():
        pytest.skip(f"the work report series was not found at {GWR_SERIES}")
    names = [row.split("\t")[0] for row in manifest.read_text(encoding="utf-8").splitlines()[1:] if row.strip()]
    assert sorted(int(n[4:8]) for n in names) == sorted(GWR_TOP)


@pytest.mark.parametrize("year", sorted(GWR_TOP))
def test_gwr_report_is_lossless(year):
    doc = _gwr(year)
    assert doc.genre == "policy"
    check_lossless(doc)
    assert doc.source.chars == len(doc.text)


@pytest.mark.parametrize("year", sorted(GWR_TOP))
def test_gwr_top_level_sections(year):
    doc = _gwr(year)
    top = [n for n in doc.root.children if n.type == model.SECTION]
    assert len(top) == GWR_TOP[year]
    assert all(s.level == 1 for s in top)


@pytest.mark.parametrize("year", sorted(GWR_TOP))
def test_gwr_top_level_numbers_follow_the_text(year):
    """Numbered top-level sections run 1, 2, 3 … as the text numbers them: none missed, none nested wrongly."""
    from govtext.numerals import number_value

    doc = _gwr(year)
    numbers = [n.number for n in doc.root.children if n.type == model.SECTION and n.number]
    assert [number_value(n) for n in numbers] == list(range(1, len(numbers) + 1))


def _policy_corpus():
    gwr = sorted(GWR_SERIES.glob("gwr-*.txt")) if GWR_SERIES.is_dir() else []
    return [p for p in corpus_files() if not p.name.startswith(("law-", "reg-"))] + gwr


@pytest.mark.parametrize("path", corpus_cases(_policy_corpus()), ids=lambda p: f"{p.parent.name}/{p.name}")
def test_paren_series_count_and_type_follow_the_text(path):
    """Every （X） line of the text is one node, and one series is one node type.

    The expected count is the text's own: lines opening with （一）, （二）, ….
    """
    import re

    doc = load(str(path))
    paren = re.compile(r"（[一二三四五六七八九十]+）$")
    in_text = len(re.findall(r"^[ \u3000]*（[一二三四五六七八九十]+）", doc.text, flags=re.M))
    found = [n for n in doc.walk() if n.type in (model.SECTION, model.ITEM) and paren.match(n.number or "")]
    assert len(found) == in_text
    ids = {n.id for n in found}
    for node in doc.walk():
        members = [c for c in node.children if c.id in ids]
        assert len({c.type for c in members}) <= 1, f"{node.id} mixes sections and items"

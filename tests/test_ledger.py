"""``govtext ledger``: plain counts, places, tables, failures, engines (local)."""

from __future__ import annotations

import csv
import io
import os
import shutil

import pytest
from click.testing import CliRunner

from conftest import CORPUS, CORPUS_REASON, FIXTURES, SOFFICE
from govtext.cli import main
from govtext.ledger.count import LedgerTask, count_document

LEDGER = FIXTURES / "ledger"
TERMS = LEDGER / "terms.txt"
SERIES_TERMS = ("新质生产力", "高质量发展", "供给侧结构性改革", "大众创业", "放管服", "社会治理", "社会治理现代化",
                "共同富裕", "双碳", "稳中求进", "以人民为中心", "改革开放", "人民公社")


def run(*args: str):
    return CliRunner().invoke(main, ["ledger", *args])


def read_csv(path) -> list[dict]:
    with open(path, encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def test_counts_and_places_on_fixtures(tmp_path):
    out = tmp_path / "l.csv"
    result = run(str(LEDGER / "reports"), str(LEDGER / "laws"), "--terms", str(TERMS), "-o", str(out))
    assert result.exit_code == 0, result.output
    rows = read_csv(out)
    bj = [r for r in rows if r["path"].endswith("bj-gwr-2024.txt")]
    assert bj[0]["issuer"] == "北京市人民政府" and bj[0]["date"] == "2024-01-21"
    places = {(r["term"], r["place"], r["section_label"]): int(r["count"]) for r in bj}
    assert places[("新质生产力", "document", "")] == 3
    assert places[("新质生产力", "section", "二、2024年工作任务")] == 3
    # 加快发展新质生产力 (lead) and 要培育新质生产力 direct; 新质生产力是…生产力 describes.
    assert places[("新质生产力", "measure", "")] == 2
    assert places[("新质生产力", "statement", "")] == 1
    # Every document has a document row for every term, zero included; other places only where found.
    assert {(r["path"], r["term"]) for r in rows if r["place"] == "document"} == {
        (p, t) for p in {r["path"] for r in rows} for t in ("高质量发展", "新质生产力", "供给侧结构性改革", "共同富裕")}
    assert all(int(r["count"]) > 0 for r in rows if r["place"] != "document")
    assert "4 terms" in result.output and "3 documents counted, 0 failed" in result.output


def test_section_label_is_number_and_whole_title(tmp_path):
    # Named as the diff's contents list names a section (diff.units.heading_label), but with
    # the whole title: the CSV contract is the number and title as written, never cut short.
    from govtext.diff.units import LABEL_CHARS, heading_label
    from govtext.pipeline import load

    long_title = "坚定不移推进高水平对外开放和更高质量的共建一带一路合作发展"
    assert len(long_title) > LABEL_CHARS
    policy = tmp_path / "policy.txt"
    policy.write_text(f"2024年工作报告\n一、{long_title}\n要推进改革。\n（二）深化改革\n要推进改革。\n", encoding="utf-8")
    law = tmp_path / "law.txt"
    law.write_text("示例法\n第一章 总则\n第一条 推进改革。\n第二章　附则\n第二条 推进改革。\n", encoding="utf-8")
    terms = tmp_path / "terms.txt"
    terms.write_text("改革\n", encoding="utf-8")
    out = tmp_path / "l.csv"
    result = run(str(policy), str(law), "--terms", str(terms), "-o", str(out))
    assert result.exit_code == 0, result.output
    labels = [r["section_label"] for r in read_csv(out) if r["place"] == "section"]
    assert labels == [f"一、{long_title}", "第一章 总则", "第二章 附则"]
    top = load(str(policy)).root.children[1]
    assert heading_label(top) == f"一、{long_title[: LABEL_CHARS - 1]}…"  # the diff's cut, not the ledger's


def test_failed_documents_are_listed_and_the_rest_counted(tmp_path):
    folder = tmp_path / "in"
    shutil.copytree(LEDGER / "reports", folder)
    (folder / "empty.txt").write_bytes(b"")
    (folder / "binary.txt").write_bytes(bytes(range(256)) * 4)
    (folder / "notes.pdf.part").write_bytes(b"x")
    out = tmp_path / "l.csv"
    result = run(str(folder), "--terms", str(TERMS), "-o", str(out))
    assert result.exit_code == 1
    errors = read_csv(tmp_path / "l.errors.csv")
    assert sorted(os.path.basename(e["path"]) for e in errors) == ["binary.txt", "empty.txt"]
    assert all(e["error"].startswith(e["path"]) for e in errors)
    assert {os.path.basename(r["path"]) for r in read_csv(out)} == {"bj-gwr-2024.txt", "sh-gwr-2019.txt"}
    assert "2 failed, 1 files skipped" in result.output and "failed: " in result.output


def test_wide_table_and_stdout(tmp_path):
    wide = tmp_path / "w.csv"
    result = run(str(LEDGER / "reports"), "--terms", str(TERMS), "--wide", str(wide), "-o", "-", "-q")
    assert result.exit_code == 0
    long_rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert long_rows[0]["path"].endswith("bj-gwr-2024.txt")
    rows = read_csv(wide)
    assert list(rows[0])[-4:] == ["高质量发展", "新质生产力", "供给侧结构性改革", "共同富裕"]
    assert [(r["高质量发展"], r["供给侧结构性改革"]) for r in rows] == [("2", "0"), ("2", "2")]


def test_terms_from_diff_finds_clauses_some_documents_share(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    for year, extra in ((2022, ""), (2023, "（二）发展新质生产力。要加快发展新质生产力。\n"), (2024, "（二）发展新质生产力。要发展。\n")):
        (folder / f"r-{year}.txt").write_text(f"一、任务\n（一）推进乡村全面振兴。要推进乡村全面振兴。\n{extra}", encoding="utf-8")
    out = tmp_path / "l.csv"
    assert run(str(folder), "--terms-from-diff", "-o", str(out), "-q").exit_code == 0
    terms = {r["term"] for r in read_csv(out)}
    # In two documents of three: it appears; in all three: no change, not listed.
    assert terms == {"发展新质生产力"}


def test_bad_options_are_one_line(tmp_path):
    for args in ([str(tmp_path / "missing")], [str(LEDGER), "-o", str(tmp_path / "x.json")],
                 [str(tmp_path)]):
        result = run(*args)
        assert result.exit_code == 2
        assert result.output.count("\n") == 1 and "Traceback" not in result.output


def test_no_partial_output_when_interrupted(tmp_path, monkeypatch):
    import govtext.ledger.run as ledger_run

    def boom(*_a, **_k):
        yield count_document(LedgerTask(str(LEDGER / "reports" / "bj-gwr-2024.txt"), ("高质量发展",)))
        raise KeyboardInterrupt

    monkeypatch.setattr(ledger_run, "run_in_order", boom)
    run(str(LEDGER / "reports"), "-o", str(tmp_path / "l.csv"))
    assert os.listdir(tmp_path) == []


def test_parquet_matches_csv(tmp_path):
    pq = pytest.importorskip("pyarrow.parquet", reason="the scale extra (pyarrow) is not installed")
    assert run(str(LEDGER / "reports"), "--terms", str(TERMS), "-o", str(tmp_path / "l.csv"), "-q").exit_code == 0
    assert run(str(LEDGER / "reports"), "--terms", str(TERMS), "-o", str(tmp_path / "l.parquet"), "-q").exit_code == 0
    table = pq.read_table(tmp_path / "l.parquet").to_pylist()
    rows = read_csv(tmp_path / "l.csv")
    assert [str(r["count"]) for r in table] == [r["count"] for r in rows]
    assert [r["term"] for r in table] == [r["term"] for r in rows]


@pytest.mark.skipif(not CORPUS.is_dir(), reason=CORPUS_REASON)
def test_counts_equal_plain_string_counts_over_the_whole_corpus(tmp_path):
    from govtext.pipeline import load

    terms_file = tmp_path / "terms.txt"
    terms_file.write_text("\n".join(SERIES_TERMS), encoding="utf-8")
    out = tmp_path / "l.csv"
    result = run(str(CORPUS), "--terms", str(terms_file), "--protected", "-o", str(out), "-q", "-j", "2")
    # Without LibreOffice the corpus's .doc cannot be read: ledger skips it and says so by exit 1.
    unreadable = [] if SOFFICE else sorted(CORPUS.rglob("*.doc")) + sorted(CORPUS.rglob("*.rtf"))
    assert result.exit_code == (1 if unreadable else 0), result.output
    documents = {}
    for row in read_csv(out):
        if row["place"] == "document":
            documents.setdefault(row["path"], {})[row["term"]] = int(row["count"])
    assert len(documents) > 80  # the corpus, series/gwr included
    assert any("series" in path for path in documents)
    assert not {str(p) for p in unreadable} & set(documents)
    for path, counts in documents.items():
        text = load(path).text
        assert counts == {term: text.count(term) for term in counts}, path
        assert set(SERIES_TERMS) <= set(counts)


@pytest.mark.skipif(not CORPUS.is_dir(), reason=CORPUS_REASON)
def test_same_rows_whatever_the_job_count(tmp_path):
    outs = []
    for jobs in ("1", "2"):
        out = tmp_path / f"l{jobs}.csv"
        assert run(str(CORPUS / "series"), "-o", str(out), "-j", jobs, "-q").exit_code == 0
        outs.append(out.read_bytes())
    assert outs[0] == outs[1]

"""Each protocol method through the Python client, on the demo workspace, against the real binary.
Methods the engine does not have yet are skipped with their name (see ``kol_testing.require``)."""

from __future__ import annotations

import json
import shutil

import pytest

from kol_testing import DEMO, REPO, require
from kolengine import Engine, EngineError, InvalidParams, RequestCancelled

DEMO_DATA = json.loads(DEMO.read_text(encoding="utf-8"))
DEMO_IDS = [kol["id"] for kol in DEMO_DATA["kols"]]
AMENG = "2713968254"       # DEMO.md #1, clean, should rank first
BAIXIAOTONG = "1893256071"  # DEMO.md #3, stars-followers-mismatch, low-engagement, fake-fans
CORPORATE = "2281630094"    # DEMO.md #7, tone-clash
CLEAN = {AMENG, "3920417765"}


@pytest.fixture
def demo(engine):
    require(engine, "kol/load", {"path": "examples/demo.kol.json"})
    return engine


# ---- workspace (issue 3) -----------------------------------------------------------------------------

def test_load_reports_counts_and_no_diagnostics_for_the_demo(engine):
    result = require(engine, "kol/load", {"path": "examples/demo.kol.json"})
    assert result["format"] == "kol.json"
    assert result["loaded"] == 14 and result["total"] == 14
    assert result["briefLoaded"] is True
    assert result["errors"] == 0 and result["diagnostics"] == []
    again = engine.load(DEMO)  # merging by id: still 14
    assert again["total"] == 14


def test_load_jsonl_with_progress_reports_begin_report_end(engine):
    result = require(engine, "kol/load", {"path": "examples/demo.kols.jsonl", "replace": True})
    assert result["loaded"] == 14
    result = engine.load("examples/demo.kols.jsonl", progress=True, replace=True)
    kinds = [value["kind"] for value in result.progress]
    assert kinds[0] == "begin" and kinds[-1] == "end" and set(kinds) <= {"begin", "report", "end"}
    assert result.progress[-1]["message"] == "14 KOLs loaded"


def test_load_inline_text_with_an_invalid_value_gives_a_diagnostic(engine):
    text = json.dumps({"version": 1, "kols": [{"id": "a", "followers": -5}]})
    result = require(engine, "kol/load", {"text": text, "format": "kol.json"})
    assert result["errors"] == 1
    [diagnostic] = result["diagnostics"]
    assert diagnostic["code"] == "negative-followers"


def test_load_missing_file_is_an_engine_error(engine):
    require(engine, "kol/list", {})
    with pytest.raises(EngineError) as caught:
        engine.load("examples/does-not-exist.kol.json")
    assert caught.value.code is not None and "does-not-exist" in caught.value.message


def test_list_filters_fields_and_paging(demo):
    everything = demo.list_kols()
    assert everything["total"] == 14 and [kol["id"] for kol in everything["kols"]] == DEMO_IDS
    page = demo.list_kols(fields=["name"], offset=1, limit=2)
    assert page["total"] == 14
    assert page.records() == [{"id": "3920417765", "name": "苏州小满的慢日子"},
                              {"id": "1893256071", "name": "杭州生活百事通"}]
    four_stars = demo.list_kols(min_stars=4, fields=["stars"])
    assert {kol["id"] for kol in four_stars["kols"]} == {"3920417765", "5617283940", "7810936642", "3309178826"}
    big = demo.list_kols(min_followers=1_000_000, fields=["followers"])
    assert {kol["id"] for kol in big["kols"]} == {"1893256071", "5617283940"}
    with pytest.raises(InvalidParams):
        demo.list_kols(stage="famous")


def test_list_to_frame(demo):
    frame = demo.list_kols(fields=["name", "stars", "followers", "price"]).to_frame()
    assert list(frame.columns[:5]) == ["id", "name", "stars", "followers", "price"]
    assert len(frame) == 14
    assert frame.loc[frame["id"] == AMENG, "price"].item() == 3500


def test_get_one_and_many(demo):
    one = demo.get(AMENG)
    assert one["kol"]["name"] == "西湖边的阿萌" and one["kol"]["followers"] == 280000
    assert demo.get("nobody")["kol"] is None
    many = demo.get([AMENG, "nobody"], fields=["name"])
    assert many["kols"] == [{"id": AMENG, "name": "西湖边的阿萌"}] and many["missing"] == ["nobody"]


def test_upsert_remove_roundtrip(demo):
    new = {"id": "9000000001", "name": "测试号", "stars": 2, "followers": 1000, "price": 100}
    result = demo.upsert(new)
    assert result["applied"] is True and result["inserted"] == 1 and result["total"] == 15
    assert demo.get("9000000001")["kol"]["name"] == "测试号"
    refused = demo.upsert([{"id": "9000000002", "stars": 9}])
    assert refused["applied"] is False and refused["total"] == 15
    assert [d["code"] for d in refused["diagnostics"]] == ["stars-out-of-range"]
    removed = demo.remove(["9000000001", "nobody"])
    assert removed["removed"] == ["9000000001"] and removed["missing"] == ["nobody"] and removed["total"] == 14


def test_set_brief_and_save_roundtrip(demo, tmp_path):
    brief = dict(DEMO_DATA["brief"], budget=12345)
    assert demo.set_brief(brief)["applied"] is True
    assert demo.set_brief({"tone": "sarcastic"})["applied"] in (True, False)  # a warning or an error, never a crash
    demo.set_brief(brief)
    out = tmp_path / "saved.kol.json"
    with Engine(demo.binary, cwd=str(tmp_path)) as kol:  # paths are confined to the workspace folder
        kol.load(text=DEMO.read_text(encoding="utf-8"), format="kol.json")
        kol.set_brief(brief)
        saved = kol.save("saved.kol.json")
        assert saved["path"] == str(out)
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["brief"]["budget"] == 12345
    assert [kol["id"] for kol in data["kols"]] == DEMO_IDS


def test_cancelling_a_load_by_timeout_leaves_the_engine_usable(engine):
    require(engine, "kol/list", {})
    try:
        engine.load("examples/demo.kols.jsonl", timeout=0.000001)
    except (TimeoutError, RequestCancelled):
        pass
    assert engine.ping({"ok": 1}) == {"ok": 1}


# ---- editor documents: diagnostics as notifications -----------------------------------------------------

def test_open_and_change_a_document_publishes_versioned_diagnostics(engine, tmp_path):
    if "textDocumentSync" not in engine.capabilities:
        pytest.skip("the engine has no document sync yet")
    target = tmp_path / "demo.kol.json"
    shutil.copy(DEMO, target)
    text = target.read_text(encoding="utf-8")
    uri = engine.open_document(target)

    def data_quality(diagnostics):
        """Red flags (protocol.md §7.7) carry `data.evidence`; data-quality diagnostics do not."""
        return [d for d in diagnostics if "evidence" not in d.get("data", {})]

    first = engine.wait_for_diagnostics(uri, version=1)
    assert data_quality(first) == []
    assert {d["code"] for d in first} >= {"tone-clash", "stars-followers-mismatch"}
    bad = text.replace('"stars": 3,', '"stars": 7,', 1)
    version = engine.change_document(uri, bad)
    [diagnostic] = data_quality(engine.wait_for_diagnostics(uri, version=version))
    line = next(n for n, l in enumerate(bad.splitlines()) if '"stars": 7,' in l)
    assert diagnostic["code"] == "stars-out-of-range" and diagnostic["severity"] == 1
    assert diagnostic["range"]["start"]["line"] == line
    assert engine.diagnostics[uri]["version"] == version
    version = engine.change_document(uri, text)
    assert data_quality(engine.wait_for_diagnostics(uri, version=version)) == []
    engine.close_document(uri)


# ---- scoring, tone, fans, returns (issues 4-6): skipped until the engine has them -----------------------

def test_score_shape(demo):
    result = require(demo, "kol/score", {"ids": [AMENG, BAIXIAOTONG]})
    by_id = {kol["id"]: kol for kol in result["kols"]}
    assert set(by_id) == {AMENG, BAIXIAOTONG}
    for kol in by_id.values():
        assert 0 <= kol["score"] <= 100 and 0 <= kol["confidence"] <= 1
        for component in kol["components"].values():
            assert {"value", "weight", "measured", "explanation"} <= set(component)
    assert by_id[AMENG]["score"] > by_id[BAIXIAOTONG]["score"]


def test_rank_with_budget(demo):
    result = require(demo, "kol/rank", {"budget": 30000})
    ids = [kol["id"] for kol in result["kols"]]
    assert sorted(ids) == sorted(DEMO_IDS) and ids[0] == AMENG
    prices = {kol["id"]: kol["price"] for kol in result["kols"]}
    assert sum(prices[i] for i in result["shortlist"]["kols"]) == result["shortlist"]["total"] <= 30000
    assert 2 <= len(result["pilot"]) <= 4
    assert list(demo.rank(budget=30000).to_frame()["id"]) == ids


def test_red_flags_on_designed_kols_and_none_on_clean_ones(demo):
    result = require(demo, "kol/redFlags", {})
    flags = {kol["id"]: {flag["code"] for flag in kol["flags"]} for kol in result["kols"]}
    assert "stars-followers-mismatch" in flags[BAIXIAOTONG]
    assert not flags.get(AMENG) and not flags.get("3920417765")
    rows = demo.red_flags().records(explode="flags")
    assert all(row.get("flag.severity") in (None, "error", "warning", "information") for row in rows)


def test_tone_profile_and_compare(demo):
    profile = require(demo, "kol/toneProfile", {"id": AMENG})
    assert set(profile["dimensions"]) >= {"humor", "formality", "sentiment", "intensity", "commerciality"}
    corporate = demo.compare_tone(CORPORATE, "brief")
    assert corporate["verdict"] == "clashes"
    assert demo.compare_tone(AMENG, "lighthearted")["verdict"] in ("fits", "partly")
    texts = demo.tone_profile(texts=["哈哈哈笑死我了[doge]", "特此公告，敬请莅临。"], per_text=True)
    assert 0 <= texts["dimensions"]["humor"] <= 1


def test_audit_fans(demo):
    result = require(demo, "kol/auditFans", {"id": BAIXIAOTONG})
    low, high = result["interval"]
    assert low <= result["fakeShare"] <= high and result["fakeShare"] > 0.5
    assert len(result["fans"]) == result["sampled"]


def test_record_campaign_returns_and_allocate(demo):
    require(demo, "kol/recordCampaign", {"kolId": AMENG, "campaign": {
        "id": "py-test", "start": "2026-11-01", "cost": 3500, "revenue": 9000, "conversions": 40, "clicks": 900}})
    returns = demo.returns([AMENG])
    [row] = [kol for kol in returns["kols"] if kol["id"] == AMENG]
    assert row["cost"] > 0 and "roi" in row
    allocation = require(demo, "kol/allocate", {"budget": 20000, "seed": 7})
    assert sum(a["amount"] for a in allocation["allocations"]) + allocation["unspent"] == pytest.approx(20000)
    assert demo.allocate(20000, seed=7) == allocation  # reproducible by seed


def test_set_stage_and_overlap(demo):
    require(demo, "kol/setStage", {"id": BAIXIAOTONG, "stage": "dropped", "notes": "fake fans"})
    assert [kol["id"] for kol in demo.list_kols(stage="dropped")["kols"]] == [BAIXIAOTONG]
    require(demo, "kol/overlap", {"ids": [AMENG, "3920417765"]})

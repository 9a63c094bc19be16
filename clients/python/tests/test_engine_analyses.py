"""The analyses (protocol.md §7–§9) through the Python client on the demo workspace, against the real binary.

"Today" is 2026-11-26 (DEMO.md) in every call that depends on it. Another branch may add a flag or a score
component (fake fans), so these tests assert structure, codes the demo was designed to trip, orderings, and
values computed from the engine's own answers or documented in protocol.md, not today's exact scores."""

from __future__ import annotations

import json

import pytest

from kol_testing import DEMO
from kolengine import InvalidParams, MissingData, UnknownKOL

NOW = "2026-11-26"
DEMO_DATA = json.loads(DEMO.read_text(encoding="utf-8"))
DEMO_IDS = [kol["id"] for kol in DEMO_DATA["kols"]]
PRICES = {kol["id"]: kol.get("price") for kol in DEMO_DATA["kols"]}
BUDGET = DEMO_DATA["brief"]["budget"]
AMENG = "2713968254"        # DEMO.md #1: clean, should rank first
XIAOMAN = "3920417765"      # DEMO.md #2: clean
BAIXIAOTONG = "1893256071"  # #3: stars-followers-mismatch, low-engagement, fake fans (30 of 36)
FOODIE = "5617283940"       # #4: growth-spike, stage dropped
CORPORATE = "2281630094"    # #7: tone-clash, silent-kol
DORMANT = "4190287765"      # #11: dormant (last post 2026-07-22), no-other-media
LAOZHOU = "1756302918"      # #14: channel-tone-mismatch; shares 16 sampled fans with #1
CLEAN = {AMENG, XIAOMAN}
# DEMO.md: the flags each KOL was designed to show (side effects may add more; fake-fans comes from the audit).
DESIGNED = {
    BAIXIAOTONG: {"stars-followers-mismatch", "low-engagement"}, FOODIE: {"growth-spike"},
    "7810936642": {"young-account-fast-growth", "bought-reposts"}, "6023418857": {"engagement-concentrated"},
    CORPORATE: {"tone-clash", "silent-kol"}, "3309178826": {"generalist"}, "5128840073": {"off-topic"},
    "6652013398": {"off-region"}, DORMANT: {"dormant", "no-other-media"},
    "2054471380": {"price-outlier", "channel-topic-mismatch"}, "3471925560": {"tone-drift"},
    LAOZHOU: {"channel-tone-mismatch"},
}
FLAG_PENALTY = {"error": 25, "warning": 5, "information": 0}  # protocol.md §7.2


@pytest.fixture
def demo(engine):
    engine.load("examples/demo.kol.json")
    return engine


# ---- kol/score ---------------------------------------------------------------------------------------

def test_score_is_the_weighted_mean_of_its_components_minus_the_flag_penalty(demo):
    scores = demo.score(now=NOW)
    flags = {kol["id"]: kol["flags"] for kol in demo.red_flags(now=NOW)["kols"]}
    assert [kol["id"] for kol in scores["kols"]] == DEMO_IDS
    for kol in scores["kols"]:
        measured = [c for c in kol["components"].values() if c["value"] is not None]
        mean = sum(c["weight"] * c["value"] for c in measured) / sum(c["weight"] for c in measured)
        assert kol["redFlagPenalty"] == sum(FLAG_PENALTY[flag["severity"]] for flag in flags[kol["id"]])
        assert kol["score"] == pytest.approx(max(0.0, mean - kol["redFlagPenalty"]), abs=0.15), kol["id"]
        assert 0 <= kol["confidence"] <= 1
        for component in kol["components"].values():
            assert {"value", "weight", "measured", "explanation"} <= set(component)


def test_score_components_as_rows_and_a_weight_override(demo):
    rows = demo.score([AMENG, BAIXIAOTONG], now=NOW).records(explode="components")
    assert {row["id"] for row in rows} == {AMENG, BAIXIAOTONG}
    ameng = {row["component"]: row for row in rows if row["id"] == AMENG}
    assert {"starsFollowers", "engagement", "relevance", "geography", "value"} <= set(ameng)
    assert all(isinstance(row["component.explanation"], str) for row in rows)
    frame = demo.score([AMENG], now=NOW).to_frame(explode="components")
    assert list(frame["component"]) == list(ameng) and "component.value" in frame.columns
    # Only the value component left: the score is its value (minus a penalty; 阿萌 has none).
    only_value = {name: (1 if name == "value" else 0) for name in ameng}
    [kol] = demo.score([AMENG], now=NOW, weights=only_value)["kols"]
    assert kol["score"] == pytest.approx(ameng["value"]["component.value"], abs=0.1)


def test_score_of_an_unknown_id_is_an_entry_with_an_error(demo):
    result = demo.score([AMENG, "nobody"], now=NOW)
    assert result["kols"][1]["id"] == "nobody" and result["kols"][1]["error"]["code"] == -32005
    with pytest.raises(InvalidParams, match="params.ids"):
        demo.request("kol/score", {"ids": AMENG})


# ---- kol/rank ----------------------------------------------------------------------------------------

def test_rank_orders_by_score_and_puts_ameng_first(demo):
    ranked = demo.rank(now=NOW)
    ids = [kol["id"] for kol in ranked["kols"]]
    assert sorted(ids) == sorted(DEMO_IDS) and ranked["total"] == 14
    assert ids[0] == AMENG  # DEMO.md "Who should rank first"
    keys = [(-kol["score"], -kol["confidence"], kol["id"]) for kol in ranked["kols"]]
    assert keys == sorted(keys)
    scores = {kol["id"]: kol["score"] for kol in demo.score(now=NOW)["kols"]}
    assert {kol["id"]: kol["score"] for kol in ranked["kols"]} == scores
    assert list(ranked.to_frame()["id"]) == ids
    assert ranked.records()[0]["name"] == "西湖边的阿萌"


def test_rank_shortlist_fits_the_brief_budget_and_the_pilot_is_small_and_clean(demo):
    ranked = demo.rank(now=NOW)  # no budget given: the brief's 30 000
    shortlist = ranked["shortlist"]
    assert shortlist["budget"] == BUDGET
    assert shortlist["total"] == sum(PRICES[i] for i in shortlist["kols"]) <= BUDGET
    by_id = {kol["id"]: kol for kol in ranked["kols"]}
    # The shortlist's score sums unrounded scores; each listed score is rounded to 0.1.
    assert shortlist["score"] == pytest.approx(sum(by_id[i]["score"] for i in shortlist["kols"]),
                                               abs=0.05 * len(shortlist["kols"]) + 0.05)
    assert shortlist["method"] in ("dynamicProgramming", "branchAndBound")
    pilot = ranked["pilot"]
    assert 2 <= len(pilot) <= 4 and pilot[0] == AMENG
    assert sum(PRICES[i] for i in pilot) <= 0.25 * BUDGET
    severities = {kol["id"]: {f["severity"] for f in kol["flags"]} for kol in demo.red_flags(now=NOW)["kols"]}
    assert all(not severities[i] & {"error", "warning"} for i in pilot)
    assert len(ranked["pilotReasons"]) >= len(pilot)


def test_rank_budget_filters_and_paging(demo):
    small = demo.rank(budget=5000, now=NOW)["shortlist"]
    assert small["budget"] == 5000 and small["total"] <= 5000
    everything = [kol["id"] for kol in demo.rank(now=NOW)["kols"]]
    page = demo.rank(now=NOW, offset=2, limit=3)
    assert [kol["id"] for kol in page["kols"]] == everything[2:5] and page["total"] == 14
    partners = demo.rank(now=NOW, stage=["partner", "posted"])
    assert {kol["id"] for kol in partners["kols"]} == {AMENG, XIAOMAN, "3471925560"}  # DEMO.md stages
    # minScore between two listed scores (0.3 apart, so rounding cannot blur them) keeps exactly the ones above.
    ranked = demo.rank(now=NOW)["kols"]
    cut = next(k for k in range(len(ranked) - 1) if ranked[k]["score"] - ranked[k + 1]["score"] >= 0.3)
    threshold = (ranked[cut]["score"] + ranked[cut + 1]["score"]) / 2
    above = demo.rank(now=NOW, min_score=threshold)
    assert [kol["id"] for kol in above["kols"]] == [kol["id"] for kol in ranked[:cut + 1]] and above["total"] == cut + 1
    with pytest.raises(InvalidParams, match="params.budget"):
        demo.rank(budget="lots")


def test_rank_lists_the_first_excluded_limit_exclusions_and_counts_them_all(demo):
    full = demo.rank(now=NOW)
    excluded = full["excluded"]
    assert len(excluded) >= 2 and full["excludedTotal"] == len(excluded)  # the demo has fewer than 100
    assert FOODIE in {row["id"] for row in excluded}  # dropped (DEMO.md)
    counts = {}
    for row in excluded:
        for code in row["flags"]:
            counts[code] = counts.get(code, 0) + 1
    assert full["excludedFlags"] == counts
    assert list(full["excludedFlags"].values()) == sorted(counts.values(), reverse=True)
    cut = demo.rank(now=NOW, excluded_limit=1)
    assert cut["excluded"] == excluded[:1] and cut["excludedTotal"] == len(excluded)
    assert cut["excludedFlags"] == full["excludedFlags"] and cut["shortlist"] == full["shortlist"]
    assert demo.rank(now=NOW, excluded_limit=0)["excluded"] == []
    everyone = demo.rank(now=NOW, include_error_flagged=True)
    assert {row["reason"] for row in everyone["excluded"]} == {"dropped"}
    with pytest.raises(InvalidParams, match="params.excludedLimit"):
        demo.rank(excluded_limit=-1)


def test_rank_with_progress_reports_begin_reports_end(demo):
    ranked = demo.rank(now=NOW, progress=True)
    kinds = [value["kind"] for value in ranked.progress]
    assert kinds[0] == "begin" and kinds[-1] == "end" and "report" in kinds
    percentages = [value["percentage"] for value in ranked.progress if "percentage" in value]
    assert percentages == sorted(percentages) and percentages[-1] <= 100
    assert [kol["id"] for kol in ranked["kols"]] == [kol["id"] for kol in demo.rank(now=NOW)["kols"]]


def test_execute_command_kol_rank_is_kol_rank(demo):
    ranked = demo.rank(now=NOW, limit=5)
    command = demo.request("workspace/executeCommand", {"command": "kol.rank", "arguments": [{"now": NOW, "limit": 5}]})
    assert command == ranked


# ---- kol/redFlags ------------------------------------------------------------------------------------

def test_red_flags_trip_on_the_designed_kols_and_not_on_the_clean_ones(demo):
    result = demo.red_flags(now=NOW)
    codes = {kol["id"]: {flag["code"] for flag in kol["flags"]} for kol in result["kols"]}
    assert [kol["id"] for kol in result["kols"]] == DEMO_IDS
    for kol_id, designed in DESIGNED.items():
        assert designed <= codes[kol_id], kol_id
    assert not codes[AMENG] and not codes[XIAOMAN]
    ranked = {kol["id"]: set(kol["flags"]) for kol in demo.rank(now=NOW)["kols"]}
    assert ranked == codes  # rank lists the same codes


def test_red_flags_as_rows_with_evidence(demo):
    rows = demo.red_flags(now=NOW).records(explode="flags")
    flagged = [row for row in rows if "flag.code" in row]
    assert {row["id"] for row in rows} == set(DEMO_IDS)  # clean KOLs keep one row without a flag
    assert {row["id"] for row in rows if "flag.code" not in row} == CLEAN
    assert all(row["flag.severity"] in ("error", "warning", "information") for row in flagged)
    [mismatch] = [row for row in flagged if row["flag.code"] == "stars-followers-mismatch"]
    assert mismatch["id"] == BAIXIAOTONG
    evidence = mismatch["flag.evidence"]
    assert evidence["followers"] == 3100000 and evidence["ratioToPeers"] > evidence["threshold"]["minRatioToPeers"]
    frame = demo.red_flags(now=NOW).to_frame(explode="flags")
    assert len(frame) == len(rows) and "flag.evidence.threshold" in frame.columns or "flag.code" in frame.columns


def test_red_flags_depend_on_now_and_thresholds(demo):
    def codes(**options):
        [kol] = demo.red_flags([DORMANT], **options)["kols"]
        return {flag["code"] for flag in kol["flags"]}

    assert "dormant" in codes(now=NOW)                          # last post 2026-07-22: 127 days
    assert "dormant" not in codes(now="2026-08-01")              # 10 days later it was still active
    assert "dormant" not in codes(now=NOW, thresholds={"dormant": 200})
    assert "dormant" in codes(now=NOW, thresholds={"dormant": 100})
    with pytest.raises(InvalidParams):
        demo.red_flags(now="yesterday-ish")


# ---- tone --------------------------------------------------------------------------------------------

def test_tone_profile_of_a_kol_and_of_texts(demo):
    profile = demo.tone_profile(AMENG)
    assert set(profile["dimensions"]) == {"humor", "formality", "sentiment", "intensity", "commerciality"}
    assert all(0 <= value <= 1 for value in profile["dimensions"].values())
    assert profile["id"] == AMENG and profile["posts"] > 0
    november = demo.tone_profile(AMENG, since="2026-11-01")
    assert 0 < november["posts"] < profile["posts"]
    documented = demo.tone_profile(texts=["太好吃了！！！"])  # protocol.md §8.6 worked example
    assert documented["dimensions"]["intensity"] == 0.646 and documented["dimensions"]["commerciality"] == 0.119
    evidence = documented.records("evidence")
    assert {"dimension", "cue", "count", "effect"} <= set(evidence[0])
    per_text = demo.tone_profile(texts=["哈哈哈笑死我了[doge]", "特此公告，敬请莅临。"], per_text=True)
    assert len(per_text["perText"]) == 2
    assert per_text["perText"][0]["dimensions"]["humor"] > per_text["perText"][1]["dimensions"]["humor"]


def test_compare_tone_with_the_brief(demo):
    corporate = demo.compare_tone(CORPORATE)  # b defaults to the brief's tone (lighthearted)
    assert corporate["verdict"] == "clashes" and corporate["distance"] > 0.22
    ameng = demo.compare_tone(AMENG, "brief")
    assert ameng["verdict"] == "fits" and ameng["distance"] <= 0.12
    assert ameng == demo.compare_tone(AMENG, "lighthearted")  # the demo brief's preset
    assert ameng["best"][0]["distance"] <= ameng["worst"][0]["distance"]
    strict = demo.compare_tone(AMENG, fits=0.0, partly=0.0)
    assert strict["verdict"] == "clashes" and strict["distance"] == ameng["distance"]
    presets = demo.compare_tone("humorous", "corporate")  # protocol.md §8.4: 0.494, clashes
    assert presets["distance"] == 0.494 and presets["verdict"] == "clashes"
    with pytest.raises(UnknownKOL) as caught:
        demo.compare_tone("nobody")
    assert caught.value.data == {"id": "nobody"}


def test_compare_tone_with_a_brief_without_tone_is_missing_data(demo):
    demo.set_brief({"product": "龙井"})
    with pytest.raises(MissingData):
        demo.compare_tone(AMENG, "brief")


# ---- kol/auditFans -----------------------------------------------------------------------------------

def test_audit_fans_of_the_bought_audience(demo):
    result = demo.audit_fans(BAIXIAOTONG, now=NOW)
    assert result["id"] == BAIXIAOTONG
    assert result["sampled"] == len(result["fans"]) == 36
    assert result["fakeShare"] == pytest.approx(result["fakeCount"] / result["assessed"], abs=1e-4)
    assert result["fakeCount"] == sum(fan["fake"] for fan in result["fans"])
    low, high = result["interval"]
    assert low <= result["fakeShare"] <= high and result["fakeShare"] > 0.5  # DEMO.md: 30 of 36 empty profiles
    assert result["outcome"] in ("likelyFake", "clearlyFake") and result["redFlag"]["code"] == "fake-fans"
    assert demo.audit_fans(BAIXIAOTONG, now=NOW, minimum_sample=40)["outcome"] == "tooFewFans"  # 36 < 40
    assert demo.audit_fans(BAIXIAOTONG, now=NOW, threshold=0.95)["redFlag"] is None
    frame = result.to_frame()
    assert len(frame) == 36 and {"id", "fake", "probability", "reasons"} <= set(frame.columns)
    clean = demo.audit_fans(AMENG, now=NOW)
    assert clean["fakeShare"] < result["fakeShare"]


def test_audit_fans_inline_matches_the_documented_example(engine):
    fans = [{"id": "f1", "followers": 3, "following": 2000, "posts": 0, "createdAt": "2026-11-17", "avatar": False,
             "bio": ""},
            {"id": "f2", "followers": 5400, "following": 300, "posts": 4200, "createdAt": "2015-03-01", "avatar": True,
             "bio": "爱喝茶，住在杭州"},
            {"id": "f3", "followers": "many"}]
    result = engine.audit_fans(fans=fans, now=NOW, minimum_sample=2)  # protocol.md §9.1
    assert result["fakeShare"] == 0.5 and result["interval"] == [0.0945, 0.9055]
    assert [fan["fake"] for fan in result["fans"]] == [True, False, False]
    assert [d["path"] for d in result["diagnostics"]] == ["fans[2].followers"]
    with pytest.raises(UnknownKOL):
        engine.audit_fans("nobody")


# ---- campaigns, returns, allocation ------------------------------------------------------------------

def test_record_campaign_then_returns_as_documented(demo):
    refused = demo.record_campaign(XIAOMAN, {"id": "c-2026-11-xiaoman", "start": "2026-11-10", "cost": -2500})
    assert refused["applied"] is False and [d["code"] for d in refused["diagnostics"]] == ["negative-amount"]
    added = demo.record_campaign(XIAOMAN, {"id": "c-2026-11-xiaoman", "start": "2026-11-10", "end": "2026-11-17",
                                           "cost": 2500, "impressions": 98000, "engagements": 5000, "clicks": 1850,
                                           "conversions": 39, "revenue": 11700})
    assert added["applied"] is True and added["change"] == "added" and added["campaigns"] == 2
    again = demo.record_campaign(XIAOMAN, {"id": "c-2026-11-xiaoman", "start": "2026-11-10", "cost": 2500,
                                           "clicks": 1850, "conversions": 39, "revenue": 11700})
    assert again["change"] == "replaced" and again["campaigns"] == 2
    demo.record_campaign(XIAOMAN, {"id": "c-2026-11-xiaoman", "start": "2026-11-10", "end": "2026-11-17",
                                   "cost": 2500, "impressions": 98000, "engagements": 5000, "clicks": 1850,
                                   "conversions": 39, "revenue": 11700})
    returns = demo.returns([AMENG, XIAOMAN, BAIXIAOTONG])  # protocol.md §9.4
    rows = {row["id"]: row for row in returns.records()}
    assert rows[AMENG]["roi"] == 2.6 and rows[AMENG]["verdict"] == "profitable"
    assert rows[XIAOMAN]["cost"] == 10000.0 and rows[XIAOMAN]["roi"] == 1.4
    assert rows[BAIXIAOTONG]["verdict"] == "noCampaigns" and rows[BAIXIAOTONG]["roi"] is None
    assert rows[AMENG]["probabilityBest"] + rows[XIAOMAN]["probabilityBest"] == pytest.approx(1.0, abs=1e-3)
    assert returns["overall"]["cost"] == rows[AMENG]["cost"] + rows[XIAOMAN]["cost"]
    assert returns["seed"] == 6 and returns["draws"] == 10000
    assert returns == demo.returns([AMENG, XIAOMAN, BAIXIAOTONG], seed=6)
    frame = returns.to_frame()
    assert list(frame["id"]) == [AMENG, XIAOMAN, BAIXIAOTONG] and "conversionRate.mean" in frame.columns
    with pytest.raises(UnknownKOL):
        demo.record_campaign("nobody", {"id": "x", "start": "2026-11-01", "cost": 1})


def test_allocate_spends_the_brief_budget_in_whole_posts_reproducibly(demo):
    plan = demo.allocate(seed=6, now=NOW)  # budget: the brief's
    assert plan["budget"] == BUDGET and plan["seed"] == 6
    spent = sum(row["amount"] for row in plan["allocations"])
    assert spent + plan["unspent"] == pytest.approx(BUDGET) and spent <= BUDGET
    for row in plan["allocations"]:
        assert row["amount"] == row["posts"] * PRICES[row["id"]] and 1 <= row["posts"] <= 3
    assert FOODIE in {row["id"] for row in plan["excluded"]}  # dropped (DEMO.md)
    assert FOODIE not in {row["id"] for row in plan["allocations"]}
    assert demo.allocate(seed=6, now=NOW) == plan
    assert list(plan.to_frame()["id"]) == [row["id"] for row in plan["allocations"]]
    order = [kol_id for kol_id in DEMO_IDS if kol_id in {row["id"] for row in plan["allocations"]}]
    assert [row["id"] for row in plan["allocations"]] == order  # in workspace order
    one_each = demo.allocate(20000, ids=[AMENG, XIAOMAN, LAOZHOU, "unknown"], seed=7, max_posts_per_kol=1, now=NOW)
    assert all(row["posts"] == 1 for row in one_each["allocations"]) and one_each["missing"] == ["unknown"]
    with pytest.raises(InvalidParams, match="params.budget"):
        demo.allocate(-1)


# ---- overlap and the pipeline ------------------------------------------------------------------------

def test_overlap_pairs_as_documented(demo):
    result = demo.overlap([AMENG, LAOZHOU, BAIXIAOTONG, "7810936642"])  # protocol.md §9.6
    [pair] = [row for row in result.records() if {row["a"], row["b"]} == {AMENG, LAOZHOU}]
    assert pair["shared"] == 16 and pair["compared"] == 34 and pair["jaccard"] == pytest.approx(16 / 34, abs=1e-4)
    assert result["withoutFanIds"] == ["7810936642"]
    assert result["reach"]["share"] == pytest.approx(result["reach"]["distinct"] / result["reach"]["sampled"], abs=1e-4)


def test_set_stage_moves_along_the_pipeline(demo):
    moved = demo.set_stage(BAIXIAOTONG, "dropped", note="fake fans", at=NOW)
    assert moved["from"] == "candidate" and moved["move"] == "drop" and moved["changed"] is True
    assert moved["relationship"]["notes"] == "fake fans"
    assert {kol["id"] for kol in demo.list_kols(stage="dropped")["kols"]} == {BAIXIAOTONG, FOODIE}
    with pytest.raises(InvalidParams, match="params.note"):
        demo.set_stage(BAIXIAOTONG, "candidate", at=NOW)  # reopening needs a note
    reopened = demo.set_stage(BAIXIAOTONG, "candidate", note="new fan sample looks real", at=NOW)
    assert reopened["move"] == "reopen" and reopened["relationship"]["history"][-1]["stage"] == "dropped"
    with pytest.raises(UnknownKOL):
        demo.set_stage("nobody", "contacted")

"""Writes choose_kols.ipynb (outputs empty). The notebook is the source users read; this script keeps its
cells reviewable as plain Python. Run: python clients/python/examples/make_notebook.py"""

from pathlib import Path

import nbformat
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

cells = [
    new_markdown_cell("""# Choosing KOLs for a small business

The seed's workflow on the demo workspace (`examples/demo.kol.json`: a Hangzhou tea shop's year-end gift
boxes, 14 Weibo KOLs, a budget of 30 000 CNY): **load** the candidates, **rank** them under the budget
(shortlist and a small pilot), read the **red flags**, compare the top KOLs' **tone** with the brand's,
**plot** score against price, **audit the fans** of a suspicious KOL, then start small: **record** what the
pilot's posts returned, look at the **returns**, and **allocate** the next budget to what works.

Everything runs in `kol-engine` (found through `KOL_ENGINE`, PATH, or the repository's build); the
`kolengine` package is standard-library Python (pandas, matplotlib and tqdm only make it nicer).
"Today" is pinned to the demo's date, 2026-11-26, so the numbers below are reproducible."""),
    new_code_cell("""import os
import tempfile
from pathlib import Path

import matplotlib.pyplot as plt
import pandas as pd
from kolengine import Engine

# The repository root: the folder that holds examples/demo.kol.json (this notebook lives in clients/python/examples).
REPO = next(p for p in [Path.cwd(), *Path.cwd().parents] if (p / "examples" / "demo.kol.json").exists())
# Where the plot is saved (KOL_NOTEBOOK_OUT, else a fresh temporary folder).
OUT = Path(os.environ.get("KOL_NOTEBOOK_OUT") or tempfile.mkdtemp(prefix="kol-notebook-"))
NOW = "2026-11-26"  # the demo's "today"; leave it out to use the engine's clock

kol = Engine(cwd=REPO)
print(kol.server_info["serverInfo"])"""),
    new_markdown_cell("## 1. Load the workspace"),
    new_code_cell("""loaded = kol.load("examples/demo.kol.json", replace=True, progress=True)
print(f"{loaded['loaded']} KOLs loaded, {loaded['errors']} errors, {loaded['warnings']} warnings")
assert loaded["loaded"] == 14 and loaded["errors"] == 0

kols = kol.list_kols(fields=["name", "stars", "followers", "price", "relationship"]).to_frame()
names = dict(zip(kols["id"], kols["name"]))
kols[["id", "name", "stars", "followers", "price", "relationship.stage"]]"""),
    new_markdown_cell("""## 2. Rank under the budget
`kol/rank` scores every KOL against the brief. Without a `budget` argument it uses the brief's (30 000 CNY)
and returns the best **shortlist** whose total price fits (an exact knapsack) and a **pilot** of 2–4 clean,
cheap, varied KOLs to start small."""),
    new_code_cell("""ranked = kol.rank(now=NOW, progress=True)
table = ranked.to_frame()
shortlist, pilot = ranked["shortlist"], ranked["pilot"]
print(f"shortlist ({shortlist['method']}): {len(shortlist['kols'])} KOLs, "
      f"{shortlist['total']:,.0f} of {shortlist['budget']:,.0f} CNY")
print("pilot:", ", ".join(names[i] for i in pilot), f"({ranked['pilotTotal']:,.0f} CNY)")
for reason in ranked["pilotReasons"]:
    print("  -", reason)
table["shortlisted"] = table["id"].isin(shortlist["kols"])
table["pilot"] = table["id"].isin(pilot)
assert table["id"].iloc[0] == "2713968254"  # DEMO.md: 西湖边的阿萌 should rank first
table[["id", "name", "score", "confidence", "price", "flags", "shortlisted", "pilot"]]"""),
    new_markdown_cell("## 3. Red flags\nOne row per flag, worst first, with the message a marketer reads."),
    new_code_cell("""flags = kol.red_flags(now=NOW).to_frame(explode="flags").dropna(subset=["flag.code"])
flags["name"] = flags["id"].map(names)
flags["order"] = flags["flag.severity"].map({"error": 0, "warning": 1, "information": 2})
flags = flags.sort_values(["order", "id"])
print(f"{len(flags)} red flags on {flags['id'].nunique()} of {len(kols)} KOLs")
flags[["name", "flag.severity", "flag.code", "flag.message"]]"""),
    new_markdown_cell("""## 4. Tone: do the top KOLs sound like the brand?
The brief's tone is the `lighthearted` preset. `compare_tone(id)` compares a KOL's posts with it:
distance 0 = the same voice; `fits` ≤ 0.12 < `partly` ≤ 0.22 < `clashes`."""),
    new_code_cell("""rows = []
for kol_id in table["id"].head(6):
    comparison = kol.compare_tone(kol_id, "brief")
    gaps = comparison["dimensions"]
    widest = max(gaps, key=lambda name: abs(gaps[name]))
    rows.append({"name": names[kol_id], "verdict": comparison["verdict"], "distance": comparison["distance"],
                 "widest gap": f"{widest} {gaps[widest]:+.2f}",
                 "furthest post": comparison["worst"][0]["text"][:40] if comparison["worst"] else ""})
tone = pd.DataFrame(rows).sort_values("distance")
tone"""),
    new_markdown_cell("## 5. Score against price\nThe upper left is value for money; the shortlist is filled, the pilot circled."),
    new_code_cell("""plt.rcParams["font.sans-serif"] = ["Noto Sans CJK SC", "WenQuanYi Zen Hei", "DejaVu Sans"]
fig, ax = plt.subplots(figsize=(8, 4.5))
ax.scatter(table["price"], table["score"], c=table["shortlisted"].map({True: "tab:green", False: "lightgray"}),
           edgecolors="black", linewidths=0.5, s=50, label="shortlisted (green)")
pilot_rows = table[table["pilot"]]
ax.scatter(pilot_rows["price"], pilot_rows["score"], s=220, facecolors="none", edgecolors="tab:red", label="pilot")
for _, row in table.iterrows():
    ax.annotate(row["id"][-4:], (row["price"], row["score"]), fontsize=7, xytext=(4, 3), textcoords="offset points")
ax.set_xscale("log")
ax.set_xlabel("price per post (CNY, log scale)")
ax.set_ylabel("score (0-100)")
ax.set_title("Score vs price (labels: last 4 digits of the id)")
ax.legend(loc="lower left", fontsize=8)
fig.tight_layout()
plot_path = OUT / "score_vs_price.png"
fig.savefig(plot_path, dpi=120)
print("saved", plot_path)
plt.show()"""),
    new_markdown_cell("""## 6. Audit the fans of a suspicious KOL
The KOL whose followers are far above its star level's peers (`stars-followers-mismatch`): are the fans
real? `audit_fans` judges each sampled fan from its profile and estimates the fake share with a 95 %
interval. A sample under 30 fans is reported as `tooFewFans` (no flag), with the sample size needed."""),
    new_code_cell("""suspicious = flags.loc[flags["flag.code"] == "stars-followers-mismatch", "id"].iloc[0]
audit = kol.audit_fans(suspicious, now=NOW)
low, high = audit["interval"]
print(f"{names[suspicious]}: {audit['fakeCount']} of {audit['assessed']} sampled fans look fake = "
      f"{audit['fakeShare']:.0%} (95 % interval {low:.0%}–{high:.0%}); outcome {audit['outcome']}")
print(f"fans needed for a ±{audit['sampleSizeForWidth']['width'] / 2:.0%} interval: {audit['sampleSizeForWidth']['fans']}")
fans = audit.to_frame()
fans["why"] = fans["reasons"].str.join("; ")
fans[fans["fake"]][["id", "probability", "why"]].head(8)"""),
    new_markdown_cell("""## 7. Start small, measure, move the budget
The pilot's posts went out; record what each cost and returned (the numbers here are illustrative), then
look at the returns of every KOL with campaigns, and split the next round's budget by Thompson sampling
(reproducible with a seed)."""),
    new_code_cell("""pilot_results = {  # illustrative results for the pilot's posts
    pilot[0]: {"impressions": 120000, "engagements": 5200, "clicks": 1400, "conversions": 41, "revenue": 12300},
    pilot[1]: {"impressions": 64000, "engagements": 2900, "clicks": 620, "conversions": 9, "revenue": 2700},
}
price = dict(zip(table["id"], table["price"]))
for kol_id, numbers in pilot_results.items():
    recorded = kol.record_campaign(kol_id, {"id": "pilot-2026-11", "start": "2026-11-18", "end": "2026-11-24",
                                            "cost": price[kol_id], **numbers})
    assert recorded["applied"], recorded["diagnostics"]
    print(f"{names[kol_id]}: campaign {recorded['change']}, {recorded['campaigns']} on record")
    if kol.get(kol_id, fields=["relationship"])["kol"].get("relationship", {}).get("stage") in (None, "candidate", "contacted", "sampling"):
        moved = kol.set_stage(kol_id, "posted", note="pilot post 2026-11-18", at=NOW)
        print(f"  stage {moved['from']} → {moved['stage']}; next: {moved['next']}")"""),
    new_code_cell("""returns = kol.returns(seed=6)
frame = returns.to_frame()
frame["name"] = frame["id"].map(names)
print(returns["overall"]["says"])
frame[["name", "campaigns", "cost", "revenue", "roi", "roiInterval", "probabilityBest", "verdict"]]"""),
    new_markdown_cell("""The next round: the brief's budget again, over the shortlist. KOLs with measured returns get posts
in proportion to how often they win the draws; untried ones get a prior from their score, wide enough
that promising KOLs are tried; at most 3 posts per KOL per round."""),
    new_code_cell("""plan = kol.allocate(ids=shortlist["kols"], seed=2026, now=NOW)
allocations = plan.to_frame()
allocations["name"] = allocations["id"].map(names)
assert allocations["amount"].sum() + plan["unspent"] == plan["budget"]
print(f"budget {plan['budget']:,.0f} CNY: {allocations['amount'].sum():,.0f} allocated, {plan['unspent']:,.0f} unspent")
allocations[["name", "posts", "amount", "why"]]"""),
    new_code_cell("""kol.close()"""),
]

notebook = new_notebook(cells=cells, metadata={
    "kernelspec": {"display_name": "Python 3", "language": "python", "name": "python3"},
    "language_info": {"name": "python"},
})
nbformat.write(notebook, Path(__file__).with_name("choose_kols.ipynb"))

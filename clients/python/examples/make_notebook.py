"""Writes choose_kols.ipynb (outputs empty). The notebook is the source users read; this script keeps its
cells reviewable as plain Python. Run: python clients/python/examples/make_notebook.py"""

from pathlib import Path

import nbformat
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

cells = [
    new_markdown_cell("""# Choosing KOLs for a small business

The seed's workflow on the demo workspace (`examples/demo.kol.json`: a Hangzhou tea shop's year-end gift
boxes, 14 Weibo KOLs): **load** the candidates, **rank** them under the budget, read the **red flags**,
compare each KOL's **tone** with the brand's, **plot** score against price, then start small, **record**
what the first posts returned and **allocate** the next budget to what works.

Everything runs in `kol-engine` (found through `KOL_ENGINE`, PATH, or the repository's build); the
`kolengine` package is standard-library Python. A step whose method the engine does not have yet says so
and is skipped."""),
    new_code_cell("""from pathlib import Path

import matplotlib.pyplot as plt
import pandas as pd
from kolengine import Engine, MethodNotFound

# The repository root: the folder that holds examples/demo.kol.json (this notebook lives in clients/python/examples).
REPO = next(p for p in [Path.cwd(), *Path.cwd().parents] if (p / "examples" / "demo.kol.json").exists())
kol = Engine(cwd=REPO)
print(kol.server_info["serverInfo"])

def has(method):
    \"\"\"True when the engine answers `method` (anything but method-not-found).\"\"\"
    try:
        kol.request(method, {}, timeout=30)
    except MethodNotFound:
        print(f"({method} is not in this engine yet: skipped)")
        return False
    except Exception:
        return True
    return True"""),
    new_markdown_cell("## 1. Load the workspace"),
    new_code_cell("""loaded = kol.load("examples/demo.kol.json", replace=True, progress=True)
print(f"{loaded['loaded']} KOLs loaded, {loaded['errors']} errors, {loaded['warnings']} warnings")
assert loaded["loaded"] == 14 and loaded["errors"] == 0
kols = kol.list_kols(fields=["name", "stars", "followers", "price", "relationship"]).to_frame()
kols[["id", "name", "stars", "followers", "price", "relationship.stage"]]"""),
    new_code_cell("""budget = 30000  # the brief's budget (CNY) for this round
kols.sort_values("followers", ascending=False).head(5)[["name", "stars", "followers", "price"]]"""),
    new_markdown_cell("""## 2. Rank under the budget
`kol/rank` scores every KOL against the brief; with a budget it also returns the best shortlist whose total
price fits (an exact knapsack) and a 2–4 KOL pilot to start small."""),
    new_code_cell("""ranked = None
if has("kol/rank"):
    ranked = kol.rank(budget=budget)
    table = ranked.to_frame()
    print("shortlist:", ranked["shortlist"]["kols"], "total", ranked["shortlist"]["total"])
    print("pilot:", ranked["pilot"])
    display(table[["id", "name", "score", "price"]])"""),
    new_markdown_cell("## 3. Red flags\nOne row per flag, with the numbers that tripped it."),
    new_code_cell("""if has("kol/redFlags"):
    flags = kol.red_flags().to_frame(explode="flags")
    flags = flags.merge(kols[["id", "name"]], on="id", how="left")
    display(flags.dropna(subset=["flag.code"])[["name", "flag.code", "flag.severity", "flag.message"]])"""),
    new_markdown_cell("## 4. Tone: does each KOL sound like the brand (`lighthearted`)?"),
    new_code_cell("""if has("kol/compareTone"):
    rows = []
    for kol_id, name in zip(kols["id"], kols["name"]):
        comparison = kol.compare_tone(kol_id, "brief")
        rows.append({"name": name, "verdict": comparison["verdict"], "distance": comparison["distance"]})
    display(pd.DataFrame(rows).sort_values("distance"))"""),
    new_markdown_cell("## 5. Score against price"),
    new_code_cell("""fig, ax = plt.subplots(figsize=(7, 4))
if ranked is not None:
    table = ranked.to_frame()
    ax.scatter(table["price"], table["score"])
    for _, row in table.iterrows():
        ax.annotate(row["name"], (row["price"], row["score"]), fontsize=7, fontfamily="sans-serif")
    ax.set_ylabel("score (0-100)")
    ax.set_title("Score vs price: the upper left is value for money")
else:
    # Until kol/rank exists: what the workspace already knows.
    ax.scatter(kols["price"], kols["followers"] / 1000)
    ax.set_ylabel("followers (thousands)")
    ax.set_title("Followers vs price (scores appear once kol/rank exists)")
ax.set_xlabel("price per post (CNY)")
plt.show()"""),
    new_markdown_cell("""## 6. Start small, measure, move the budget
Record what the pilot's posts cost and returned, look at the returns, and split the next round's budget
(Thompson sampling, reproducible with a seed)."""),
    new_code_cell("""pilot = ranked["pilot"] if ranked is not None else list(kols["id"][:2])
if has("kol/recordCampaign"):
    results = {pilot[0]: {"cost": 3500, "impressions": 120000, "engagements": 5200, "clicks": 1400,
                          "conversions": 61, "revenue": 16800}}
    if len(pilot) > 1:
        results[pilot[1]] = {"cost": 8000, "impressions": 150000, "engagements": 3100, "clicks": 700,
                             "conversions": 22, "revenue": 6100}
    for kol_id, numbers in results.items():
        kol.record_campaign(kol_id, {"id": f"pilot-{kol_id}", "start": "2026-12-01", "end": "2026-12-07", **numbers})
    if has("kol/returns"):
        display(kol.returns(list(results)).to_frame())"""),
    new_code_cell("""if has("kol/allocate"):
    plan = kol.allocate(20000, seed=2026)
    display(plan.to_frame()[["id", "posts", "amount", "why"]])
    print("unspent:", plan["unspent"])"""),
    new_code_cell("""if has("kol/setStage"):
    kol.set_stage(pilot[0], "posted", notes="pilot post went out 2026-12-01")
kol.close()"""),
]

notebook = new_notebook(cells=cells, metadata={
    "kernelspec": {"display_name": "Python 3", "language": "python", "name": "python3"},
    "language_info": {"name": "python"},
})
nbformat.write(notebook, Path(__file__).with_name("choose_kols.ipynb"))

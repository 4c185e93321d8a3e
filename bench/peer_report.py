"""The peer benchmark's printout: the markdown table of ratios, page weights, memory, and a
profile of planwatch's side of any row that missed its goal."""

import cProfile
import io
import pstats
import re
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
# Shortened in the printout: the installed packages' directory, and the repository's.
PREFIXES = (f"{Path(sys.prefix)}/lib/python3.11/site-packages/", f"{REPO}/")

# key: (label, goal ratio Redmine time / planwatch time, or None for figures without a goal)
ROWS = [
    ("sign_in", "sign in (GET login form + POST)", None),
    ("list", "1. list of all items with latest status (pages of 50)", 3),
    ("item", "2. one item with its history", 2),
    ("edit_get", "3a. edit form GET", 2),
    ("edit_post", "3b. edit POST (note + status; until its 302)", 2),
]
API_ROWS = [
    ("api_list", "5a. JSON API: list all items (pages of 100)"),
    ("api_item", "5b. JSON API: one item with history"),
    ("api_update", "5c. JSON API: one update PUT"),
]


def say(text: str = "") -> None:
    print(text, flush=True)


def ratio_cells(redmine: float, planwatch: float, goal) -> list[str]:
    ratio = redmine / planwatch
    if goal is None:
        return [f"{ratio:.2f}", "—", "—"]
    return [f"{ratio:.2f}", f"≥{goal}", "yes" if ratio >= goal else "**no**"]


def table_rows(f: dict) -> list[list[str]]:
    rows = []
    for key, label, goal in ROWS:
        redmine, planwatch = f[key]["Redmine"], f[key]["planwatch"]
        rows.append([label, f"{redmine:.1f} ms", f"{planwatch:.1f} ms"])
        rows[-1] += ratio_cells(redmine, planwatch, goal)
    redmine, planwatch = f["burst"]["Redmine"], f["burst"]["planwatch"]

    def burst_cell(b: dict) -> str:
        return f"{b['median_s']:.2f} s, {b['requests_per_s']:.0f} req/s, {b['errors']} errors"

    count, threads = f["burst_size"]
    label = f"4. burst: {count} GET+POST updates, {threads} threads, distinct items"
    rows.append([label, burst_cell(redmine), burst_cell(planwatch)])
    rows[-1] += ratio_cells(redmine["median_s"], planwatch["median_s"], 2)
    for key, label in API_ROWS:
        rows.append([label, f"{f[key]['Redmine']:.1f} ms", "not measured (no API yet)", "—"])
        rows[-1] += ["≥2", "—"]
    sqlite = f["sqlite_burst"]
    rows.append(
        [
            "planwatch only: burst on SQLite, serve --workers 4",
            "—",
            burst_cell(sqlite),
            "—",
            "0 errors",
            "yes" if sqlite["errors"] == 0 else "**no**",
        ]
    )
    return rows


def report(f: dict) -> None:
    say(f"\nload average: start {f['load_start']}, end {f['load_end']} ({f['machine']})")
    say(f"concurrency: {f['concurrency']} for both (Puma -w 2 -t 5:5; gunicorn gthread)")
    say(
        f"seeded: Redmine {f['redmine_seed']['issues']} issues (project "
        f"{f['redmine_seed']['project']}); planwatch {f['planwatch_seed']['actions']} actions, "
        f"the timed one with {f['planwatch_seed']['detail_months']} months; list pages "
        f"showed {f['list_rows']} rows"
    )
    say(f"\nmedian of {f['runs']} interleaved runs; ratio = Redmine time / planwatch time\n")
    header = ["measurement", "Redmine", "planwatch", "ratio", "goal", "met?"]
    say("| " + " | ".join(header) + " |")
    say("|" + "---|" * len(header))
    for row in table_rows(f):
        say("| " + " | ".join(row) + " |")
    for name, b in [*f["burst"].items(), ("planwatch on SQLite", f["sqlite_burst"])]:
        samples = f"; first errors: {b['error_samples']}" if b["errors"] else ""
        say(f"  burst {name}: runs {b['runs_s']} s, {b['updates_per_s']} updates/s{samples}")

    say("\npage weight on first load (item page: HTML + CSS + JS + fonts, no images)")
    for name, weight in f["page_weight"].items():
        raw, sent = weight["bytes"], weight["gzip_bytes"]
        parts = ", ".join(f"{kind} {raw[kind] / 1024:.0f}" for kind in weight["files"])
        files = ", ".join(f"{n} {kind}" for kind, n in weight["files"].items())
        say(
            f"  {name:<10} {raw['total'] / 1024:6.0f} KB ({parts} KB; files: {files}); "
            f"{sent['total'] / 1024:.0f} KB as sent to a browser accepting gzip"
        )
    say("\nworker resident memory after the benchmark (VmRSS)")
    rss = {**f["rss"], "planwatch on SQLite": f["sqlite_burst"]["rss"]}
    for name, workers in rss.items():
        each = ", ".join(f"{w['name']} {w['pid']}: {w['mb']} MB" for w in workers)
        say(f"  {name:<20} {sum(w['mb'] for w in workers)} MB in all; {each}")
    for label, text in f.get("profile", {}).items():
        say(f"\nprofile of planwatch's {label} (one request, Django test client, after warm-up)")
        say(text)


# --- profiles of planwatch's side of a missed row --------------------------------------------


def _profiled(request) -> str:
    request()  # warm-up
    profile = cProfile.Profile()
    profile.enable()
    request()
    profile.disable()
    out = io.StringIO()
    stats = pstats.Stats(profile, stream=out)
    # The one-line answer first: how much of the request is Jinja (GOV.UK components) at work.
    total = sum(row[2] for row in stats.stats.values())
    jinja = sum(row[2] for key, row in stats.stats.items() if "/jinja2/" in key[0])
    compiled = sum(row[1] for key, row in stats.stats.items() if "builtins.compile" in key[2])
    out.write(
        f"in jinja2's own code: {jinja:.3f} of {total:.3f} s ({jinja / total:.0%}); "
        f"compile() called {compiled} times: templates compiled again in this one request\n"
    )
    # planwatch's own functions by time spent in them and below, then the hottest anywhere.
    stats.sort_stats("cumulative").print_stats(re.escape(f"{REPO}/planwatch/"), 12)
    stats.sort_stats("tottime").print_stats(10)
    lines = [line for line in out.getvalue().splitlines() if line.strip()]
    text = "\n".join(line for line in lines if "List reduced" not in line)
    for prefix in PREFIXES:
        text = text.replace(prefix, "")
    return text


def profile_missed(f: dict, planwatch) -> dict[str, str]:
    """cProfile one planwatch request for each row that missed its goal."""
    from django.contrib.auth import get_user_model
    from django.test import Client
    from peer_http import form_inputs

    client = Client()
    client.force_login(get_user_model().objects.get(username=planwatch.user))
    edit = f"/cycles/{planwatch.seeded['cycle']}/actions/{planwatch.items[1]}/"

    def post():
        fields = form_inputs(client.get(edit).content)
        data = {"version": fields["version"], "status": planwatch.seeded["statuses"][0]}
        client.post(edit, {**data, "commentary": "profiled update"})

    requests = {
        "list": ("action list page", lambda: client.get(planwatch.list_paths()[0])),
        "item": ("action page", lambda: client.get(planwatch.item_path(0))),
        "edit_get": ("update form GET", lambda: client.get(edit)),
        "edit_post": ("update form GET + POST", post),
    }
    missed = {}
    for key, _, goal in ROWS:
        if goal and key in requests and f[key]["Redmine"] / f[key]["planwatch"] < goal:
            missed[requests[key][0]] = _profiled(requests[key][1])
    burst = f["burst"]
    slow = burst["Redmine"]["median_s"] / burst["planwatch"]["median_s"] < 2
    if (slow or burst["planwatch"]["errors"]) and "update form GET + POST" not in missed:
        missed["update form GET + POST (the burst's request pair)"] = _profiled(post)
    return missed

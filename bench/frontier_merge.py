#!/usr/bin/env python3
"""The peer for Parley's exact frontier on spaces beyond enumeration: the issue-wise merge in
Python with numpy. Reads a two-party GENIUS domain (utility = sum of weight x evaluation / the
issue's greatest evaluation), merges the Pareto frontier one issue at a time (every kept point
extended by every option of the next issue, then the 2-d non-dominated filter: sort by the first
utility, keep a point when its second beats every point before it), keeps back-pointers so that
each frontier point's outcome is known, and finds the Nash point (disagreement at the
reservation values). Prints one JSON line: the frontier's size, the Nash utilities, and the time
the merge took (reading the XML not counted; process start-up timed by the caller).

Usage: frontier_merge.py DOMAIN.xml PROFILE1.xml PROFILE2.xml"""
import json
import sys
import time
import xml.etree.ElementTree as ET

import numpy as np


def profile(path, issues):
    root = ET.parse(path).getroot()
    objective = root.find("objective")
    weights = {int(w.get("index")): float(w.get("value")) for w in objective.findall("weight")}
    tables = []
    for issue in objective.findall("issue"):
        ev = np.array([float(item.get("evaluation")) for item in issue.findall("item")])
        tables.append(weights[int(issue.get("index"))] * ev / ev.max())
    if len(tables) != issues:
        raise SystemExit(f"{path}: {len(tables)} issues, the domain has {issues}")
    rv = root.find("reservation")
    return tables, float(rv.get("value")) if rv is not None else 0.0


def main():
    domain, p1, p2 = sys.argv[1:4]
    issues = len(ET.parse(domain).getroot().find("utility_space/objective").findall("issue"))
    (t1, rv1), (t2, rv2) = profile(p1, issues), profile(p2, issues)
    start = time.perf_counter()
    u = np.zeros((1, 2))
    parents, options = [], []
    for i in range(issues):
        step = np.stack([t1[i], t2[i]], axis=1)  # options x 2
        q = len(step)
        cand = (u[:, None, :] + step[None, :, :]).reshape(-1, 2)
        order = np.lexsort((-cand[:, 1], -cand[:, 0]))  # first utility down, ties: second down
        c = cand[order]
        best_before = np.maximum.accumulate(c[:, 1])
        keep = np.empty(len(c), dtype=bool)
        keep[0] = True
        keep[1:] = c[1:, 1] > best_before[:-1] + 1e-9
        kept = order[keep]
        parents.append(kept // q)
        options.append(kept % q)
        u = c[keep]
    # Each frontier point's outcome, from the back-pointers.
    outcomes = np.empty((len(u), issues), dtype=np.int32)
    at = np.arange(len(u))
    for i in range(issues - 1, -1, -1):
        outcomes[:, i] = options[i][at]
        at = parents[i][at]
    u = np.minimum(u, 1.0)
    gain = np.clip(u[:, 0] - rv1, 0, None) * np.clip(u[:, 1] - rv2, 0, None)
    nash = u[int(np.argmax(gain))]
    seconds = time.perf_counter() - start
    print(json.dumps({"frontier": len(u), "nash": nash.tolist(), "merge_s": seconds, "outcomes": int(outcomes.shape[0])}))


main()

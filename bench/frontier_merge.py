#!/usr/bin/env python3
"""The peer for Parley's exact frontier on spaces beyond enumeration: the issue-wise merge in
Python, with numpy and in plain Python (lists, as a script without numpy would write it). Reads a two-party GENIUS domain (utility = sum of weight x evaluation / the
issue's greatest evaluation), merges the Pareto frontier one issue at a time (every kept point
extended by every option of the next issue, then the 2-d non-dominated filter: sort by the first
utility, keep a point when its second beats every point before it), keeps back-pointers so that
each frontier point's outcome is known, and finds the Nash point (disagreement at the
reservation values). Prints one JSON line: per variant the frontier's size, the Nash utilities
and the seconds the merge took (reading the XML not counted; process start-up timed by the caller).

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


def merge_numpy(t1, t2, rv1, rv2, issues):
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
    return len(u), u[int(np.argmax(gain))].tolist()


def merge_plain(t1, t2, rv1, rv2, issues):
    us = [(0.0, 0.0)]
    parents, options = [], []
    for i in range(issues):
        a, b = t1[i].tolist(), t2[i].tolist()
        q = len(a)
        cand = [(x + a[o], y + b[o], k * q + o) for k, (x, y) in enumerate(us) for o in range(q)]
        cand.sort(key=lambda c: (-c[0], -c[1]))
        kept, best = [], float("-inf")
        for c in cand:
            if c[1] > best + 1e-9:
                kept.append(c)
                best = c[1]
        parents.append([c[2] // q for c in kept])
        options.append([c[2] % q for c in kept])
        us = [(c[0], c[1]) for c in kept]
    outcomes = []
    for k in range(len(us)):
        row, at = [0] * issues, k
        for i in range(issues - 1, -1, -1):
            row[i] = options[i][at]
            at = parents[i][at]
        outcomes.append(row)
    us = [(min(x, 1.0), min(y, 1.0)) for x, y in us]
    best = max(us, key=lambda u: max(u[0] - rv1, 0) * max(u[1] - rv2, 0))
    return len(us), list(best)


def main():
    domain, p1, p2 = sys.argv[1:4]
    issues = len(ET.parse(domain).getroot().find("utility_space/objective").findall("issue"))
    (t1, rv1), (t2, rv2) = profile(p1, issues), profile(p2, issues)
    report = {}
    for name, merge in (("numpy", merge_numpy), ("plain", merge_plain)):
        start = time.perf_counter()
        size, nash = merge(t1, t2, rv1, rv2, issues)
        report[name] = {"frontier": size, "nash": nash, "merge_s": time.perf_counter() - start}
    print(json.dumps(report))


main()

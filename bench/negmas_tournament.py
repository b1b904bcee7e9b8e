#!/usr/bin/env python3
"""NegMAS's side of the tournament comparison: the five agent kinds both libraries have
(Boulware, Conceder, Linear, tit-for-tat, random), every ordered pair on each domain, a new
SAOMechanism of 100 steps and new negotiators per run, in one process, as NegMAS's tournaments
build them. A run on Energy (390,625 outcomes) takes NegMAS seconds (each negotiator presorts
every outcome), so where a domain's runs would exceed --budget-s the script times a sample of
its pairs and scales it to the full count; the output says which domains were sampled.

Usage: negmas_tournament.py --genius-dir DIR --domains NAME=DOMAIN.xml,PROFILE1.xml,PROFILE2.xml ...
       [--repetitions 10] [--budget-s 10]
Prints one JSON line: per domain the runs timed, the seconds they took and the estimated seconds of
the full tournament on that domain."""
import argparse
import itertools
import json
import time
from pathlib import Path

from negmas.inout import Scenario
from negmas.sao import SAOMechanism
from negmas.sao.negotiators import (BoulwareTBNegotiator, ConcederTBNegotiator, LinearTBNegotiator,
                                    NaiveTitForTatNegotiator, RandomNegotiator)

AGENTS = [BoulwareTBNegotiator, ConcederTBNegotiator, LinearTBNegotiator, NaiveTitForTatNegotiator, RandomNegotiator]

ap = argparse.ArgumentParser()
ap.add_argument("--genius-dir", required=True)
ap.add_argument("--domains", nargs="+", required=True)
ap.add_argument("--repetitions", type=int, default=10)
ap.add_argument("--budget-s", type=float, default=10.0)
a = ap.parse_args()

report = {"agents": [x.__name__ for x in AGENTS], "repetitions": a.repetitions, "domains": {}}
for spec in a.domains:
    name, files = spec.split("=", 1)
    d, *profiles = (str(Path(a.genius_dir) / name / f) for f in files.split(","))
    sc = Scenario.from_genius_files(d, profiles, ignore_discount=True)
    # Every pair once, then again for each repetition: a sample's first runs cover the pairs.
    jobs = [pair for _ in range(a.repetitions) for pair in itertools.product(AGENTS, AGENTS)]
    timed, seconds, agreements = 0, 0.0, 0
    for i in itertools.count():
        # Every run while the budget lasts; past it, at least one pass over the pairs, up to 3× the budget.
        if i >= len(jobs) or (seconds > a.budget_s and timed >= len(AGENTS) ** 2) or seconds > 3 * a.budget_s:
            break
        x, y = jobs[i]
        t = time.perf_counter()
        m = SAOMechanism(outcome_space=sc.outcome_space, n_steps=100)
        m.add(x(name="a"), ufun=sc.ufuns[0])
        m.add(y(name="b"), ufun=sc.ufuns[1])
        state = m.run()
        seconds += time.perf_counter() - t
        timed += 1
        agreements += state.agreement is not None
    report["domains"][name] = {"outcomes": sc.outcome_space.cardinality, "runs": len(jobs), "timed": timed,
                               "seconds": seconds, "estimated_s": seconds * len(jobs) / timed,
                               "sampled": timed < len(jobs), "agreements": agreements}
print(json.dumps(report))

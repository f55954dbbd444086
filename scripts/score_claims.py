#!/usr/bin/env python3
"""Score `factdrill check` on the labelled claim set: accuracy, precision, recall, confusion.

    python scripts/score_claims.py                 # every split of every claim file, each apart
    python scripts/score_claims.py --claims tests/data/claims_heldout_review.toml   # one file only
    python scripts/score_claims.py --split dev --misses
    python scripts/score_claims.py --json          # the figures as JSON (the test pins a floor on them)

The claims (tests/data/claims.toml and tests/data/claims_heldout_review.toml) are labelled supported / refuted / not-in-sources /
disputed by reading the five articles. "4-way" scores our labels; "3-way" scores FEVER's
(SUPPORTS / REFUTES / NOT ENOUGH INFO, where a disputed claim counts as NOT ENOUGH INFO).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

try:
    import tomllib
except ModuleNotFoundError:  # Python 3.10
    import tomli as tomllib

from tui.core.factcheck import FEVER, LABELS, FactChecker  # noqa: E402

DEFAULT_CLAIMS = [ROOT / "tests" / "data" / "claims.toml", ROOT / "tests" / "data" / "claims_heldout_review.toml"]
DEFAULT_DECK = ROOT / "facts"
SHORT = {"supported": "SUP", "refuted": "REF", "not-in-sources": "NIS", "disputed": "DIS"}


def load_claims(path: Path) -> list[dict]:
    with path.open("rb") as handle:
        return tomllib.load(handle)["claims"]


def load(deck_paths: list[Path]) -> FactChecker:
    """The claim checker of the deck at ``deck_paths``."""
    from tui.core.deck.loading import load_deck
    from tui.core.session import DeckSession

    return DeckSession(load_deck(deck_paths)).fact_checker


def score(results: list[tuple[dict, str]]) -> dict:
    """Figures for (claim, predicted label) pairs."""
    n = len(results)
    confusion = {g: {p: 0 for p in LABELS} for g in LABELS}
    for claim, predicted in results:
        confusion[claim["label"]][predicted] += 1
    right4 = sum(confusion[g][g] for g in LABELS)
    right3 = sum(1 for claim, predicted in results if FEVER[claim["label"]] == FEVER[predicted])
    per_label = {}
    for label in LABELS:
        predicted = sum(confusion[g][label] for g in LABELS)
        actual = sum(confusion[label].values())
        hit = confusion[label][label]
        per_label[label] = {
            "precision": round(hit / predicted, 3) if predicted else None,
            "recall": round(hit / actual, 3) if actual else None,
            "predicted": predicted, "actual": actual,
        }
    return {
        "claims": n,
        "accuracy_4way": round(right4 / n, 3) if n else None,
        "accuracy_3way": round(right3 / n, 3) if n else None,
        "per_label": per_label,
        "confusion": confusion,
    }


def print_figures(name: str, figures: dict) -> None:
    n = figures["claims"]
    print(f"== {name}: {n} claims")
    print(f"4-way accuracy (supported / refuted / not in sources / disputed): {figures['accuracy_4way']:.1%}")
    print(f"3-way accuracy (FEVER: SUPPORTS / REFUTES / NOT ENOUGH INFO):      {figures['accuracy_3way']:.1%}")
    print(f"{'label':<16}{'precision':>10}{'recall':>8}{'gold':>6}{'said':>6}")
    for label, row in figures["per_label"].items():
        p = "-" if row["precision"] is None else f"{row['precision']:.0%}"
        r = "-" if row["recall"] is None else f"{row['recall']:.0%}"
        print(f"{label:<16}{p:>10}{r:>8}{row['actual']:>6}{row['predicted']:>6}")
    print("confusion (rows: gold label, columns: verdict)")
    print(" " * 6 + "".join(f"{SHORT[p]:>5}" for p in LABELS))
    for gold in LABELS:
        print(f"{SHORT[gold]:<6}" + "".join(f"{figures['confusion'][gold][p]:>5}" for p in LABELS))
    print()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--claims", type=Path, action="append",
                        help="a claim file (may repeat; default: the bundled claim files)")
    parser.add_argument("--deck", type=Path, action="append", help="deck path (default: the bundled deck)")
    parser.add_argument("--split", default=None,
                        help="score one split only (default: each split apart, then all)")
    parser.add_argument("--misses", action="store_true", help="list the claims judged wrongly, with the reason")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args(argv)

    checker = load(args.deck or [DEFAULT_DECK])
    claims = [claim for path in args.claims or DEFAULT_CLAIMS for claim in load_claims(path)]
    judged = [(claim, checker.check(claim["claim"])) for claim in claims]
    known = [*dict.fromkeys(c["split"] for c in claims), "all"]
    if args.split is not None and args.split not in known:
        parser.error(f"--split: no split {args.split!r} in these claims (they have: {', '.join(known)})")
    splits = [args.split] if args.split else known
    report = {}
    for split in splits:
        chosen = [(c, v) for c, v in judged if split == "all" or c["split"] == split]
        report[split] = score([(c, v.label) for c, v in chosen])
    if args.misses and not args.json:
        for claim, verdict in judged:
            if verdict.label != claim["label"] and (args.split in (None, "all") or claim["split"] == args.split):
                print(f"{claim['id']} gold={claim['label']} said={verdict.label} ({verdict.confidence}): "
                      f"{claim['claim']}\n      reason: {verdict.reason}")
    if args.json:
        print(json.dumps(report, indent=2))
        return 0
    for split in splits:
        print_figures(split, report[split])
    return 0


if __name__ == "__main__":
    try:
        raise SystemExit(main())
    except BrokenPipeError:  # `score_claims.py | head`: the reader left, which is no error
        import os

        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        raise SystemExit(0)

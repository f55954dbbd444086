"""A floor under the fact checker's measured figures (scripts/score_claims.py on tests/data/claims.toml and
tests/data/claims_heldout_review.toml), so they cannot silently fall. The floors sit a little under the figures
measured when they were set."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

try:
    import tomllib
except ModuleNotFoundError:  # Python 3.10
    import tomli as tomllib

ROOT = Path(__file__).parent.parent
CLAIMS = ROOT / "tests" / "data" / "claims.toml"
# Written by a reviewer from the five articles alone, before reading claims.toml or the checker; scored as its
# own split. It first scored 63.9 % (4-way and 3-way) at first sight, before any fix made after seeing it.
REVIEW_CLAIMS = ROOT / "tests" / "data" / "claims_heldout_review.toml"
LABELS = {"supported", "refuted", "not-in-sources", "disputed"}

# split -> (4-way accuracy floor, 3-way accuracy floor); measured 0.970/0.970, 0.853/0.941, 0.903/0.903,
# and heldout-review 0.742/0.742 after the review-12 fixes (0.639/0.639 at first sight).
FLOORS = {"dev": (0.95, 0.95), "held-out": (0.82, 0.88), "held-out-2": (0.80, 0.80),
          "heldout-review": (0.72, 0.72)}


@pytest.fixture(scope="module")
def report() -> dict:
    result = subprocess.run([sys.executable, str(ROOT / "scripts" / "score_claims.py"), "--json"],
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_the_claim_set_is_large_and_labelled_over_every_verdict():
    claims = tomllib.loads(CLAIMS.read_text(encoding="utf-8"))["claims"]
    assert len(claims) >= 120
    assert {c["label"] for c in claims} == LABELS
    assert len({c["id"] for c in claims}) == len(claims)
    held_out = [c for c in claims if c["split"].startswith("held-out")]
    assert len(held_out) >= 30
    assert {c["label"] for c in held_out} == LABELS


def test_the_review_set_is_its_own_split_over_every_verdict():
    claims = tomllib.loads(REVIEW_CLAIMS.read_text(encoding="utf-8"))["claims"]
    assert len(claims) >= 60
    assert {c["split"] for c in claims} == {"heldout-review"}
    assert {c["label"] for c in claims} == LABELS
    main_ids = {c["id"] for c in tomllib.loads(CLAIMS.read_text(encoding="utf-8"))["claims"]}
    assert len({c["id"] for c in claims}) == len(claims) and not main_ids & {c["id"] for c in claims}


@pytest.mark.parametrize("split", sorted(FLOORS))
def test_accuracy_stays_above_its_floor(report, split):
    four, three = FLOORS[split]
    assert report[split]["accuracy_4way"] >= four
    assert report[split]["accuracy_3way"] >= three


def test_refuted_is_said_with_high_precision(report):
    """Calling a true or unaddressed claim refuted is the worst mistake a fact-checker makes."""
    assert report["all"]["per_label"]["refuted"]["precision"] >= 0.9
    assert report["all"]["confusion"]["not-in-sources"]["refuted"] <= 1


def test_the_review_set_has_no_false_or_unaddressed_claim_called_supported(report):
    """The worst mistakes on the reviewer's set, all fixed by general rules: none may come back."""
    confusion = report["heldout-review"]["confusion"]
    assert confusion["refuted"]["supported"] == 0
    assert confusion["not-in-sources"]["supported"] == 0
    assert confusion["not-in-sources"]["refuted"] == 0

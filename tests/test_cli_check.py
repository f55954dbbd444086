"""`factdrill check`, run as a user runs it: the real command in a subprocess (text and JSON)."""

from __future__ import annotations

import json

import pytest

from tests.test_cli_scripting import factdrill


def test_check_427_drones_text_names_the_refuting_fact_and_both_figures():
    result = factdrill("check", "Russia sent 427 drones in one night")
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "Refuted" in out and "427 ≠ 472 (article 003)" in out
    assert "record-472-drones" in out
    assert "the Kremlin deployed a record 472 drones" in out  # the quote, in its paragraph
    assert "Outlet unknown" in out  # provenance with the quote


def test_check_json_carries_both_labels_reason_confidence_and_evidence():
    result = factdrill("check", "Russia launched a record 472 drones at Ukraine in a single night", "--json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["label"] == "supported" and data["label_text"] == "Supported"
    assert data["fever_label"] == "SUPPORTS"
    assert data["confidence"] in ("clear", "likely", "weak")
    assert data["reason"]
    [evidence] = data["evidence"]
    assert evidence["fact_id"] == "record-472-drones" and evidence["role"] == "supports"
    [source] = evidence["sources"]
    assert source["id"] == "article-003" and "472 drones" in source["quote"]
    start, end = source["span"]
    assert end - start == len(source["quote"])


@pytest.mark.parametrize("claim, label, fever", [
    ("China's foreign ministry publicly welcomed the resumption of talks in Istanbul.", "not-in-sources",
     "NOT ENOUGH INFO"),
    ("Russia sent a junior team to the first round", "disputed", "NOT ENOUGH INFO"),
    ("Sergei Lavrov led Russia's delegation at the Istanbul talks.", "refuted", "REFUTES"),
])
def test_check_json_labels_and_exit_zero_for_every_verdict(claim, label, fever):
    result = factdrill("check", claim, "--json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert (data["label"], data["fever_label"]) == (label, fever)


def test_check_disputed_text_shows_both_sides():
    result = factdrill("check", "Russia sent a junior team to the first round")
    assert result.returncode == 0
    assert "Disputed" in result.stdout
    assert "junior team" in result.stdout and "senior officials" in result.stdout


def test_the_claim_may_come_as_several_words():
    joined = factdrill("check", "--json", "Russia", "sent", "427", "drones", "in", "one", "night")
    assert json.loads(joined.stdout)["label"] == "refuted"


@pytest.mark.parametrize("args", [("check",), ("check", "   "), ("check", "x", "--bogus")])
def test_usage_errors_exit_2_without_a_traceback(args):
    result = factdrill(*args)
    assert result.returncode == 2
    assert "Traceback" not in result.stderr and "usage:" in result.stderr


def test_claim_text_is_shown_as_data_never_markup():
    result = factdrill("check", "[bold]Umerov[/bold] led \x1b[31mthe\x1b[0m delegation to Istanbul")
    assert result.returncode == 0
    assert "[bold]Umerov[/bold]" in result.stdout
    assert "\x1b[31m" not in result.stdout

"""Taking a drill in the TUI as a pupil does: name first, a countdown, a timed-out question saved as
unanswered, feedback or exam mode, the end screen with the pass mark; and Report mode (key 4)."""

from __future__ import annotations

from pathlib import Path


from drill_helpers import FakeClock, ferries_drill, right_answer, write_drill
from tui.app.drill_app import DrillApp
from tui.core.drills.rounds import prepare_drill
from tui.core.results.opening import open_results

DRILL = ferries_drill('["typed", "cloze"]', feedback='"FEEDBACK"')
SIZE = (100, 30)


def _prepared(tmp_path: Path, feedback: str = "each"):
    return prepare_drill(write_drill(tmp_path, DRILL.replace("FEEDBACK", feedback)))


async def _type(pilot, text: str) -> None:
    for character in text:
        await pilot.press(character if character != " " else "space")
    await pilot.press("enter")


async def _first_right(pilot, app, wait_for, screen_text, *, then_next: bool = True) -> None:
    """Answer question 1 right, see "Correct", and (by default) move on to question 2."""
    await wait_for(pilot, lambda: "Question 1 of 3" in screen_text(app), "the first question")
    await _type(pilot, right_answer(app.session.current))
    await wait_for(pilot, lambda: "Correct" in screen_text(app), "feedback")
    if then_next:
        await pilot.press("enter")
        await wait_for(pilot, lambda: "Question 2 of 3" in screen_text(app), "the second question")


async def test_the_name_comes_first_and_is_required(tmp_path, wait_for, screen_text) -> None:
    app = DrillApp(_prepared(tmp_path), tmp_path / "results", clock=FakeClock())
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, lambda: "Your name" in screen_text(app), "the name form")
        assert "Ferries check" in screen_text(app) and "30 seconds per question" in screen_text(app)
        await pilot.press("enter")
        await wait_for(pilot, lambda: "A name is needed" in screen_text(app), "the name is required")
        await _type(pilot, " Ada  Lovelace ")
        await wait_for(pilot, lambda: "Question 1 of 3" in screen_text(app), "the first question")
        text = screen_text(app)
        assert "Ada Lovelace" in text and "0:30 left" in text
    with open_results(tmp_path / "results") as store:
        [attempt] = store.attempts("ferries")
    assert attempt.pupil == "Ada Lovelace" and attempt.state == "quit"  # quitting closes the attempt


async def test_time_out_feedback_and_end_screen(tmp_path, wait_for, screen_text) -> None:
    clock = FakeClock()
    prepared = _prepared(tmp_path)
    app = DrillApp(prepared, tmp_path / "results", name="Bo", clock=clock)
    async with app.run_test(size=SIZE) as pilot:
        await _first_right(pilot, app, wait_for, screen_text)
        clock.advance(12)
        await wait_for(pilot, lambda: "0:18 left" in screen_text(app), "the countdown moving")
        clock.advance(19)
        await wait_for(pilot, lambda: "Time was up" in screen_text(app), "the time-out")
        # The pupil did not skip it: the feedback says so, as the end screen and the report do.
        await wait_for(pilot, lambda: "The answer:" in screen_text(app), "the right answer")
        assert "Time up  The answer:" in screen_text(app) and "Skipped" not in screen_text(app)
        await pilot.press("enter")
        await wait_for(pilot, lambda: "Question 3 of 3" in screen_text(app), "the third question")
        await _type(pilot, "nothing like it")
        await wait_for(pilot, lambda: "Incorrect" in screen_text(app), "feedback")
        await pilot.press("enter")
        await wait_for(pilot, lambda: "End of drill" in screen_text(app), "the end screen")
        text = screen_text(app)
        assert "Score 1 of 3 (33%) · not passed · pass mark 60%" in text and "Time up" in text
    with open_results(tmp_path / "results") as store:
        rows = store.answers("ferries")
        [attempt] = store.attempts("ferries")
    assert [(r.verdict, r.timed_out) for r in rows] == [("correct", False), ("skipped", True), ("incorrect", False)]
    assert attempt.state == "finished"


async def test_exam_mode_shows_no_feedback_until_the_end(tmp_path, wait_for, screen_text) -> None:
    app = DrillApp(_prepared(tmp_path, "end"), tmp_path / "results", name="Cy", clock=FakeClock())
    async with app.run_test(size=SIZE) as pilot:
        for number in (1, 2, 3):
            await wait_for(pilot, lambda: f"Question {number} of 3" in screen_text(app), f"question {number}")
            await _type(pilot, right_answer(app.session.current))
            if number < 3:
                await wait_for(pilot, lambda: f"Question {number + 1} of 3" in screen_text(app), "no feedback")
                assert "Correct" not in screen_text(app)
        await wait_for(pilot, lambda: "End of drill" in screen_text(app), "the end screen")
        assert "Score 3 of 3 (100%) · passed" in screen_text(app)


async def test_report_mode_shows_the_class(tmp_path, wait_for, screen_text) -> None:
    from tui.app.app import FactdrillApp

    clock = FakeClock()
    prepared = _prepared(tmp_path)
    pupil = DrillApp(prepared, tmp_path / "results", name="Dee", clock=clock)
    async with pupil.run_test(size=SIZE) as pilot:
        await _first_right(pilot, pupil, wait_for, screen_text, then_next=False)
    teacher = FactdrillApp(prepared.deck, mode="browse", results=tmp_path / "results")
    async with teacher.run_test(size=(120, 40)) as pilot:
        await pilot.press("4")
        await wait_for(pilot, lambda: "Dee" in screen_text(teacher), "the pupil in the report")
        text = screen_text(teacher)
        assert "Ferries check" in text and "1/3" in text and "Most missed" in text
        # Another pupil starts while the teacher watches: the report refreshes by itself.
        from tui.core.drills.recording import ResultsRecorder

        recorder = ResultsRecorder.start(tmp_path / "results", prepared, "Eli Newcomer")
        try:
            await wait_for(pilot, lambda: "Eli Newcomer" in screen_text(teacher), "the live refresh")
            assert "Still answering" in screen_text(teacher)
        finally:
            recorder.close()


async def test_a_reloaded_drill_carries_on_and_a_finished_one_needs_retry_allowed(
        tmp_path, wait_for, screen_text) -> None:
    prepared = _prepared(tmp_path, "end")  # no feedback between questions
    first = DrillApp(prepared, tmp_path / "results", name="Eve", clock=FakeClock())
    async with first.run_test(size=SIZE) as pilot:  # the tab closes after one answer
        await wait_for(pilot, lambda: "Question 1 of 3" in screen_text(first), "the first question")
        await _type(pilot, right_answer(first.session.current))
        await wait_for(pilot, lambda: "Question 2 of 3" in screen_text(first), "the second question")
    again = DrillApp(prepared, tmp_path / "results", clock=FakeClock())
    async with again.run_test(size=SIZE) as pilot:
        await wait_for(pilot, lambda: "Your name" in screen_text(again), "the name form")
        await _type(pilot, "eve")
        await wait_for(pilot, lambda: "Question 2 of 3" in screen_text(again), "carried on at question 2")
        assert "Welcome back" in screen_text(again) and "1 of 3 questions are answered" in screen_text(again)
        for number in (2, 3):
            await wait_for(pilot, lambda: f"Question {number} of 3" in screen_text(again), f"question {number}")
            await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: "End of drill" in screen_text(again), "the end screen")
        assert "Score 1 of 3" in screen_text(again)  # the answer given before the reload counts
    third = DrillApp(prepared, tmp_path / "results", clock=FakeClock())
    async with third.run_test(size=SIZE) as pilot:
        await wait_for(pilot, lambda: "Your name" in screen_text(third), "the name form")
        await _type(pilot, "eve")
        await wait_for(pilot, lambda: "cannot be taken again" in screen_text(third), "retry refused")


async def test_retry_on_the_end_screen_when_allowed(tmp_path, wait_for, screen_text) -> None:
    body = DRILL.replace("FEEDBACK", "end").replace("pass_mark = 60", "pass_mark = 60\nretry = true")
    path = write_drill(tmp_path, body)
    app = DrillApp(prepare_drill(path), tmp_path / "results", name="Fay", clock=FakeClock())
    async with app.run_test(size=SIZE) as pilot:
        for number in (1, 2, 3):
            await wait_for(pilot, lambda: f"Question {number} of 3" in screen_text(app), f"question {number}")
            await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: "End of drill" in screen_text(app), "the end screen")
        assert "Score 0 of 3" in screen_text(app) and "r: take it again" in screen_text(app)
        await pilot.press("r")
        await wait_for(pilot, lambda: "Question 1 of 3" in screen_text(app), "a second attempt")
    with open_results(tmp_path / "results") as store:
        attempts = store.attempts("ferries")
    assert [a.state for a in attempts] == ["finished", "quit"] and {a.pupil for a in attempts} == {"Fay"}


async def test_stopping_asks_first_and_keeps_the_answers(tmp_path, wait_for, screen_text) -> None:
    app = DrillApp(_prepared(tmp_path), tmp_path / "results", name="Hal", clock=FakeClock())
    async with app.run_test(size=SIZE) as pilot:
        await _first_right(pilot, app, wait_for, screen_text)
        await pilot.press("escape")
        await wait_for(pilot, lambda: "Stop the drill? 1 of 3 answered" in screen_text(app), "the question")
        await pilot.press("n")
        await wait_for(pilot, lambda: "Stop the drill?" not in screen_text(app), "back to the drill")
        assert "Question 2 of 3" in screen_text(app)
        await pilot.press("escape")
        await wait_for(pilot, lambda: "Stop the drill?" in screen_text(app), "asked again")
        await pilot.press("y")
        await wait_for(pilot, lambda: "End of drill" in screen_text(app), "the end screen")
        assert "Score 1 of 3 (33%)" in screen_text(app) and "2 not reached" in screen_text(app)
    with open_results(tmp_path / "results") as store:
        [attempt] = store.attempts("ferries")
        assert attempt.state == "quit" and len(store.answers("ferries")) == 1


async def test_a_stray_enter_never_answers_the_next_choice_question(tmp_path, wait_for, screen_text) -> None:
    # "c" then Enter out of habit (exam mode moves on at once), or Enter twice on feedback: the Enter
    # lands on the next question's options and must not pick option A for a question not yet read.
    for feedback in ("end", "each"):
        folder = tmp_path / feedback
        folder.mkdir()
        drill = write_drill(folder, ferries_drill('["choice"]', feedback=f'"{feedback}"'))
        app = DrillApp(prepare_drill(drill), folder / "results", name="Ida", clock=FakeClock())
        async with app.run_test(size=SIZE) as pilot:
            await wait_for(pilot, lambda: "Question 1 of 3" in screen_text(app), "the first question")
            await pilot.press(right_answer(app.session.current).lower())  # the key a pupil presses
            if feedback == "each":
                await wait_for(pilot, lambda: "Correct" in screen_text(app), "feedback")
                await pilot.press("enter")
            await pilot.press("enter")
            await wait_for(pilot, lambda: "Question 2 of 3" in screen_text(app), "the second question")
            await pilot.pause()
            assert "Question 2 of 3" in screen_text(app)
            await pilot.press("down", "enter")  # choosing with the arrows still works
            await wait_for(pilot, lambda: len(app.session.result().results) == 2, "the second answer")
        with open_results(folder / "results") as store:
            rows = store.answers("ferries")
        assert [r.number for r in rows] == [1, 2] and rows[1].given.startswith("A.")


async def test_the_drills_time_running_out_during_feedback_ends_it_as_time_up(tmp_path, wait_for,
                                                                                screen_text) -> None:
    # A pupil still reading feedback when the whole drill's time runs out gets the end screen at once
    # (not a question that can no longer be answered), and every question left shows "Time up".
    clock = FakeClock()
    drill = write_drill(tmp_path, ferries_drill('["typed", "cloze"]', round_seconds="60"))
    app = DrillApp(prepare_drill(drill), tmp_path / "results", name="Jo", clock=clock)
    async with app.run_test(size=SIZE) as pilot:
        await _first_right(pilot, app, wait_for, screen_text, then_next=False)
        clock.advance(61)
        await wait_for(pilot, lambda: "End of drill" in screen_text(app), "the end screen")
        text = screen_text(app)
        assert "Score 1 of 3" in text and text.count("Time up") == 2 and "Skipped" not in text
    with open_results(tmp_path / "results") as store:
        [attempt] = store.attempts("ferries")
        rows = store.answers("ferries")
    assert attempt.state == "finished" and [r.timed_out for r in rows] == [False, True, True]

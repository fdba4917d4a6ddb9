"""Knowledge checks: the format, its checks with lines, the run and the class report."""

from __future__ import annotations

import pytest

from app.core.check_report import check_report
from app.core.checks import NOT_SURE, CheckRun, load_check_text
from tests.core.sample import CHECK_VALID, line_of


def _check():
    result = load_check_text(CHECK_VALID, "check.yaml")
    assert result.problems == [], result.problems
    return result.check


def _problems(text: str) -> list:
    result = load_check_text(text, "check.yaml")
    assert result.check is None
    return result.problems


def test_a_valid_check_loads_with_stable_text_ids():
    check = _check()
    assert len(check.items) == 8
    item = check.items[0]
    assert item.prompt.id == "check-sample.item-1.prompt"
    assert item.options[0].text.id == "check-sample.item-1.tell"
    assert item.correct_id == "tell"
    assert check.text_lines[item.prompt.id] == line_of(CHECK_VALID, "Question 1.")


def test_options_are_shuffled_the_same_way_every_time():
    check = _check()
    orders = [tuple(o.id for o in i.shown_options()) for i in check.items]
    assert orders == [tuple(o.id for o in i.shown_options()) for i in _check().items]
    # The right answer does not sit in the author's place (first) in every item.
    assert {order.index("tell") for order in orders} != {0}


def test_two_right_answers_are_reported_on_the_options_line():
    text = CHECK_VALID.replace(
        "{id: keep-quiet, text: Keep it quiet.}",
        "{id: keep-quiet, text: Keep it quiet., correct: true}",
        1,
    )
    (problem,) = _problems(text)
    assert "2 options marked correct" in problem.message
    assert "exactly one" in problem.fix
    assert problem.line == line_of(text, "Question 1.") + 1


def test_too_few_items_and_an_unknown_skill_are_explained():
    head, *_ = CHECK_VALID.split("  - id: item-2")
    problems = _problems(head.replace("skill: gifts", "skill: gift"))
    messages = " ".join(p.message + " " + p.fix for p in problems)
    assert "needs at least 8" in messages
    assert "did you mean 'gifts'" in messages


def test_the_apps_own_not_sure_option_cannot_be_written():
    text = CHECK_VALID.replace("{id: reply-back,", f"{{id: {NOT_SURE},", 1)
    (problem,) = _problems(text)
    assert "the app's own option" in problem.message


def test_a_run_records_answers_and_not_sure_is_never_right():
    run = CheckRun(_check(), "before")
    assert run.number == 1
    assert run.answer("tell") is True
    assert run.answer(NOT_SURE) is False
    with pytest.raises(ValueError):
        run.answer("no-such-option")
    for _ in range(6):
        run.answer("keep-quiet")
    assert run.finished and run.item is None
    with pytest.raises(RuntimeError):
        run.answer("tell")


def _rows(learner: int, phase: str, right: int, check) -> list:
    return [(learner, phase, item.id, n < right) for n, item in enumerate(check.items)]


def test_report_counts_complete_runs_and_pairs_learners():
    check = _check()
    rows = [
        *_rows(1, "before", 2, check),
        *_rows(1, "after", 6, check),
        *_rows(2, "before", 4, check),
        *_rows(2, "after", 8, check),
        *_rows(3, "before", 3, check),  # no "after" yet
        (4, "after", check.items[0].id, True),  # stopped after one answer: left out
    ]
    report = check_report(check, rows)
    assert report.before == (0.25, 0.5, 0.375)
    assert report.after == (0.75, 1.0)
    assert report.paired == ((0.25, 0.75), (0.5, 1.0))
    assert report.mean_gain == pytest.approx(0.5)
    # Pooled SD of before (0.25, 0.5) and after (0.75, 1.0) is 0.1768: d = 0.5 / 0.1768.
    assert report.effect_size == pytest.approx(2.828, abs=0.001)
    first = report.items[0]
    assert (first.before, first.after) == (1.0, 1.0)
    last = report.items[-1]
    assert (last.before, last.after) == (0.0, 0.5)


def test_report_needs_two_paired_learners_for_an_effect_size():
    check = _check()
    report = check_report(check, [*_rows(1, "before", 2, check), *_rows(1, "after", 6, check)])
    assert report.mean_gain == pytest.approx(0.5)
    assert report.effect_size is None
    empty = check_report(check, [])
    assert empty.mean_before is None and empty.mean_after is None and empty.effect_size is None

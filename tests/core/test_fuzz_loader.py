"""Property: no file, however broken, can crash or hang the content loader.

For ANY text (and any bytes on disk) load_lesson_text, load_lesson, load_library and
load_helplines return either a clean result with no problems, or no result with at least
one problem; every problem names the file, a line inside it (>= 1) and a message. They
never raise and never hang.

The inputs: (1) arbitrary text and bytes, YAML-shaped token soup, and the classic attacks
(alias bombs, deep nesting, huge numbers, tags, control characters, invalid UTF-8);
(2) the valid lessons parsed, mutated as data (keys deleted, renamed or retyped, lists
shuffled, ids made to clash, links pointed at nothing) and dumped back; (3) the valid
lessons mutated line by line (lines deleted, duplicated, swapped, re-indented).

Each property runs 150 fixed examples under the default profile (see tests/conftest.py);
HYPOTHESIS_PROFILE=long searches 5000 fresh ones. Every bug the fuzzer found has its
own regression test with the smallest input, at the end of this file.
"""

from __future__ import annotations

import copy
import signal
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.core.helplines import load_helplines
from app.core.loader import load_lesson, load_lesson_text, load_library
from app.core.problems import Problem, display_path
from app.core.yamlsource import MAX_DEPTH, MAX_VALUES
from app.paths import EXAMPLES, HELPLINES, LESSONS
from tests.core.sample import VALID, line_of

TESTS = Path(__file__).resolve().parent.parent
VALID_FILES = [
    LESSONS / "8-10" / "new-online-friend.yaml",
    EXAMPLES / "every-activity-type.yaml",
    *sorted((TESTS / "ui" / "lessons").glob("*.yaml")),
]
VALID_TEXTS = [VALID, *(path.read_text(encoding="utf-8") for path in VALID_FILES)]
VALID_DATA = [yaml.safe_load(text) for text in VALID_TEXTS]
HELPLINES_TEXT = HELPLINES.read_text(encoding="utf-8")
HELPLINES_DATA = yaml.safe_load(HELPLINES_TEXT)
HANG_SECONDS = 5.0  # one load takes milliseconds; this only catches a hang
# Generating nested data and writing files is slow for the health check, not for us.
FUZZ = settings(suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


# --- the property -----------------------------------------------------------------------


class HangError(Exception):
    pass


def timed(load: Callable[..., Any], *args: Any) -> Any:
    """Call load(*args); fail if it takes HANG_SECONDS, stopping it where SIGALRM exists."""

    def on_alarm(signum: int, frame: Any) -> None:
        raise HangError(f"{load.__name__} still running after {HANG_SECONDS}s")

    alarm = hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()
    if alarm:
        previous = signal.signal(signal.SIGALRM, on_alarm)
        signal.setitimer(signal.ITIMER_REAL, HANG_SECONDS)
    start = time.perf_counter()
    try:
        result = load(*args)
    finally:
        if alarm:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, previous)
    elapsed = time.perf_counter() - start
    assert elapsed < HANG_SECONDS, f"{load.__name__} took {elapsed:.1f}s"
    return result


def lines_in(text: str) -> int:
    # str.splitlines breaks on every line break libyaml knows (and a few more).
    return len(text.splitlines()) + 1


def assert_problems_are_sound(problems: list[Problem], names: set[str], most_lines: int) -> None:
    for problem in problems:
        assert isinstance(problem, Problem)
        assert problem.file in names, problem
        assert isinstance(problem.line, int) and 1 <= problem.line <= most_lines, problem
        assert isinstance(problem.message, str) and problem.message.strip(), problem
        assert isinstance(problem.fix, str)
        assert str(problem)


def assert_lesson_result(result: Any, name: str, text: str) -> None:
    """A lesson and no problems, or no lesson and at least one problem."""
    if result.lesson is None:
        assert result.problems, "no lesson and no problem"
    else:
        assert result.problems == []
        assert result.lesson.source_file == name
        for activity in result.lesson.activities:
            activity.start()  # a lesson that loads can be played
    assert_problems_are_sound(result.problems, {name}, lines_in(text))


def check_text(text: str, name: str = "fuzz.yaml") -> Any:
    result = timed(load_lesson_text, text, name)
    assert_lesson_result(result, name, text)
    return result


def check_bytes(raw: bytes) -> Any:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "fuzz.yaml"
        path.write_bytes(raw)
        result = timed(load_lesson, path)
        assert_lesson_result(result, display_path(path), raw.decode("utf-8", errors="replace"))
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError:
            assert result.lesson is None
        else:
            # On disk or in memory, the same text gives the same verdict.
            same = load_lesson_text(text.replace("\r\n", "\n").replace("\r", "\n"), "x")
            assert (same.lesson is None) == (result.lesson is None)
        return result


def check_helplines(raw: bytes) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "helplines.yaml"
        path.write_bytes(raw)
        result = timed(load_helplines, path)
    if result.problems:
        assert result.countries == {}
    else:
        assert result.countries
    text = raw.decode("utf-8", errors="replace")
    assert_problems_are_sound(result.problems, {display_path(path)}, lines_in(text))


# --- (1) arbitrary text and bytes ------------------------------------------------------

SURROGATES = st.characters(min_codepoint=0xD800, max_codepoint=0xDFFF)
ANY_CHARACTER = st.one_of(st.characters(), st.characters(max_codepoint=0x7F), SURROGATES)

YAML_TOKENS = [
    *("\n", "\n", "  ", "    ", "\t", " ", ": ", ":", "- ", "-", "? ", ",", "#", "'", '"'),
    *("[", "]", "{", "}", "|\n", ">-\n", "---\n", "...\n", "%YAML 1.1\n", "%TAG ! tag:x,1:\n"),
    *("&a ", "&b ", "*a", "*b", "<<: *a", "=: ", "!!python/object:os.system ", "!!int ", "!!bool "),
    *("!!float ", "!!timestamp ", "!!binary ", "!!set ", "!!omap ", "!!str ", "!local ", "!<x> "),
    *("~", "null", "yes", "no", "on", "true", ".nan", "-.inf", "0x1F", "0o17", "1_000", "1:20:30"),
    *("2020-02-30", "2026-11-28", "9" * 120, "0x" + "f" * 200, "1e999", "\ufeff", "\x00", "\x07"),
    *("\x85", "\u2028", "\r\n", "\r", "\ufffe", "\U0001f600", "\u202e", "id", "type", "next"),
    *("schema_version: 1\n", "activities:\n", "states:\n", "choices:\n", "type: chat\n", "bin"),
]
TOKEN_SOUP = st.lists(
    st.sampled_from(YAML_TOKENS) | st.text(ANY_CHARACTER, max_size=4), max_size=60
).map("".join)


def alias_bomb(levels: int, fanout: int, where: str) -> str:
    """'Billion laughs': each anchor repeats the one before `fanout` times."""
    rows = ["a0: &a0 [" + ", ".join(["lol"] * fanout) + "]"]
    for level in range(1, levels):
        rows.append(f"a{level}: &a{level} [" + ", ".join([f"*a{level - 1}"] * fanout) + "]")
    bomb = "\n".join(rows) + "\n"
    if where == "alone":
        return bomb
    key = {"objectives": "objectives:", "intro": "intro:", "top": "activities:"}[where]
    # the bomb's anchors under a key of their own, the last one as the lesson's `key`
    anchors = "bombs:\n  " + bomb.replace("\n", "\n  ").rstrip() + "\n"
    return VALID.replace(key, f"{anchors}{key} *a{levels - 1}\nold_{key}", 1)


def nested(depth: int, kind: str) -> str:
    if kind == "block-map":
        body = "".join("  " * i + f"k{i}:\n" for i in range(depth)) + "  " * depth + "x"
    elif kind == "block-list":
        body = "".join("  " * i + "-\n" for i in range(depth)) + "  " * depth + "x"
    elif kind == "flow-map":
        body = "{k: " * depth + "x" + "}" * depth
    elif kind == "flow-list":
        body = "[" * depth + "x" + "]" * depth
    else:  # unclosed
        body = "[{" * depth
    return "deep:\n" + body + "\n" if kind.startswith("block") else f"deep: {body}\n"


ATTACKS = st.one_of(
    st.builds(
        alias_bomb,
        st.integers(1, 12),
        st.integers(1, 12),
        st.sampled_from(["alone", "objectives", "intro", "top"]),
    ),
    st.builds(
        nested,
        st.integers(1, 1100),
        st.sampled_from(["block-map", "block-list", "flow-map", "flow-list", "unclosed"]),
    ),
    # a value that contains itself, in a list and in a mapping
    st.sampled_from(["a: &a [*a]\n", "a: &a {b: *a}\n", "a: &a [[[*a]]]\n", "&a [*a, *a]\n"]),
    # huge and odd numbers where the schema wants small whole numbers
    st.builds(
        lambda key, number: VALID.replace(f"{key}:", f"{key}: {number} #", 1),
        st.sampled_from(["order", "duration_minutes", "schema_version", "id"]),
        st.one_of(
            st.integers(1, 6000).map(lambda n: "9" * n),
            st.integers(1, 3000).map(lambda n: "0x" + "f" * n),
            st.integers(1, 3000).map(lambda n: "0b" + "1" * n),
            st.sampled_from(["1e99999", "-.inf", ".nan", "1:2:3:4:5:6:7", "0o777", "-0", "20.0"]),
        ),
    ),
    # very long lines and values
    st.integers(1, 200_000).map(lambda n: VALID.replace("title: Sample", "title: " + "x" * n)),
    st.integers(1, 5_000).map(lambda n: "k: [" + ", ".join(["1"] * n) + "]\n"),
    # tags, anywhere a value goes
    st.builds(
        lambda tag, value: VALID.replace("title: Sample", f"title: {tag} {value}"),
        st.sampled_from(
            ["!!python/object:os.system", "!!python/name:os.system", "!!python/tuple", "!!int"]
            + ["!!float", "!!bool", "!!timestamp", "!!binary", "!!set", "!!map", "!!seq", "!!omap"]
            + ["!!pairs", "!!null", "!!merge", "!!value", "!custom", "!!str", "!<tag:x,2000:y>"]
        ),
        st.sampled_from(["Sample", "[a, b]", "{a: 1}", "2020-02-30", "~", "''", "!!int 1"]),
    ),
)

ANY_TEXT = st.one_of(st.text(ANY_CHARACTER, max_size=300), TOKEN_SOUP, ATTACKS)


@FUZZ
@given(ANY_TEXT)
def test_any_text_loads_or_is_reported(text):
    check_text(text)


ENCODINGS = ["utf-8", "utf-8-sig", "utf-16", "utf-16-be", "utf-32", "latin-1", "cp1252"]


@st.composite
def corrupted_bytes(draw) -> bytes:
    """A valid lesson's bytes with a few bytes changed, inserted or cut off."""
    raw = bytearray(draw(st.sampled_from(VALID_TEXTS)).encode("utf-8"))
    for _ in range(draw(st.integers(1, 4))):
        at = draw(st.integers(0, len(raw)))
        byte = draw(
            st.sampled_from([0x00, 0x0D, 0x80, 0xC3, 0xEF, 0xFE, 0xFF]) | st.integers(0, 255)
        )
        action = draw(st.sampled_from(["set", "insert", "cut"]))
        if action == "set" and at < len(raw):
            raw[at] = byte
        elif action == "insert":
            raw[at:at] = bytes([byte])
        else:
            del raw[at:]
    return bytes(raw)


ANY_BYTES = st.one_of(
    st.binary(max_size=400),
    corrupted_bytes(),
    st.builds(
        lambda text, codec: text.encode(codec, errors="replace"),
        st.sampled_from(VALID_TEXTS) | st.text(max_size=200),
        st.sampled_from(ENCODINGS),
    ),
    ANY_TEXT.map(lambda text: text.encode("utf-8", errors="surrogatepass")),
)


@FUZZ
@given(ANY_BYTES)
def test_any_bytes_on_disk_load_or_are_reported(raw):
    check_bytes(raw)


# --- (2) structure-aware mutations of the valid lessons ---------------------------------


LINKS = ("next", "bin", "start")


def _walk(node: Any, found: dict[str, list]) -> None:
    if isinstance(node, dict):
        found["dicts"].append(node)
        if any(isinstance(node.get(key), str) for key in LINKS):
            found["links"].append(node)
        for key, value in node.items():
            found["keys"].append(key)
            if key in ("id", *LINKS, "as") and isinstance(value, str):
                found["ids"].append(value)
            _walk(value, found)
    elif isinstance(node, list):
        found["lists"].append(node)
        if len(node) > 1 and all(
            isinstance(i, dict) and isinstance(i.get("id"), str) for i in node
        ):
            found["siblings"].append(node)  # a list of items with ids: states, cards, bins...
        for item in node:
            _walk(item, found)


def survey(data: Any) -> dict[str, list]:
    found: dict[str, list] = {
        key: [] for key in ("dicts", "lists", "keys", "ids", "links", "siblings")
    }
    _walk(data, found)
    return found


KNOWN = survey(VALID_DATA + [HELPLINES_DATA])
KNOWN_KEYS = sorted(set(KNOWN["keys"]))
KNOWN_IDS = sorted(set(KNOWN["ids"]))

ODD_TEXT = st.sampled_from(
    ["", " ", "\t", "8-10", "true_false", "them", "me", "narrator", "safe", "caution", "no"]
    + ["profile", "conversation", "#12345g", "#ABCDEF", "\u202e", "😀😀", "x" * 300, "a\x00b"]
    + ["2020-02-30", "null", "~", "yes", "1", "-1", 'Mrs O\'Neil: "hi"', "- a", "key: value"]
)
SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(10**30), 10**30),
    st.sampled_from([0, 1, 2, 3, 5, 6, 120, 121, -1, 2**63, 10**99, 10**120]),
    st.floats(),
    st.text(max_size=20),
    st.text(st.characters(min_codepoint=0x80), max_size=10),
    ODD_TEXT,
    st.sampled_from(KNOWN_IDS),
)
# Keys: the format's own, misspelt ones, and YAML keys that are not text (1:, no:, null:).
KEYS = st.one_of(
    st.sampled_from(KNOWN_KEYS),
    st.text(max_size=8),
    st.integers(-5, 5),
    st.booleans(),
    st.none(),
    st.floats(allow_nan=False),
)
VALUES = st.recursive(
    SCALARS,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(KEYS, inner, max_size=3),
    max_leaves=8,
)


def typo(key: str) -> st.SearchStrategy[str]:
    variants = {key.upper(), key + "s", key[:-1], key.replace("_", "-"), key.replace("_", "")}
    variants |= {key[:i] + key[i + 1 :] for i in range(len(key))}
    return st.sampled_from(sorted(variants - {key}) or ["x"])


DICT_ACTIONS = ["delete", "retype", "rename", "add", "clash-id", "dangle", "unicode", "empty"]
LIST_ACTIONS = ["delete", "duplicate", "alias", "shuffle", "empty", "append", "single", "nest"]


def mutate_dict(draw, node: dict, ids: list[str]) -> None:
    action = draw(st.sampled_from(DICT_ACTIONS))
    if action == "add" or not node:
        node[draw(KEYS)] = draw(VALUES)
        return
    key = draw(st.sampled_from(sorted(node, key=str)))
    if action == "delete":
        del node[key]
    elif action == "retype":
        node[key] = draw(VALUES)
    elif action == "rename":
        new = draw(typo(str(key)) | KEYS)
        node[new] = node.pop(key)
    elif action == "clash-id":
        # an id (or a link) set to another id of the same lesson
        target = draw(st.sampled_from(["id", "next", "bin", "start", key]))
        node[target] = draw(st.sampled_from(ids or KNOWN_IDS))
    elif action == "dangle":
        target = draw(st.sampled_from(["next", "bin", "start", "as", key]))
        node[target] = draw(st.sampled_from(["missing", "nowhere-at-all", ""]) | typo(str(key)))
    elif action == "unicode":
        node[key] = draw(st.text(st.characters(min_codepoint=0x80), max_size=12) | ODD_TEXT)
    else:
        node[key] = draw(st.sampled_from([[], {}, "", None, 0, False]))


def mutate_list(draw, node: list) -> None:
    action = draw(st.sampled_from(LIST_ACTIONS))
    if action == "append" or not node:
        node.append(draw(VALUES))
        return
    at = draw(st.integers(0, len(node) - 1))
    if action == "delete":
        del node[at]
    elif action == "duplicate":
        node.insert(at, copy.deepcopy(node[at]))
    elif action == "alias":
        node.append(node[at])  # the same object twice: safe_dump writes an anchor and alias
    elif action == "shuffle":
        node[:] = draw(st.permutations(node))
    elif action == "empty":
        node.clear()
    elif action == "single":
        del node[1:]
    else:
        node[at] = [node[at]]


@st.composite
def mutated_data(draw, bases: list[Any]) -> Any:
    data = copy.deepcopy(draw(st.sampled_from(bases)))
    for _ in range(draw(st.integers(1, 4))):
        found = survey(data)
        if found["siblings"] and draw(st.integers(0, 3)) == 0:
            mutate_graph(draw, found)
            continue
        node = draw(st.sampled_from(found["dicts"] + found["lists"]))
        if isinstance(node, dict):
            mutate_dict(draw, node, found["ids"])
        else:
            mutate_list(draw, node)
    return data


def mutate_graph(draw, found: dict[str, list]) -> None:
    """Ids and links within one list: a state takes another's id, a 'next' goes back."""
    siblings = draw(st.sampled_from(found["siblings"]))
    ids = [item["id"] for item in siblings]
    if draw(st.booleans()) or not found["links"]:
        draw(st.sampled_from(siblings))["id"] = draw(st.sampled_from(ids))
    else:
        link = draw(st.sampled_from(found["links"]))
        key = draw(st.sampled_from([key for key in LINKS if isinstance(link.get(key), str)]))
        link[key] = draw(st.sampled_from(ids))


def dump(draw, data: Any) -> str:
    return yaml.safe_dump(
        data,
        allow_unicode=draw(st.booleans()),
        sort_keys=False,
        default_flow_style=draw(st.sampled_from([False, None, True])),
        width=draw(st.sampled_from([80, 10_000])),
    )


@st.composite
def mutated_lessons(draw) -> str:
    return dump(draw, draw(mutated_data(VALID_DATA)))


@FUZZ
@given(mutated_lessons())
def test_mutated_lesson_data_loads_or_is_reported(text):
    check_text(text)


# --- (3) line-level mutations of the raw text ------------------------------------------

LINE_ACTIONS = ["delete", "duplicate", "swap", "indent", "dedent", "tab", "insert", "cut", "join"]


@st.composite
def line_mutated(draw, texts: list[str]) -> str:
    lines = draw(st.sampled_from(texts)).split("\n")
    for _ in range(draw(st.integers(1, 4))):
        action = draw(st.sampled_from(LINE_ACTIONS))
        at = draw(st.integers(0, len(lines) - 1))
        line = lines[at]
        if action == "delete" and len(lines) > 1:
            del lines[at]
        elif action == "duplicate":
            lines.insert(at, line)
        elif action == "swap":
            other = draw(st.integers(0, len(lines) - 1))
            lines[at], lines[other] = lines[other], line
        elif action == "indent":
            lines[at] = " " * draw(st.integers(1, 4)) + line
        elif action == "dedent":
            lines[at] = line[min(draw(st.integers(1, 4)), len(line) - len(line.lstrip())) :]
        elif action == "tab":
            lines[at] = "\t" + line.lstrip(" ")
        elif action == "insert":
            lines.insert(at, draw(TOKEN_SOUP | st.sampled_from(lines)))
        elif action == "cut":
            lines[at] = line[: draw(st.integers(0, len(line)))]
        elif action == "join" and at + 1 < len(lines):
            lines[at : at + 2] = [line + lines[at + 1].lstrip()]
    return "\n".join(lines)


@FUZZ
@given(line_mutated(VALID_TEXTS))
def test_line_mutated_lessons_load_or_are_reported(text):
    check_text(text)


def test_the_unmutated_lessons_load():
    """The fuzzer starts from good lessons: if these broke, it would only test errors."""
    for text in VALID_TEXTS:
        assert check_text(text).lesson is not None


# --- load_library and load_helplines ----------------------------------------------------


def symlink(link: Path, target: Path) -> bool:
    """Make a symbolic link, if this system lets us (Windows may not)."""
    try:
        link.symlink_to(target)
    except OSError:
        return False
    return True


LESSON_FILES = st.one_of(
    st.sampled_from(VALID_TEXTS).map(lambda text: text.encode("utf-8")),
    mutated_lessons().map(lambda text: text.encode("utf-8")),
    line_mutated(VALID_TEXTS).map(lambda text: text.encode("utf-8", errors="surrogatepass")),
    ANY_BYTES,
)


# Each example writes and loads up to eight files twice: a third as many examples.
@settings(FUZZ, max_examples=max(10, settings().max_examples // 3))
@given(files=st.lists(LESSON_FILES, max_size=5), odd_entries=st.booleans())
def test_a_library_of_broken_files_loads_the_good_ones(files, odd_entries):
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        paths = []
        for index, raw in enumerate(files):
            path = root / ("sub" if index % 2 else "") / f"lesson-{index}.yaml"
            path.parent.mkdir(exist_ok=True)
            path.write_bytes(raw)
            paths.append(path)
        if odd_entries:
            (root / "folder.yaml").mkdir()  # a folder whose name looks like a lesson
            paths.append(root / "folder.yaml")
            if symlink(root / "dangling.yaml", root / "nowhere"):  # a broken link
                paths.append(root / "dangling.yaml")
            if symlink(root / "loop.yaml", root / "loop.yaml"):  # a link to itself
                paths.append(root / "loop.yaml")
        library = timed(load_library, [root])
        lines = {display_path(path): 1 for path in paths}
        for path, raw in zip(paths, files, strict=False):
            lines[display_path(path)] = lines_in(raw.decode("utf-8", errors="replace"))
        for problem in library.problems:
            assert_problems_are_sound([problem], set(lines), lines.get(problem.file, 1))
        for lesson_id, lesson in library.lessons.items():
            assert lesson.id == lesson_id
            assert not any(p.file == lesson.source_file for p in library.problems)
        separately = {display_path(p): load_lesson(p) for p in paths}
        loaded = {result.lesson.id for result in separately.values() if result.lesson}
        assert set(library.lessons) == loaded


@st.composite
def helpline_files(draw) -> bytes:
    kind = draw(st.sampled_from(["data", "lines", "bytes"]))
    if kind == "data":
        return dump(draw, draw(mutated_data([HELPLINES_DATA]))).encode("utf-8")
    if kind == "lines":
        return draw(line_mutated([HELPLINES_TEXT])).encode("utf-8", errors="surrogatepass")
    return draw(ANY_BYTES)


@FUZZ
@given(helpline_files())
def test_any_helpline_file_loads_or_is_reported(raw):
    check_helplines(raw)


def test_the_real_helpline_file_loads():
    result = load_helplines(HELPLINES)
    assert result.problems == [] and result.countries


# --- regressions: each bug the fuzzer found, with its smallest input --------------------


def only(text: str) -> Problem:
    result = check_text(text)
    assert result.lesson is None and len(result.problems) == 1, result.problems
    return result.problems[0]


@pytest.mark.parametrize(
    ("text", "says"),
    [
        # PyYAML's constructors raised ValueError/KeyError/AttributeError from inside
        ("id: 2020-02-30\n", "'2020-02-30' cannot be read as a date"),
        ("id: !!int abc\n", "'abc' cannot be read as a whole number"),
        ("id: !!float abc\n", "'abc' cannot be read as a number"),
        ("id: !!bool maybe\n", "'maybe' cannot be read as true or false"),
        ("id: !!timestamp abc\n", "'abc' cannot be read as a date"),
        # an empty tagged number: IndexError (found by the long profile)
        ("id: !!int ''\n", "'' cannot be read as a whole number"),
        ("id: !!float ''\n", "'' cannot be read as a number"),
    ],
)
def test_a_value_yaml_cannot_construct_is_a_problem_on_its_line(text, says):
    problem = only("title: Sample\n" + text)
    assert problem.line == 2
    assert says in problem.message and "quotes" in problem.fix


def test_a_list_used_as_a_key_is_a_problem():
    # was TypeError: unhashable type: 'list' in the duplicate-key check
    problem = only("title: x\n[a, b]: 1\n")
    assert problem.line == 2 and "key" in problem.message


@pytest.mark.parametrize("number", ["9" * 5000, "0x" + "f" * 5000])
def test_a_number_too_long_to_print_is_a_problem(number):
    # decimal: ValueError from int() (Python's 4300-digit limit); hex: the same error
    # later, when a schema message tried to print the value
    problem = only(VALID.replace("duration_minutes: 20", f"duration_minutes: {number}"))
    assert problem.line == VALID.splitlines().index("duration_minutes: 20") + 1
    assert "too long" in problem.message


def test_a_lone_surrogate_in_text_is_a_problem():
    # was UnicodeEncodeError from libyaml; a str (not a file) can hold half an emoji
    problem = only("title: Sample\nsummary: a \ud83d b\n")
    assert problem.line == 2 and "U+D83D" in problem.message


@pytest.mark.parametrize("text", ["a: &a [*a]\n", "a: &a {b: *a}\n", "- &a [x, [*a]]\n"])
def test_an_alias_inside_its_own_anchor_is_a_problem(text):
    # a list that contains itself: RecursionError while indexing lines
    problem = only(text)
    assert problem.line == 1 and "contain itself" in problem.message


@pytest.mark.parametrize("kind", ["block-map", "flow-map", "block-list", "flow-list"])
def test_deep_nesting_is_a_problem_not_a_recursion_error(kind):
    # 300 levels of mappings: RecursionError in PyYAML's constructor
    problem = only(nested(300, kind))
    assert f"more than {MAX_DEPTH} levels" in problem.message


def test_an_alias_bomb_is_refused_quickly():
    # "billion laughs": 10**9 values from 9 short lines; indexing lines would never end
    start = time.perf_counter()
    problem = only(alias_bomb(9, 10, "alone"))
    assert time.perf_counter() - start < 1.0
    assert f"more than {MAX_VALUES}" in problem.message and "aliases" in problem.message


def test_an_alias_bomb_inside_a_lesson_is_refused_quickly():
    result = check_text(alias_bomb(9, 10, "objectives"))
    assert any("aliases" in p.message for p in result.problems)


def test_a_small_alias_is_still_fine():
    text = VALID.replace("title: Sample", "title: &name Sample").replace(
        "summary: A sample lesson.", "summary: *name"
    )
    assert check_text(text).lesson is not None


@pytest.mark.parametrize(
    ("text", "says"),
    [
        ("a: !!python/object:os.system {}\n", "the tag '!!python/object:os.system'"),
        ("base: &b {x: 1}\nother:\n  <<: *b\n", "'<<'"),
        ("=: 1\n", "'='"),
    ],
)
def test_tags_merges_and_odd_keys_get_plain_words(text, says):
    problem = only(text)
    assert says in problem.message and problem.fix
    assert "could not determine a constructor" not in problem.message


def test_a_control_character_is_reported_on_its_own_line():
    # was always line 1
    problem = only("title: Sample\nsummary: é ok\nid: a\x07b\n")
    assert problem.line == 3 and "U+0007" in problem.message


def test_bytes_that_are_not_utf8_are_reported_on_their_line(tmp_path: Path):
    path = tmp_path / "latin.yaml"
    path.write_bytes("title: Sample\nsummary: café\n".encode("latin-1"))
    (problem,) = load_lesson(path).problems
    assert problem.line == 2 and "0xe9" in problem.message and "UTF-8" in problem.fix


@pytest.mark.parametrize("countries", ["5", "true", "2020-01-01", "[5, {services: 3}]"])
def test_helplines_with_countries_that_are_not_a_list(tmp_path: Path, countries):
    # `countries: 5` was TypeError: 'int' object is not iterable
    path = tmp_path / "helplines.yaml"
    path.write_text(f"schema_version: 1\ncountries: {countries}\n", encoding="utf-8")
    result = load_helplines(path)
    assert result.countries == {} and result.problems
    assert all(p.line >= 1 and p.message for p in result.problems)


def test_a_long_pasted_value_is_cut_short_in_the_message():
    problem = only(VALID.replace("order: 1", "order: '" + "x" * 5000 + "'"))
    assert len(problem.message) < 200


STORY = (TESTS / "ui" / "lessons" / "story.yaml").read_text(encoding="utf-8")


@pytest.mark.parametrize(("key", "kind"), [("1", "a whole number"), ("no", "true or false")])
def test_a_key_yaml_reads_as_not_text_is_a_problem(key, kind):
    # a cast named 1: TypeError in difflib, suggesting a cast name for a missing person
    text = STORY.replace("      amira: {", f"      {key}: {{")
    problem = only(text)
    assert problem.line == line_of(text, f"      {key}: {{")
    assert f"key '{key}' is read as {kind}" in problem.message
    assert f"'{key}':" in problem.fix


def test_a_chat_state_id_used_twice_is_a_problem():
    # the loop check looked up the first 'middle' (an ending, no choices): KeyError
    text = VALID.replace(
        "      - id: middle\n        messages:",
        "      - id: middle\n        ending: {outcome: safe, title: T, debrief: D}\n"
        "      - id: middle\n        messages:",
    ).replace("next: good-end\n          - id: hide", "next: middle\n          - id: hide")
    problem = only(text)
    lines = text.splitlines()
    assert problem.line == len(lines) - lines[::-1].index("      - id: middle")
    assert "state id 'middle' is used twice (first by state 2)" in problem.message


def test_a_chat_of_many_states_in_a_row_loads():
    # the loop check recursed once per state: RecursionError past about 1000 states
    head = VALID[: VALID.index("    states:\n")] + "    states:\n"
    tail = VALID[VALID.index("  - id: check") :]
    states = [
        f"      - id: s{i}\n        choices:\n"
        f"          - {{id: a, text: A, safe: true, feedback: F, next: s{i + 1}}}\n"
        f"          - {{id: b, text: B, safe: false, feedback: F, next: s{i + 1}}}\n"
        for i in range(1100)
    ]
    ending = "      - id: s1100\n        ending: {outcome: safe, title: T, debrief: D}\n"
    result = check_text(head + "".join(states) + ending + tail)
    assert result.problems == []


def test_a_symlink_loop_in_the_lessons_folder_is_a_problem(tmp_path: Path):
    # RuntimeError ("Symlink loop") from Path.resolve() while naming the file
    if not symlink(tmp_path / "loop.yaml", tmp_path / "loop.yaml"):
        pytest.skip("this system cannot make symbolic links")
    (tmp_path / "good.yaml").write_text(VALID, encoding="utf-8")
    library = load_library([tmp_path])
    assert list(library.lessons) == ["sample"]
    (problem,) = library.problems
    assert problem.file.endswith("loop.yaml") and "cannot read this file" in problem.message

"""Parse YAML while remembering the line of every key and value.

jsonschema and our own checks speak in paths (("activities", 1, "states", 0));
authors need line numbers. PyYAML's node tree has both, so we walk it once and
build a path -> line map beside the plain data.

Whatever the text, parse() returns data or raises YamlSyntaxError with a line: values
YAML cannot read (a 30th of February, '!!int abc'), unknown tags, lone surrogates and
files that would nest or expand without end (aliases that contain themselves, "billion
laughs" alias bombs) all become errors an author can act on, never a crash or a hang.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

import yaml
from yaml.constructor import SafeConstructor

Path_ = tuple[str | int, ...]

MAX_DEPTH = 50  # levels of nesting; a lesson needs about ten
MAX_VALUES = 100_000  # keys, values and list items, counting each alias at full size
MAX_NUMBER_LENGTH = 100  # characters in one number; larger ones cannot even be printed

_LINE_BREAK = re.compile("\r\n|[\n\r\x85\u2028\u2029]")  # what libyaml counts as a new line


@dataclass
class Located:
    """Parsed YAML data with the 1-based line of each path (value lines and key lines)."""

    data: Any
    value_lines: dict[Path_, int] = field(default_factory=dict)
    key_lines: dict[Path_, int] = field(default_factory=dict)

    def line(self, path: Path_) -> int:
        """Line of the value at path, or of its nearest ancestor that has one."""
        for end in range(len(path), -1, -1):
            found = self.value_lines.get(tuple(path[:end]))
            if found is not None:
                return found
        return 1

    def key_line(self, path: Path_) -> int:
        """Line where the key that ends path is written (falls back to the value's line)."""
        return self.key_lines.get(tuple(path)) or self.line(path)


class YamlSyntaxError(Exception):
    def __init__(self, line: int, message: str, fix: str = "") -> None:
        super().__init__(message)
        self.line = line
        self.message = message
        self.fix = fix


# libyaml's C parser is about 10x faster than the pure-Python one and keeps line marks.
_SafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

_KINDS = {
    "tag:yaml.org,2002:int": "a whole number",
    "tag:yaml.org,2002:float": "a number",
    "tag:yaml.org,2002:bool": "true or false",
    "tag:yaml.org,2002:timestamp": "a date",
    "tag:yaml.org,2002:null": "nothing (null)",
    "tag:yaml.org,2002:binary": "binary data",
}


def _line(node: yaml.Node) -> int:
    return node.start_mark.line + 1


def _short(value: Any, most: int = 40) -> str:
    text = str(value)
    return text if len(text) <= most else text[: most - 3] + "..."


class _UniqueKeyLoader(_SafeLoader):
    """SafeLoader that rejects a key written twice in one mapping instead of keeping the last,
    and turns every value it cannot construct into a YamlSyntaxError on that value's line."""

    def construct_object(self, node: yaml.Node, deep: bool = False) -> Any:
        try:
            return super().construct_object(node, deep=deep)
        except (ValueError, LookupError, TypeError, AttributeError, ArithmeticError) as error:
            # PyYAML's own constructors raise these for '!!int abc', 2020-02-30, ...
            kind = _KINDS.get(node.tag, "a value")
            shown = _short(node.value) if isinstance(node, yaml.ScalarNode) else "this"
            raise YamlSyntaxError(
                _line(node),
                f"'{shown}' cannot be read as {kind}",
                "correct it, or put it in quotes to keep it as text",
            ) from error


def _construct_mapping(loader: _SafeLoader, node: yaml.MappingNode, deep: bool = False) -> dict:
    seen: dict[str, int] = {}
    for key_node, _ in node.value:
        key = loader.construct_object(key_node, deep=True)
        if not isinstance(key, str):
            raise _key_not_text(key_node)
        if key in seen:
            raise YamlSyntaxError(
                _line(key_node),
                f"key '{_short(key)}' is written twice in the same block "
                f"(first on line {seen[key]})",
                "keep one of them",
            )
        seen[key] = _line(key_node)
    return loader.construct_mapping(node, deep=deep)


def _key_not_text(key_node: yaml.Node) -> YamlSyntaxError:
    """Lesson and helpline files are JSON-like: every key is text. YAML reads `1:`, `no:`
    and `null:` as a number, false and nothing, which no check expects (a cast named 1)."""
    if not isinstance(key_node, yaml.ScalarNode):
        return YamlSyntaxError(
            _line(key_node),
            "a key here is a list or a block of keys, not a single word",
            "write one word before the colon, like 'title:'",
        )
    if not key_node.value:
        return YamlSyntaxError(
            _line(key_node), "a key here is empty", "write a word before the colon"
        )
    kind = _KINDS.get(key_node.tag, "something other than text")
    shown = _short(key_node.value)
    return YamlSyntaxError(
        _line(key_node),
        f"key '{shown}' is read as {kind}, not as text",
        f"put it in quotes, like '{shown}':",
    )


def _construct_int(loader: _SafeLoader, node: yaml.ScalarNode) -> int:
    if len(node.value) > MAX_NUMBER_LENGTH:
        raise YamlSyntaxError(
            _line(node),
            f"this number is {len(node.value)} characters long, too long to read",
            "use a small whole number, or put it in quotes to keep it as text",
        )
    return SafeConstructor.construct_yaml_int(loader, node)


def _construct_undefined(loader: _SafeLoader, node: yaml.Node) -> Any:
    if node.tag == "tag:yaml.org,2002:merge":
        message, fix = (
            "'<<' (merging in the keys of an anchor) is not supported in lesson files",
            "write the keys out in full",
        )
    elif node.tag == "tag:yaml.org,2002:value":
        message, fix = ("'=' cannot be used as a key", "use a word, or put '=' in quotes")
    else:
        tag = node.tag.replace("tag:yaml.org,2002:", "!!")
        message, fix = (
            f"the tag '{_short(tag)}' is not allowed here",
            "remove it: lesson files hold only text, numbers, true/false, lists and keys",
        )
    raise YamlSyntaxError(_line(node), message, fix)


_UniqueKeyLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)
_UniqueKeyLoader.add_constructor("tag:yaml.org,2002:int", _construct_int)
_UniqueKeyLoader.add_constructor(None, _construct_undefined)


def parse(text: str) -> Located:
    """Parse one YAML document; raises YamlSyntaxError with a line number."""
    _check_encodable(text)
    try:
        loader = _UniqueKeyLoader(text)
        try:
            node = loader.get_single_node()
            if node is not None:
                _check_size(node)
            data = loader.construct_document(node) if node is not None else None
        finally:
            loader.dispose()
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 if mark else 1
        raise YamlSyntaxError(line, _invalid(error.problem or error.context)) from error
    except yaml.reader.ReaderError as error:
        raise _reader_error(text, error) from error
    except yaml.YAMLError as error:
        raise YamlSyntaxError(1, _invalid(error)) from error
    except RecursionError:  # only without libyaml: PyYAML's own composer recurses
        raise YamlSyntaxError(
            1,
            f"this file is nested more than {MAX_DEPTH} levels deep",
            "a lesson needs far fewer levels: check the indentation and the brackets",
        ) from None
    located = Located(data)
    if node is not None:
        _index(node, (), located)
    return located


def _invalid(problem: Any) -> str:
    return f"this is not valid YAML: {str(problem).strip() or 'it cannot be read'}"


def line_at(text: str, index: int) -> int:
    """1-based line of text[index], counting line breaks as libyaml does."""
    return len(_LINE_BREAK.findall(text, 0, index)) + 1


def _check_encodable(text: str) -> None:
    """A str can hold lone surrogates (half of an emoji), which no file can: refuse them."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as error:
        raise YamlSyntaxError(
            line_at(text, error.start),
            f"this line has a broken character (U+{ord(text[error.start]):04X}, "
            "half of a character such as an emoji)",
            "delete it and type the character again",
        ) from None


def _reader_error(text: str, error: yaml.reader.ReaderError) -> YamlSyntaxError:
    """YAML refuses control characters; say which one and on which line."""
    position, character = error.position, error.character
    if isinstance(character, str):  # PyYAML's own reader: a character and its index
        code = ord(character)
    else:  # libyaml: a code point and a byte offset into the UTF-8 text
        code = int(character)
        position = len(text.encode("utf-8")[:position].decode("utf-8", errors="ignore"))
    return YamlSyntaxError(
        line_at(text, position),
        f"this line has a character that YAML does not allow (U+{code:04X}, "
        "an invisible control character)",
        "delete it; if you cannot see it, type the line again",
    )


def _check_size(root: yaml.Node) -> None:
    """Refuse nesting and aliases that would make the loader recurse or expand without end.

    Walks the node graph once without recursion: an alias is the same node object as its
    anchor, so a block that contains its own alias is a cycle, and a block that repeats
    an alias that repeats an alias ... ("billion laughs") has a huge expanded size.
    """
    sizes: dict[int, int] = {}  # id(node) -> number of values once aliases are expanded
    depths: dict[int, int] = {}
    on_path: set[int] = set()
    shared = False  # some node is reached twice: the file uses aliases
    stack: list[tuple[yaml.Node, bool]] = [(root, False)]
    while stack:
        node, children_done = stack.pop()
        children = _children(node)
        if children_done:
            on_path.discard(id(node))
            sizes[id(node)] = 1 + sum(sizes[id(child)] for child in children)
            depths[id(node)] = 1 + max((depths[id(child)] for child in children), default=0)
            if depths[id(node)] > MAX_DEPTH:
                raise YamlSyntaxError(
                    _line(node),
                    f"this block is nested more than {MAX_DEPTH} levels deep",
                    "a lesson needs far fewer levels: check the indentation"
                    + (" and the aliases (*name)" if shared else ""),
                )
            if sizes[id(node)] > MAX_VALUES:
                raise YamlSyntaxError(
                    _line(node),
                    (
                        "the aliases (*name) here repeat blocks so often that it would "
                        f"hold more than {MAX_VALUES} values"
                        if shared
                        else f"this block holds more than {MAX_VALUES} values"
                    ),
                    "write the repeated parts out once each, or split the file",
                )
            continue
        if id(node) in sizes:
            shared = True
            continue
        on_path.add(id(node))
        stack.append((node, True))
        for child in children:
            if id(child) in on_path:
                raise YamlSyntaxError(
                    _line(node),
                    "an alias (*name) here points at a block it is inside, so that block "
                    "would contain itself forever",
                    "point the alias at another block, or write the values out",
                )
            if id(child) in sizes:
                shared = True
            else:
                stack.append((child, False))


def _children(node: yaml.Node) -> list[yaml.Node]:
    if isinstance(node, yaml.MappingNode):
        return [part for pair in node.value for part in pair]
    if isinstance(node, yaml.SequenceNode):
        return list(node.value)
    return []


def _index(node: yaml.Node, path: Path_, located: Located) -> None:
    located.value_lines[path] = node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            child = (*path, key_node.value)
            located.key_lines[child] = key_node.start_mark.line + 1
            _index(value_node, child, located)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            _index(item, (*path, index), located)

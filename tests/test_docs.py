"""The documentation's code: every fenced block of README.md and docs/*.md is run or checked.

``pycon`` blocks are doctests (``--doctest-glob=*.md``); the Python programs and shell
commands the pages show are run here, and the command synopses are checked against the
command's own options, so that no example rots unseen.
"""

from __future__ import annotations

import argparse
import datetime as dt
import glob
import inspect
import json
import re
import shlex
import tomllib
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

import liveblog
from liveblog.cli import _build_parser, main

ROOT = Path(__file__).parent.parent
PAGES = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
CORPUS = sorted((ROOT / "tests" / "corpus").glob("*.txt"))

_FENCE = re.compile(r"^```(\w*)\n(.*?)^```", re.DOTALL | re.MULTILINE)

# How each block that is not a doctest is checked, by page and a piece of its text: a new
# Python or shell block fails test_every_block_is_checked until it is given a check here.
CHECKED = {
    ("README.md", "sh", "pip install -e . &&"): "test_readme_first_command",
    ("README.md", "sh", "pip install -e '.[test]'"): ".ci/run runs it (test-command marker)",
    ("README.md", "sh", "liveblog parse FILE..."): "test_synopses_list_every_option",
    ("merge.md", "python", "merge(*timelines"): "test_merge_signature",
    ("performance.md", "sh", "benchmarks/run.py"): "test_benchmark_commands",
    ("scale.md", "python", "liveblog.parse_many("): "test_scale_parse_many_example",
    ("scale.md", "python", "dask.bag"): "tests/test_many.py::test_scale_doc_dask_bag_example",
    ("scale.md", "sh", "liveblog parse archive/"): "test_scale_command_example",
    ("feeds.md", "", "liveblog feed FILE"): "test_synopses_list_every_option",
    ("feeds.md", "sh", "--previous feed.json -o feed.json"): "test_feeds_schedule_example",
    ("README.md", "sh", "NOW=$(date"): "test_readme_recipes",
    ("README.md", "sh", "liveblog parse page.html"): "test_readme_recipes",
    ("README.md", "sh", "liveblog merge coverage/"): "test_readme_recipes",
}
# blocks that show output or a drawing, not code
SHOWN = {"", "text"}


def _blocks() -> list[tuple[str, str, str]]:
    """(page name, language, text) of every fenced block of the pages."""
    return [
        (page.name, m.group(1), m.group(2))
        for page in PAGES
        for m in _FENCE.finditer(page.read_text(encoding="utf-8"))
    ]


def _block(page: str, language: str, piece: str) -> str:
    [text] = [t for p, lang, t in _blocks() if (p, lang) == (page, language) and piece in t]
    return text


def test_every_block_is_checked() -> None:
    """Each block is a doctest, output shown, or has its check in CHECKED."""
    unchecked = []
    for page, language, text in _blocks():
        checks = [k for k in CHECKED if k[:2] == (page, language) and k[2] in text]
        if language == "pycon" or checks:
            continue
        if language in SHOWN and not re.search(r"^(?:liveblog|python|>>>) ", text, re.M):
            continue
        unchecked.append((page, language, text.splitlines()[0]))
    assert unchecked == []
    for key in CHECKED:
        assert _block(*key)  # each check still finds its one block


def test_markdown_pages_are_collected_as_doctests() -> None:
    """pytest reads every page's ``pycon`` blocks: the pages are under testpaths."""
    options = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    pytest_options = options["tool"]["pytest"]["ini_options"]
    assert "--doctest-glob=*.md" in pytest_options["addopts"]
    assert {"README.md", "docs"} <= set(pytest_options["testpaths"])


def _options(parser: argparse.ArgumentParser) -> set[str]:
    """The long names of a parser's options, --help left out."""
    return {
        max(action.option_strings, key=len)
        for action in parser._actions
        if action.option_strings and not isinstance(action, argparse._HelpAction)
    }


def _commands() -> dict[str, argparse.ArgumentParser]:
    [commands] = [a for a in _build_parser()._actions if isinstance(a, argparse._SubParsersAction)]
    return dict(commands.choices)


def _command_lines() -> list[tuple[str, str]]:
    """(page name, line) of every ``liveblog COMMAND ...`` the pages show: lines of
    blocks (a line that starts with a space goes on the one before) and inline code."""
    found = []
    for page in PAGES:
        text = page.read_text(encoding="utf-8")
        for m in _FENCE.finditer(text):
            for line in re.sub(r"\n[ \t]+", " ", m.group(2)).splitlines():
                if re.match(r"(?:python -m )?liveblog (?:parse|feed|merge|changes) ", line):
                    found.append((page.name, line))
        for m in re.finditer(r"`(liveblog (?:parse|feed|merge|changes) [^`]*)`", text):
            found.append((page.name, " ".join(m.group(1).split())))
    return found


_SHORT = {"-o": "--output", "-j": "--jobs", "-q": "--quiet"}


@pytest.mark.parametrize(("page", "line"), _command_lines())
def test_synopses_list_every_option(page: str, line: str) -> None:
    """A command the docs show uses real options; a synopsis (``[...]``) lists them all."""
    command = re.search(r"liveblog (\w+)", line)
    assert command is not None
    arguments = line[command.end() :]
    written = {_SHORT.get(o, o) for o in re.findall(r"(?<![\w-])--?[a-z][a-z-]*", arguments)}
    options = _options(_commands()[command.group(1)])
    assert written <= options, page
    if "[" in line:
        assert written == options, page


def test_readme_first_command(capsys: pytest.CaptureFixture[str]) -> None:
    """README's first command prints the seed's golden timeline as JSON."""
    line = _block("README.md", "sh", "pip install -e . &&").split("&&")[-1].split()
    assert line[:2] == ["liveblog", "parse"]
    assert main(line[1:]) == 0
    golden = json.loads((ROOT / "seeds" / "eaworldview-2024-01-22.json").read_text("utf-8"))
    assert json.loads(capsys.readouterr().out) == {**golden["timeline"], "encoding": "utf-8"}


def test_merge_signature() -> None:
    """docs/merge.md's summary line has merge's parameters and defaults."""
    summary = _block("merge.md", "python", "merge(*timelines").splitlines()[0]
    head, _, returned = summary.partition(" -> ")
    namespace: dict[str, object] = {"timedelta": dt.timedelta}
    exec(f"def {head}: pass", namespace)
    documented = inspect.signature(namespace["merge"])  # type: ignore[arg-type]
    actual = inspect.signature(liveblog.merge)
    assert [(p.name, p.kind, p.default) for p in documented.parameters.values()] == [
        (p.name, p.kind, p.default) for p in actual.parameters.values()
    ]
    assert returned == "Timeline"


def test_benchmark_commands() -> None:
    """The benchmark commands docs/performance.md shows name scripts and options that exist."""
    for line in _block("performance.md", "sh", "benchmarks/run.py").splitlines():
        words = line.split("#")[0].split()
        if words[:1] != ["python"]:
            continue
        script = (ROOT / words[1]).read_text(encoding="utf-8")
        for option in words[2:]:
            assert f'"{option}"' in script, line


def test_scale_parse_many_example(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """docs/scale.md's parse_many loop writes one JSON timeline per blog and names the rest."""
    archive = tmp_path / "archive" / "2024"
    archive.mkdir(parents=True)
    for path in CORPUS[:3]:
        (archive / path.name).write_bytes(path.read_bytes())
    (archive / "zz-broken.txt").write_bytes(b"\x81\x8d\xff")
    monkeypatch.chdir(tmp_path)
    exec(_block("scale.md", "python", "liveblog.parse_many("), {"__name__": "scale_example"})
    for path in CORPUS[:3]:
        written = json.loads((archive / path.name).with_suffix(".json").read_text("utf-8"))
        # each timeline is named after its path, as parse_many was given it
        name = f"archive/2024/{path.name}"
        timeline = liveblog.parse(path.read_bytes(), tz="Europe/London", source=name)
        assert written == timeline.to_dict(include_text=False)
    out = capsys.readouterr().out
    assert out.startswith("archive/2024/zz-broken.txt: not UTF-8")
    assert out.count("\n") == 1


def test_feeds_schedule_example(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """docs/feeds.md's scheduled run, three times over a blog that gains a post and has
    one corrected: the Atom entry of the corrected post is updated at the run that saw
    the correction and stays so, and the JSON Feed keeps its ``date_modified``."""
    monkeypatch.chdir(tmp_path)
    lines = _block("feeds.md", "sh", "--previous feed.json -o feed.json").splitlines()
    commands = [shlex.split(line) for line in lines if line.startswith("liveblog ")]
    page = Path("live.html")
    posts = ["UPDATE 0831 GMT: Seven drones.", "UPDATE 0720 GMT: Morning."]
    runs = [posts, [posts[0].replace("Seven", "Eight"), posts[1]]]
    runs.append(["UPDATE 0945 GMT: Sirens.", *runs[1]])
    for hour, run in enumerate(runs, start=10):
        page.write_text("\n\n".join(run), encoding="utf-8")
        now = f"2024-01-22T{hour}:00:00+00:00"
        for command in commands:
            assert main([now if word == "$NOW" else word for word in command[1:]]) == 0
    feed = json.loads(Path("feed.json").read_text("utf-8"))
    assert [i.get("date_modified") for i in feed["items"]] == [
        None,
        "2024-01-22T11:00:00+00:00",
        None,
    ]
    atom = ET.fromstring(Path("feed.atom").read_bytes())
    atom_ns = "{http://www.w3.org/2005/Atom}"
    updated = [e.findtext(f"{atom_ns}updated") for e in atom.iter(f"{atom_ns}entry")]
    assert updated == [
        "2024-01-22T09:45:00+00:00",
        "2024-01-22T11:00:00+00:00",
        "2024-01-22T07:20:00+00:00",
    ]


def test_scale_command_example(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """docs/scale.md's command writes a JSON list of the archive's timelines."""
    (tmp_path / "archive").mkdir()
    for path in CORPUS[:3]:
        (tmp_path / "archive" / path.name).write_bytes(path.read_bytes())
    monkeypatch.chdir(tmp_path)
    words = _block("scale.md", "sh", "liveblog parse archive/").split()
    argv = [name for word in words[1:] for name in (sorted(glob.glob(word)) or [word])]
    assert main(argv) == 0
    written = json.loads((tmp_path / "timelines.json").read_text("utf-8"))
    assert [t["source"]["name"] for t in written] == [f"archive/{p.name}" for p in CORPUS[:3]]


def _recipe(piece: str) -> list[str]:
    """The arguments of the one ``liveblog`` command of README's recipe block holding
    ``piece``, with ``$NOW`` a fixed instant."""
    [line] = [x for x in _block("README.md", "sh", piece).splitlines() if x.startswith("liveblog")]
    now = "2024-01-22T16:00:00+00:00"
    return [now if word == "$NOW" else word for word in shlex.split(line)[1:]]


def test_readme_recipes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """README's recipes run as described: the scheduled feed starts without feed.json and
    keeps its items, the saved page is read as HTML, the folder merges into one feed."""
    monkeypatch.chdir(tmp_path)
    feed_run = _recipe("NOW=$(date")
    page = tmp_path / "live.html"
    page.write_text("<p>UPDATE 0831 GMT: Seven drones.</p><p>UPDATE 0720 GMT: Sirens.</p>")
    assert main(feed_run) == 0
    assert capsys.readouterr().err.startswith("2 new, 0 changed, 0 unchanged, 0 removed")
    first = json.loads(Path("feed.json").read_text("utf-8"))
    page.write_text("<p>UPDATE 0945 GMT: Talks.</p>" + page.read_text())
    assert main(feed_run) == 0
    assert capsys.readouterr().err.startswith("1 new, 0 changed, 2 unchanged, 0 removed")
    items = json.loads(Path("feed.json").read_text("utf-8"))["items"]
    assert [i["id"] for i in items[1:]] == [i["id"] for i in first["items"]]

    Path("page.html").write_text(
        "<html><body><h1>Live</h1><p>14:32 GMT Roads closed.</p>"
        "<p>13:05 GMT Rain.</p></body></html>"
    )
    assert main(_recipe("liveblog parse page.html")) == 0
    read = json.loads(Path("page.json").read_text("utf-8"))
    assert read["origin"] == "html"
    assert [e["published"] for e in read["entries"]] == [
        "2024-01-22T13:05:00+00:00",
        "2024-01-22T14:32:00+00:00",
    ]

    Path("coverage").mkdir()
    Path("coverage/a.txt").write_text(
        "UPDATE 0831 GMT: The air force says all eight drones were downed overnight.",
    )
    Path("coverage/b.txt").write_text(
        "12:05: Poland's prime minister arrives.\n\n"
        "10:40: The air force says all eight drones were downed overnight.",
    )
    assert main([*_recipe("liveblog merge coverage/"), "--date", "2024-01-22"]) == 0
    merged = json.loads(Path("merged.json").read_text("utf-8"))
    assert merged["title"] == "Ukraine, all outlets"
    sources = [[s["source"]["name"] for s in i["_liveblog"]["sources"]] for i in merged["items"]]
    assert sources == [["coverage/b.txt"], ["coverage/a.txt", "coverage/b.txt"]]

"""Speed of HTML parsers on generated live-blog pages of a few MB: which one parse_html uses.

Run: ``python benchmarks/html_parsers.py [--pages 2,3,5] [--repeat 3]``.

Measures, in MB of HTML per second (best of ``--repeat`` runs):

* ``html.parser tokenise``: the standard library's tokeniser with no-op handlers;
* ``liveblog extract()``: what parse_html does before the text parser (stdlib tokeniser,
  tree with implied end tags, chrome removal, text with offsets);
* ``liveblog parse_html()``: the whole visible-page path, text parser included;
* ``lxml.html`` (libxml2), ``selectolax`` (lexbor) and ``html5lib``: parse plus the page
  text, when installed (``pip install lxml selectolax html5lib``); skipped otherwise.

The pages imitate real live blogs: a head with a large inline script and JSON state,
navigation, a cookie banner, a key-events list, and hundreds of entries with times,
headings, paragraphs, links, images and share tools. Never fails: a parser that is not
installed or raises is reported as such.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from collections.abc import Callable
from html.parser import HTMLParser
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

WORDS = [
    "ministry",
    "talks",
    "drones",
    "Kyiv",
    "aid",
    "said",
    "were",
    "downed",
    "on",
    "the",
    "president",
    "minister",
    "forces",
    "officials",
    "reported",
    "city",
    "attack",
    "statement",
    "meeting",
    "border",
    "troops",
    "region",
    "government",
]


def _sentence(rng: random.Random) -> str:
    words = [rng.choice(WORDS) for _ in range(rng.randint(8, 25))]
    if rng.random() < 0.3:
        k = rng.randrange(len(words))
        words[k] = f'<a href="https://example.org/{rng.randint(1, 9999)}">{words[k]}</a>'
    return " ".join(words).capitalize() + "."


def _entry(rng: random.Random, minute: int) -> str:
    hh, mm = divmod(minute, 60)
    paragraphs = "".join(
        f"<p>{' '.join(_sentence(rng) for _ in range(rng.randint(1, 4)))}</p>"
        for _ in range(rng.randint(1, 5))
    )
    image = ""
    if rng.random() < 0.3:
        image = (
            f'<figure><img src="/img/{minute}.jpg" alt="photo" loading="lazy" '
            f'srcset="/img/{minute}-320.jpg 320w, /img/{minute}-640.jpg 640w">'
            "<figcaption>Photo: Agency</figcaption></figure>"
        )
    return (
        f'<article id="block-{minute}" class="block" data-block-id="{minute}">'
        f'<header><p class="block-time"><time datetime="2024-01-16T{hh:02d}:{mm:02d}:00Z">'
        f"UPDATE {hh:02d}{mm:02d} GMT</time></p><h2>{_sentence(rng)[:60]}</h2></header>"
        f"{paragraphs}{image}"
        '<footer><div class="share-links"><a href="#">Share on X</a>'
        '<a href="#">Share on Facebook</a><button>Copy link</button></div></footer>'
        "</article>\n"
    )


def make_page(megabytes: float, seed: int = 1) -> str:
    """A live-blog page of about ``megabytes`` MB (UTF-8)."""
    rng = random.Random(seed)
    state = ",".join(f'"k{i}": "{"x" * rng.randint(5, 40)}"' for i in range(2000))
    head = (
        "<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'><title>Live</title>"
        f"<script>window.__STATE__ = {{{state}}};</script>"
        "<style>" + ".c{color:red}" * 2000 + "</style></head><body>"
        "<div class='cookie-banner'><p>We use cookies</p><button>OK</button></div>"
        "<header><nav><ul>"
        + "".join(f"<li><a href='/s{i}'>Section {i}</a></li>" for i in range(60))
        + "</ul></nav></header><main><h1>Live: the war in Ukraine</h1>"
        "<h2>Key events</h2><ul>"
        + "".join(f"<li><a href='#block-{i}'>Key event {i}</a></li>" for i in range(10))
        + "</ul><div id='liveblog-body'>"
    )
    tail = "</div></main><footer><p>© Example</p></footer></body></html>"
    target = int(megabytes * 1_000_000)
    parts = [head]
    size = len(head)
    minute = 23 * 60 + 59
    while size < target:
        piece = _entry(rng, minute)
        parts.append(piece)
        size += len(piece.encode("utf-8"))
        minute = max(0, minute - rng.randint(0, 3))
    parts.append(tail)
    return "".join(parts)


class _Null(HTMLParser):
    """The stdlib tokeniser with no work done per token."""


def run_stdlib_tokenise(page: str) -> int:
    """Tokenise only."""
    parser = _Null(convert_charrefs=True)
    parser.feed(page)
    parser.close()
    return 0


def run_extract(page: str) -> int:
    """liveblog's extraction (stdlib)."""
    from liveblog.html.extract import extract

    return len(extract(page).text)


def run_parse_html(page: str) -> int:
    """liveblog's whole visible-page path."""
    import datetime as dt

    from liveblog.html import parse_html

    return len(parse_html(page, date=dt.date(2024, 1, 16), prefer="visible"))


def run_lxml(page: str) -> int:
    """lxml.html parse and the text of the body."""
    import lxml.html

    root = lxml.html.document_fromstring(page)
    return len(root.text_content())


def run_selectolax(page: str) -> int:
    """selectolax (lexbor) parse and the text of the body."""
    from selectolax.lexbor import LexborHTMLParser

    tree = LexborHTMLParser(page)
    body = tree.body
    return 0 if body is None else len(body.text(separator="\n"))


def run_html5lib(page: str) -> int:
    """html5lib parse (pure Python, the WHATWG algorithm)."""
    import html5lib

    return len(html5lib.parse(page, namespaceHTMLElements=False))


RUNNERS: dict[str, Callable[[str], int]] = {
    "html.parser tokenise (stdlib)": run_stdlib_tokenise,
    "liveblog extract() (stdlib)": run_extract,
    "liveblog parse_html() (stdlib)": run_parse_html,
    "lxml.html parse + text": run_lxml,
    "selectolax/lexbor parse + text": run_selectolax,
    "html5lib parse": run_html5lib,
}


def measure(run: Callable[[str], int], page: str, repeat: int) -> float | str:
    """Best MB/s over ``repeat`` runs, or why it could not run."""
    megabytes = len(page.encode("utf-8")) / 1_000_000
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        try:
            run(page)
        except ImportError:
            return "not installed"
        except Exception as err:  # a report, never a failure
            return f"failed: {type(err).__name__}"
        best = min(best, time.perf_counter() - start)
    return megabytes / best


def main(argv: list[str] | None = None) -> int:
    """Print the table; always exit 0."""
    args = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    args.add_argument("--pages", default="2,5", help="page sizes in MB, comma-separated")
    args.add_argument("--repeat", type=int, default=3)
    options = args.parse_args(argv)
    sizes = [float(s) for s in options.pages.split(",")]
    pages = {size: make_page(size) for size in sizes}
    print(f"{'parser':34}" + "".join(f"{f'{s:g} MB page':>16}" for s in sizes))
    for name, run in RUNNERS.items():
        cells = []
        for size in sizes:
            repeat = 1 if name.startswith("html5lib") else options.repeat
            result = measure(run, pages[size], repeat)
            cells.append(f"{result:>11.1f} MB/s" if isinstance(result, float) else f"{result:>16}")
        print(f"{name:34}" + "".join(cells), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())

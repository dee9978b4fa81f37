"""Speed and memory of ``merge`` on generated timelines, growing the input tenfold.

Usage: ``python benchmarks/merge.py [--sizes 20000,200000,2000000] [--repeat 3]``.

The input is generated deterministically (seeded) and built directly from the model, so
that only ``merge`` is timed, not the parser. Each timeline is one outlet's blog for one
day, 200 entries long; ten outlets cover each day, so a larger input covers more days at
the same density (about 2,000 entries a day, 40 in each 30-minute window). About 35% of
entries copy a story another outlet (or the same one) also posted within 20 minutes:
half verbatim, half edited (a word changed, a sentence added or dropped, punctuation).
Bodies are 12 to 70 words, some with typographic quotes (the non-ASCII path).

The report prints a calibration (CPU seconds for 10**7 empty loop iterations, to compare
machines), then per size and with and without dedupe: entries merged, entries out,
wall-clock and CPU seconds (best of the repeats; larger sizes run once), entries per CPU
second, CPU seconds per 100,000 entries, and memory: the peak the merge itself allocates
(tracemalloc, a separate run, sizes up to 200,000) and the process's peak RSS so far.
The load average is printed too: on a shared machine, other work slows every run.
It never fails: a size that runs out of memory is reported as such. It times the
liveblog of the checkout it lives in, whatever is installed.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gc
import os
import random
import resource
import sys
import time
import tracemalloc
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

# Imported after the sys.path set-up, so that the script times this checkout's liveblog
from benchmarks import corpora
from liveblog.merging import merge
from liveblog.model import Entry, Provenance, Source, Timeline, make_entry_id

ENTRIES_PER_TIMELINE = 200
OUTLETS_PER_DAY = 10
SHARED_SHARE = 0.35
SEED = 20240122

# pieces of made-up words: the vocabulary is generated, so no text is copied from anywhere
_SYLLABLES: tuple[str, ...] = ("ka", "ri", "to", "mo", "ne", "sa", "lu", "vi", "de", "ra")
_SYLLABLES += ("po", "ti", "na", "be", "gu", "lo", "fe", "mi", "zo", "ha", "ku", "se", "ny")
_SYLLABLES += ("dro", "str", "pla", "gre", "mon", "kiev", "ar", "ent", "ion", "al", "ter")


def _vocabulary(rng: random.Random, size: int = 3000) -> list[str]:
    words = {"".join(rng.choice(_SYLLABLES) for _ in range(rng.randint(1, 3))) for _ in range(size)}
    common = ["the", "a", "of", "in", "to", "and", "says", "said", "has", "is", "on", "for"]
    return common * 40 + sorted(words)


def _sentence(rng: random.Random, words: list[str]) -> str:
    chosen = [rng.choice(words) for _ in range(rng.randint(6, 18))]
    text = " ".join(chosen).capitalize()
    roll = rng.random()
    if roll < 0.1:
        return f"“{text},” officials said."
    if roll < 0.2:
        return f"{text}, the ministry’s spokesperson said."
    return f"{text}."


def _body(rng: random.Random, words: list[str]) -> str:
    return " ".join(_sentence(rng, words) for _ in range(rng.randint(1, 4)))


def _edit(rng: random.Random, body: str, words: list[str]) -> str:
    roll = rng.random()
    parts = body.split(" ")
    if roll < 0.4:
        parts[rng.randrange(len(parts))] = rng.choice(words)
        return " ".join(parts)
    if roll < 0.7:
        return f"{body} {_sentence(rng, words)}"
    if roll < 0.85 and ". " in body:
        return body.rsplit(". ", 1)[0] + "."
    return body.replace(",", "").replace(".", "!", 1)


def generate(size: int, seed: int = SEED) -> list[Timeline]:
    """``size // 200`` timelines of 200 entries each, ten outlets a day."""
    rng = random.Random(seed)
    words = _vocabulary(rng)
    count = max(1, size // ENTRIES_PER_TIMELINE)
    start = dt.datetime(2024, 1, 1, tzinfo=dt.UTC)
    timelines: list[Timeline] = []
    stories: list[tuple[int, str]] = []
    for index in range(count):
        day, outlet = divmod(index, OUTLETS_PER_DAY)
        if outlet == 0:
            # the day's shared stories: minute of first posting and text
            stories = [
                (rng.randrange(1440), _body(rng, words))
                for _ in range(ENTRIES_PER_TIMELINE * OUTLETS_PER_DAY // 4)
            ]
        source = Source(name=f"outlet{outlet}-day{day}", url=f"https://example.org/{outlet}")
        posts: list[tuple[int, str]] = []
        for _ in range(ENTRIES_PER_TIMELINE):
            if rng.random() < SHARED_SHARE:
                minute, body = rng.choice(stories)
                minute = min(1439, minute + rng.randrange(20))
                if rng.random() < 0.5:
                    body = _edit(rng, body, words)
            else:
                minute, body = rng.randrange(1440), _body(rng, words)
            posts.append((minute, body))
        timelines.append(_timeline(posts, start + dt.timedelta(days=day), source))
    return timelines


def _timeline(posts: list[tuple[int, str]], start: dt.datetime, source: Source) -> Timeline:
    """The timeline of ``posts`` (minutes after ``start``, text) from ``source``, oldest
    first, each an ``UPDATE hhmm GMT`` entry with its id and provenance."""
    posts.sort(key=lambda post: post[0])
    entries: list[Entry] = []
    seen: dict[int, int] = {}
    for ordinal, (minute, body) in enumerate(posts):
        published = start + dt.timedelta(minutes=minute)
        marker = f"UPDATE {published:%H%M} GMT"
        occurrence = seen.get(minute, 0)
        seen[minute] = occurrence + 1
        entry_id = make_entry_id(
            day=published.date(), time=published.time(), marker=marker, occurrence=occurrence
        )
        entries.append(
            Entry(
                id=entry_id,
                marker=marker,
                body=body,
                span=(ordinal * 100, ordinal * 100 + 90),
                published=published,
                ordinal=ordinal,
                sources=(Provenance(source, entry_id),),
            )
        )
    return Timeline(entries, source=source, origin="text", order="oldest-first")


def _rss_mib() -> float:
    # ru_maxrss is in KiB on Linux, in bytes on macOS
    scale = 1 if sys.platform == "darwin" else 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * scale / 2**20


def _time(timelines: list[Timeline], repeat: int, *, dedupe: bool) -> tuple[float, float, int]:
    """Best wall-clock and CPU seconds over ``repeat`` runs, and the entries out."""
    best_wall = best_cpu = float("inf")
    out = 0
    for _ in range(repeat):
        gc.collect()
        wall, cpu = time.perf_counter(), time.process_time()
        merged = merge(*timelines, dedupe=dedupe)
        best_cpu = min(best_cpu, time.process_time() - cpu)
        best_wall = min(best_wall, time.perf_counter() - wall)
        out = len(merged)
        del merged
    return best_wall, best_cpu, out


def _calibration() -> float:
    """CPU seconds for 10**7 empty loop iterations: to compare machines."""
    started = time.process_time()
    for _ in range(10**7):
        pass
    return time.process_time() - started


def _load() -> str:
    """The 1, 5 and 15 minute load averages: other work on the machine slows the runs."""
    if not hasattr(os, "getloadavg"):
        return "unknown"
    return " ".join(f"{load:.1f}" for load in os.getloadavg())


def _traced_peak(timelines: list[Timeline]) -> float:
    gc.collect()
    tracemalloc.start()
    merged = merge(*timelines)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    del merged
    return peak / 2**20


CROWDED_KINDS = ("news", "template", "template-long")
"""The kinds of :func:`crowded` input that the report times."""


def crowded(size: int, kind: str, seed: int = SEED) -> list[Timeline]:
    """``size // 50`` timelines of 50 entries each, all posted within one hour: the
    night of an election merged from hundreds of blogs. ``kind`` is ``news`` (short
    news sentences, which share many phrases), ``template`` (one short sentence with
    other numbers in each entry, which shares most of its bigrams with every other) or
    ``template-long`` (templated wire copy: a long sentence with the same opening and
    closing words, so the same keys, and another town and other numbers in between; a
    few pairs that draw the same town and a number are copies)."""
    rng = random.Random(seed)
    # the towns come from a generator of their own: the other kinds' input stays as it was
    names = random.Random(seed + 1)
    towns = sorted({"".join(names.choice(_SYLLABLES) for _ in range(3)).title() for _ in range(40)})
    start = dt.datetime(2024, 1, 22, 22, tzinfo=dt.UTC)
    timelines: list[Timeline] = []
    for index in range(max(1, size // 50)):
        posts = []
        for k in range(50):
            minute = rng.randrange(60)
            if kind == "news":
                body = corpora.sentence(rng)
            elif kind == "template":
                body = f"Item {index} {k} about talks in city number {index * 100 + k} today."
            else:
                body = (
                    f"Officials in {rng.choice(towns)} said on Monday that {rng.randint(2, 999)}"
                    f" people had been evacuated from {rng.randint(2, 99)} villages near the"
                    f" river after heavy rain, and {rng.randint(2, 999)} roads remain closed,"
                    " according to the ministry."
                )
            posts.append((minute, body))
        timelines.append(_timeline(posts, start, Source(name=f"crowd{index}")))
    return timelines


def main(argv: list[str] | None = None) -> int:
    """Print the report; always returns 0."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="20000,200000,2000000")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)
    sizes = [int(s) for s in args.sizes.split(",")]
    print(f"merge benchmark: Python {sys.version.split()[0]}, seed {SEED}, one process")
    print(f"calibration: 10**7 empty loop iterations take {_calibration():.2f} s CPU here")
    print(f"machine: {os.cpu_count()} CPUs, load average {_load()} at the start")
    header = (
        f"{'entries':>9} {'out':>9} {'dedupe':>6} {'wall s':>7} {'CPU s':>7} {'entries/s':>10} "
        f"{'s/100k':>7} {'merge peak MiB':>14} {'RSS MiB':>8}"
    )
    print(header)
    previous: float | None = None
    for size in sizes:
        try:
            started = time.perf_counter()
            timelines = generate(size)
            built = time.perf_counter() - started
            entries = sum(len(t) for t in timelines)
            repeat = args.repeat if entries <= 200_000 else 1
            for dedupe in (True, False):
                wall, cpu, out = _time(timelines, repeat, dedupe=dedupe)
                traced = dedupe and entries <= 200_000
                peak = f"{_traced_peak(timelines):14.0f}" if traced else f"{'-':>14}"
                print(
                    f"{entries:>9} {out:>9} {dedupe!s:>6} {wall:7.3f} {cpu:7.3f} "
                    f"{entries / cpu:10.0f} {cpu * 100_000 / entries:7.3f} {peak} "
                    f"{_rss_mib():8.0f}"
                )
                if dedupe:
                    growth = "" if previous is None else f"; {cpu / previous:.1f}x the CPU time"
                    made = f"input of {len(timelines)} timelines built in {built:.1f} s"
                    print(f"{'':>9} ({made}{growth}; load average {_load()})")
                    previous = cpu
            del timelines
        except MemoryError:
            print(f"{size:>9} out of memory; stopping")
            break
    print("\ncrowded hour (every entry within 60 minutes): CPU s at 2,000 and 8,000 entries")
    for kind in CROWDED_KINDS:
        seconds = [_time(crowded(n, kind), args.repeat, dedupe=True)[1] for n in (2000, 8000)]
        ratio = seconds[1] / (4 * seconds[0])
        verdict = "linear" if ratio <= 1.5 else "worse than linear"
        times = f"{seconds[0]:7.3f} {seconds[1]:7.3f}"
        print(f"{kind:>9} {times}  t8k/(4 t2k) = {ratio:.2f} ({verdict})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

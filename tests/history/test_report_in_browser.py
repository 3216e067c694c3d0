"""The doctor's HTML page in a real headless Chromium: one printed page, with the chart drawn."""

from __future__ import annotations

import random
import re
import shutil
import struct
import subprocess
import zlib
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from coach.history.plan import plan_comparison, programme_weeks
from coach.history.report import CRAMP_COLOUR, DoctorDetails, build_report, report_html
from coach.history.store import CrampRecord, SessionRecord
from coach.i18n import use_language

CHROMIUM = shutil.which("chromium")
pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="needs chromium (apt-get install chromium)")
NOW = datetime(2026, 11, 22, 9, 0, tzinfo=UTC)


def six_weeks_with_a_plan() -> str:
    rng = random.Random(5)
    first = date(2026, 10, 4)
    sessions, cramps, answered = [], [], set()
    for n in range(49):
        night = first + timedelta(days=n)
        evening = datetime.combine(night, datetime.min.time(), UTC) + timedelta(hours=22)
        if n >= 7 and rng.random() < 0.9:
            sessions.append(SessionRecord(n, "evening", "Evening stretches", evening, night, None, "completed", 590, 590))
        if rng.random() < 0.1:
            continue  # no answer that morning
        answered.add(night)
        for _ in range(rng.choice([0, 1, 1, 2] if n < 7 else [0, 0, 0, 1])):
            cramps.append(CrampRecord(len(cramps) + 1, evening + timedelta(hours=rng.randint(2, 8)), night,
                                      rng.choice(["left", "right"]), rng.randint(3, 9), rng.choice([1, 2, 12]),
                                      rng.choice([None, "after a long walk", "cold room, woke twice"]),
                                      rng.choice(["calf", "foot"]), rng.random() < 0.5))
    severities: dict[date, list[int]] = {}
    for cramp in cramps:
        severities.setdefault(cramp.night, []).append(cramp.severity)
    plan = ("6-week programme", plan_comparison(programme_weeks(), first, answered, severities, date(2026, 11, 21)))
    details = DoctorDetails(("amlodipine", "a water tablet"), {"numbness": False, "swelling": False,
                                                               "calf_pain_walking": True}, False)
    return report_html(build_report(sessions, cramps, answered, NOW, 7, details, plan))


def chromium(tmp_path: Path, *arguments: str) -> None:
    profile = tmp_path / "profile"
    subprocess.run([CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    f"--user-data-dir={profile}", *arguments], check=True, capture_output=True, timeout=120)


def png_pixels(path: Path) -> tuple[int, int, list[bytes]]:
    """Rows of RGB(A) bytes from the 8-bit, non-interlaced PNG Chromium writes."""
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    offset, chunks, header = 8, [], b""
    while offset < len(data):
        length, kind = struct.unpack(">I4s", data[offset:offset + 8])
        body = data[offset + 8:offset + 8 + length]
        if kind == b"IHDR":
            header = body
        elif kind == b"IDAT":
            chunks.append(body)
        offset += 12 + length
    width, height, depth, colour, _, _, interlace = struct.unpack(">IIBBBBB", header)
    assert depth == 8 and interlace == 0 and colour in (2, 6)
    step = 4 if colour == 6 else 3
    raw, stride, rows, previous = zlib.decompress(b"".join(chunks)), width * step, [], bytearray(width * step)
    for y in range(height):
        kind, line = raw[y * (stride + 1)], bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        for i in range(stride):
            left = line[i - step] if i >= step else 0
            up, corner = previous[i], previous[i - step] if i >= step else 0
            if kind == 1:
                line[i] = (line[i] + left) & 255
            elif kind == 2:
                line[i] = (line[i] + up) & 255
            elif kind == 3:
                line[i] = (line[i] + (left + up) // 2) & 255
            elif kind == 4:
                p = left + up - corner
                guess = min((abs(p - left), 0, left), (abs(p - up), 1, up), (abs(p - corner), 2, corner))[2]
                line[i] = (line[i] + guess) & 255
        rows.append(bytes(line))
        previous = line
    return width, step, rows


def test_the_report_prints_on_one_page_with_the_chart_drawn(tmp_path):
    page = tmp_path / "report.html"
    page.write_text(six_weeks_with_a_plan(), encoding="utf-8")
    pdf = tmp_path / "report.pdf"
    chromium(tmp_path, "--no-pdf-header-footer", f"--print-to-pdf={pdf}", page.as_uri())
    pages = re.findall(rb"/Type\s*/Page(?!s)", pdf.read_bytes())
    assert len(pages) == 1, f"the report prints on {len(pages)} pages"

    shot = tmp_path / "report.png"
    chromium(tmp_path, "--window-size=800,1100", "--hide-scrollbars", f"--screenshot={shot}", page.as_uri())
    width, step, rows = png_pixels(shot)
    red = bytes.fromhex(CRAMP_COLOUR[1:])
    bar_pixels = sum(1 for row in rows for x in range(width) if row[x * step:x * step + 3] == red)
    assert bar_pixels > 500, "the chart's bars were not drawn"


@pytest.mark.parametrize(("language", "title"), [("ru", "Ночные судороги в ногах"), ("de", "Nächtliche Wadenkrämpfe")])
def test_the_report_in_another_language_still_prints_on_one_page_with_its_chart(tmp_path, language, title):
    """Russian and German sentences run longer than English ones: the page must still fit, and the
    browser must read it as that language (lang, title, month names on the chart's axis)."""
    use_language(language)
    page = tmp_path / "report.html"
    page.write_text(six_weeks_with_a_plan(), encoding="utf-8")
    pdf = tmp_path / "report.pdf"
    chromium(tmp_path, "--no-pdf-header-footer", f"--print-to-pdf={pdf}", page.as_uri())
    pages = re.findall(rb"/Type\s*/Page(?!s)", pdf.read_bytes())
    assert len(pages) == 1, f"the {language} report prints on {len(pages)} pages"

    dom = subprocess.run([CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                          "--disable-background-networking", "--disable-component-update", "--disable-sync",
                          f"--user-data-dir={tmp_path / 'profile'}", "--dump-dom", page.as_uri()],
                         check=True, capture_output=True, text=True, timeout=120).stdout
    assert f'<html lang="{language}">' in dom and f"<title>{title}" in dom
    november = {"ru": "нояб.", "de": "Nov."}[language]
    assert re.search(rf"<text [^>]*>\d+\.? {re.escape(november)}</text>", dom), "the chart's dates are not localised"

    shot = tmp_path / "report.png"
    chromium(tmp_path, "--window-size=800,1100", "--hide-scrollbars", f"--screenshot={shot}", page.as_uri())
    width, step, rows = png_pixels(shot)
    red = bytes.fromhex(CRAMP_COLOUR[1:])
    assert sum(1 for row in rows for x in range(width) if row[x * step:x * step + 3] == red) > 500

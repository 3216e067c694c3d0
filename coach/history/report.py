"""The doctor's report: one printed page, as Markdown and as self-contained HTML with an SVG chart.

Everything on it comes from what the person recorded, over the nights since coach was first used
(never the nights before it). Both pages are built from the same sections, so they say the same.
The HTML needs no network: its style and chart are inline.
"""

from __future__ import annotations

import html
import statistics
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any

from coach.history.cramp_entry import LONG_CRAMP_MINUTES
from coach.history.nights import last_complete_night
from coach.history.plan import TRIAL_REFERENCE, Comparison, result_lines
from coach.history.stats import streaks
from coach.history.store import CrampRecord, NightRecord, SessionRecord
from coach.history.weekly import Week, trend_text, weeks_ending
from coach.safety import tier_lines
from coach.words import count_of, leg_words

MAX_NOTES = 12  # one page: the most recent notes, and how many more there are
SYMPTOMS = (("numbness", "Numbness"), ("swelling", "Swelling of a leg"), ("weakness", "Weakness"),
            ("calf_pain_walking", "Calf pain when walking"), ("restless_legs", "An urge to move the legs"))
TIMES_OF_NIGHT = (("before midnight", 12, 24), ("midnight to 3 am", 0, 3), ("3 am to 6 am", 3, 6),
                  ("after 6 am", 6, 12))


@dataclass(frozen=True)
class DoctorDetails:
    """What the person chose to list for their doctor (the [doctor] table of settings.toml)."""

    medicines: tuple[str, ...] = ()
    symptoms: dict[str, bool] = field(default_factory=dict)
    pregnant: bool | None = None

    @classmethod
    def from_settings(cls, table: Any, pregnant: bool | None) -> DoctorDetails:
        if not isinstance(table, dict):
            return cls(pregnant=pregnant)
        medicines = table.get("medicines", [])
        listed = tuple(str(m).strip() for m in medicines if str(m).strip()) if isinstance(medicines, list) else ()
        symptoms = {key: table[key] for key, _ in SYMPTOMS if isinstance(table.get(key), bool)}
        return cls(listed, symptoms, pregnant)


@dataclass(frozen=True)
class Section:
    title: str
    lines: list[str]
    table: list[list[str]] | None = None  # first row is the header


@dataclass(frozen=True)
class Report:
    title: str
    intro: str
    weeks: list[Week]
    sections: list[Section]
    footer: str


def _minutes(value: float) -> str:
    return f"{value:g} min"


def build_report(sessions: Sequence[SessionRecord | NightRecord], cramps: list[CrampRecord], answered: set[date],
                 now: datetime, weeks: int, details: DoctorDetails, plan: tuple[str, Comparison] | None = None,
                 observational: Comparison | None = None) -> Report:
    last = last_complete_night(now)
    period_start = last - timedelta(days=7 * weeks - 1)
    answered = answered | {c.night for c in cramps}
    first_use = min([s.night for s in sessions] + list(answered), default=None)
    start = max(period_start, first_use) if first_use else period_start
    in_period = [c for c in cramps if start <= c.night <= last]
    heard = {n for n in answered if start <= n <= last}
    nights = (last - start).days + 1 if start <= last else 0
    done = {s.night for s in sessions if s.status == "completed"}
    done_in_period = {n for n in done if start <= n <= last}
    table_weeks = weeks_ending(last, weeks, heard, [c.night for c in in_period], done_in_period)
    sections = []

    stretching = [f"Routine completed on {len(done_in_period)} of {count_of(nights, 'night', 'nights')} "
                  "since coach was first used"
                  + (f" ({100 * len(done_in_period) / nights:.0f}%)." if nights else ".")]
    stretching.append(f"Longest run of nights in a row: {streaks(done, now)[1]}.")
    sections.append(Section("Stretching", stretching))

    lines = [f"{count_of(len(in_period), 'cramp', 'cramps')} on {len({c.night for c in in_period})} of "
             f"{count_of(len(heard), 'answered night', 'answered nights')}.",
             trend_text(table_weeks)]
    if in_period:
        severities = [c.severity for c in in_period]
        lines.append(f"Severity (1–10): median {statistics.median(severities):g}, worst {max(severities)}.")
        durations = [c.minutes for c in in_period if c.minutes is not None]
        if durations:
            lines.append(f"Duration: median {_minutes(statistics.median(durations))} "
                         f"({len(durations)} of {len(in_period)} timed).")
        long = [c for c in in_period if c.minutes is not None and c.minutes > LONG_CRAMP_MINUTES]
        if long:
            lines.append(f"⚠ {count_of(len(long), 'cramp', 'cramps')} over 10 minutes: " + "; ".join(
                f"{c.at.strftime('%d %b %H:%M')} {_minutes(c.minutes or 0)} ({leg_words(c.leg, c.place)}, "
                f"severity {c.severity})" for c in long) + ".")
        hours = Counter(next(name for name, low, high in TIMES_OF_NIGHT if low <= c.at.hour < high) for c in in_period)
        legs = Counter(c.leg for c in in_period)
        places = Counter(c.place or "not said" for c in in_period)
        woken = {c.night for c in in_period if c.woke}
        lines.append("Time of night: " + ", ".join(f"{name} {hours[name]}" for name, _, _ in TIMES_OF_NIGHT)
                     + f". Nights woken by a cramp: {len(woken)}.")
        lines.append(f"Leg: left {legs['left']}, right {legs['right']}, both {legs['both']}. Where: "
                     + ", ".join(f"{place} {count}" for place, count in places.most_common()) + ".")
    sections.append(Section("Cramps", lines))
    table = [["week from", "answered", "cramps", "per answered night", "routine"]]
    table += [[w.start.strftime("%d %b"), f"{w.answered}/7", str(w.cramps),
               "–" if w.per_night is None else f"{w.per_night:.2f}", f"{w.routine_nights}/7"] for w in table_weeks]
    sections.append(Section("Week by week", [], table))

    noted = [c for c in in_period if c.note]
    if noted:
        notes = [f"{c.at.strftime('%d %b')}: {c.note}" for c in noted[-MAX_NOTES:]]
        if len(noted) > MAX_NOTES:
            earlier = count_of(len(noted) - MAX_NOTES, "earlier note", "earlier notes")
            notes.append(f"… and {earlier}, in 'coach history'.")
        sections.append(Section("The person's notes", notes))

    listed = [f"Medicines they take: {', '.join(details.medicines)}." if details.medicines
              else "Medicines: none listed."]
    said = [f"{label}: {'yes' if details.symptoms[key] else 'no'}"
            for key, label in SYMPTOMS if key in details.symptoms]
    if details.pregnant is not None:
        said.append(f"Pregnant: {'yes' if details.pregnant else 'no'}")
    listed.append(("Symptoms they chose to answer: " + "; ".join(said) + ".") if said
                  else "Symptoms: none answered.")
    sections.append(Section("Listed by the person", listed))

    if plan is not None:
        name, comparison = plan
        sections.append(Section(f"Personal trial: {name}", [*result_lines(comparison), TRIAL_REFERENCE]))
    elif observational is not None:
        sections.append(Section("With and without the routine", result_lines(observational)))

    sections.append(Section("When coach tells the person to get help", tier_lines("")))

    intro = (f"Nights of {start.strftime('%d %b %Y')} to {last.strftime('%d %b %Y')}: {len(heard)} of {nights} "
             "nights answered (nights without an answer are left out, not counted as cramp-free). "
             "Recorded with coach, a bedtime stretching coach; cramps are as the person logged them.")
    return Report(f"Night leg cramps: {weeks}-week summary", intro, table_weeks, sections,
                  "A record kept by the person, not a medical assessment.")


def report_markdown(report: Report) -> str:
    lines = [f"# {report.title}", "", report.intro]
    for section in report.sections:
        lines += ["", f"## {section.title}"]
        lines += [f"- {line}" for line in section.lines]
        if section.table:
            lines += ["", "| " + " | ".join(section.table[0]) + " |", "|" + "---|" * len(section.table[0])]
            lines += ["| " + " | ".join(row) + " |" for row in section.table[1:]]
    lines += ["", "---", report.footer]
    return "\n".join(lines) + "\n"


CHART_WIDTH, CHART_HEIGHT = 640, 165
_PLOT = {"left": 48, "right": 44, "top": 14, "bottom": 40}
CRAMP_COLOUR, ROUTINE_COLOUR = "#c0392b", "#2e86c1"


def chart_svg(weeks: list[Week]) -> str:
    """Bars: cramps per answered night (left axis); dots: routine nights out of 7 (right axis)."""
    left, right, top, bottom = _PLOT["left"], _PLOT["right"], _PLOT["top"], _PLOT["bottom"]
    width, height = CHART_WIDTH - left - right, CHART_HEIGHT - top - bottom
    rates = [w.per_night for w in weeks if w.per_night is not None]
    ceiling = max(1.0, *rates) if rates else 1.0
    slot = width / max(1, len(weeks))
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{CHART_WIDTH}" height="{CHART_HEIGHT}" '
             f'viewBox="0 0 {CHART_WIDTH} {CHART_HEIGHT}" role="img" aria-label="Cramps per answered night '
             'and routine nights, week by week" font-family="sans-serif" font-size="10">',
             f'<line x1="{left}" y1="{top}" x2="{left}" y2="{top + height}" stroke="#333"/>',
             f'<line x1="{left}" y1="{top + height}" x2="{left + width}" y2="{top + height}" stroke="#333"/>',
             f'<line x1="{left + width}" y1="{top}" x2="{left + width}" y2="{top + height}" stroke="#333"/>']
    for tick in range(5):
        value = ceiling * tick / 4
        y = top + height - height * tick / 4
        parts.append(f'<text x="{left - 4}" y="{y + 3:.1f}" text-anchor="end">{value:.2f}</text>')
        parts.append(f'<text x="{left + width + 4}" y="{y + 3:.1f}">{7 * tick / 4:g}</text>')
    for index, week in enumerate(weeks):
        x = left + slot * index
        if week.per_night is None:
            parts.append(f'<text x="{x + slot / 2:.1f}" y="{top + height - 4}" text-anchor="middle" '
                         'fill="#777">?</text>')
        else:
            bar = height * week.per_night / ceiling
            parts.append(f'<rect class="cramp-bar" x="{x + slot * 0.2:.1f}" y="{top + height - bar:.1f}" '
                         f'width="{slot * 0.6:.1f}" height="{bar:.1f}" fill="{CRAMP_COLOUR}"/>')
        dot = top + height - height * week.routine_nights / 7
        parts.append(f'<circle cx="{x + slot / 2:.1f}" cy="{dot:.1f}" r="3" fill="{ROUTINE_COLOUR}"/>')
        parts.append(f'<text x="{x + slot / 2:.1f}" y="{top + height + 12}" text-anchor="middle">'
                     f'{week.start.strftime("%d %b")}</text>')
    parts += [f'<text x="{left + width / 2}" y="{CHART_HEIGHT - 6}" text-anchor="middle">week starting '
              '(? = no answered nights)</text>',
              f'<text transform="translate(12 {top + height / 2}) rotate(-90)" text-anchor="middle" '
              f'fill="{CRAMP_COLOUR}">cramps per answered night</text>',
              f'<text transform="translate({CHART_WIDTH - 8} {top + height / 2}) rotate(90)" '
              f'text-anchor="middle" fill="{ROUTINE_COLOUR}">routine nights (of 7)</text>', "</svg>"]
    return "".join(parts)


_STYLE = """
@page { size: A4; margin: 12mm; }
body { font-family: sans-serif; font-size: 8pt; line-height: 1.2; color: #111; margin: 0; }
.two { column-count: 2; column-gap: 16px; }
.two section { break-inside: avoid; }
h1 { font-size: 14pt; margin: 0 0 4px; }
h2 { font-size: 10.5pt; margin: 8px 0 2px; border-bottom: 1px solid #999; }
ul { margin: 2px 0; padding-left: 16px; }
table { border-collapse: collapse; font-size: 8.5pt; margin-top: 4px; }
td, th { border: 1px solid #bbb; padding: 1px 6px; text-align: right; }
th { background: #eee; }
figure { margin: 6px 0; }
footer { margin-top: 8px; font-style: italic; }
"""


def report_html(report: Report) -> str:
    escape = html.escape
    body = [f"<h1>{escape(report.title)}</h1>", f"<p>{escape(report.intro)}</p>",
            f'<figure id="chart">{chart_svg(report.weeks)}</figure>']
    for index, section in enumerate(report.sections):
        if index == 2:  # after stretching and cramps: two columns keep it to one printed page
            body.append('<div class="two">')
        body.append(f"<section><h2>{escape(section.title)}</h2>")
        if section.lines:
            body += ["<ul>", *[f"<li>{escape(line)}</li>" for line in section.lines], "</ul>"]
        if section.table:
            header, *rows = section.table
            body.append("<table><tr>" + "".join(f"<th>{escape(cell)}</th>" for cell in header) + "</tr>")
            body += ["<tr>" + "".join(f"<td>{escape(cell)}</td>" for cell in row) + "</tr>" for row in rows]
            body.append("</table>")
        body.append("</section>")
    if len(report.sections) > 2:
        body.append("</div>")
    body.append(f"<footer>{escape(report.footer)}</footer>")
    return ('<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
            f"<title>{escape(report.title)}</title><style>{_STYLE}</style></head><body>"
            + "\n".join(body) + "</body></html>\n")

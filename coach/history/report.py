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

from coach import local_format
from coach.history.cramp_entry import LONG_CRAMP_MINUTES
from coach.history.nights import last_complete_night
from coach.history.plan import TRIAL_REFERENCE, Comparison, result_lines
from coach.history.stats import streaks
from coach.history.store import CrampRecord, NightRecord, SessionRecord
from coach.history.views import minutes_text
from coach.history.weekly import Week, trend_text, weeks_ending
from coach.i18n import N_, _, current_language, pgettext
from coach.safety import tier_lines
from coach.words import count_of, count_words, leg_words, plural

MAX_NOTES = 12  # one page: the most recent notes, and how many more there are
SYMPTOMS = (("numbness", N_("Numbness")), ("swelling", N_("Swelling of a leg")), ("weakness", N_("Weakness")),
            ("calf_pain_walking", N_("Calf pain when walking")), ("restless_legs", N_("An urge to move the legs")))
TIMES_OF_NIGHT = ((N_("before midnight"), 12, 24), (N_("midnight to 3 am"), 0, 3), (N_("3 am to 6 am"), 3, 6),
                  (N_("after 6 am"), 6, 12))


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


def _yes_no(answer: bool) -> str:
    return _("yes") if answer else _("no")


def _moment(at: datetime) -> str:
    """'03 Nov 02:40': a cramp's date and time."""
    return f"{local_format.day_month(at)} {local_format.time_of_day(at)}"


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

    stretching = [(plural(nights, "Routine completed on {done} of {count} night since coach was first used "
                                  "({percent}%).",
                          "Routine completed on {done} of {count} nights since coach was first used ({percent}%).")
                   if nights else _("Routine completed on {done} of {count} nights since coach was first used.")
                   ).format(done=len(done_in_period), count=nights,
                            percent=f"{100 * len(done_in_period) / nights:.0f}" if nights else "")]
    stretching.append(_("Longest run of nights in a row: {nights}.").format(nights=streaks(done, now)[1]))
    sections.append(Section(_("Stretching"), stretching))

    lines = [_("{cramps} on {nights} of {answered}.").format(
                 cramps=count_of(len(in_period), "cramp", "cramps"), nights=len({c.night for c in in_period}),
                 answered=count_of(len(heard), "answered night", "answered nights")),
             trend_text(table_weeks)]
    if in_period:
        severities = [c.severity for c in in_period]
        lines.append(_("Severity (1–10): median {median}, worst {worst}.").format(
            median=_short_number(statistics.median(severities)), worst=max(severities)))
        durations = [c.minutes for c in in_period if c.minutes is not None]
        if durations:
            lines.append(_("Duration: median {median} ({timed} of {cramps} timed).").format(
                median=minutes_text(statistics.median(durations)), timed=len(durations), cramps=len(in_period)))
        long = [c for c in in_period if c.minutes is not None and c.minutes > LONG_CRAMP_MINUTES]
        if long:
            each = [_("{moment} {minutes} ({leg}, severity {severity})").format(
                        moment=_moment(c.at), minutes=minutes_text(c.minutes or 0), leg=leg_words(c.leg, c.place),
                        severity=c.severity) for c in long]
            lines.append("⚠ " + plural(len(long), "{count} cramp over 10 minutes: {cramps}.",
                                       "{count} cramps over 10 minutes: {cramps}.").format(
                count=len(long), cramps="; ".join(each)))
        hours = Counter(next(name for name, low, high in TIMES_OF_NIGHT if low <= c.at.hour < high) for c in in_period)
        legs = Counter(c.leg for c in in_period)
        places = Counter(c.place for c in in_period)
        woken = {c.night for c in in_period if c.woke}
        lines.append(_("Time of night: {times}. Nights woken by a cramp: {woken}.").format(
            times=", ".join(f"{_(name)} {hours[name]}" for name, _low, _high in TIMES_OF_NIGHT), woken=len(woken)))
        lines.append(_("Leg: left {left}, right {right}, both {both}. Where: {places}.").format(
            left=legs["left"], right=legs["right"], both=legs["both"],
            places=", ".join(f"{_place_words(place)} {count}" for place, count in places.most_common())))
    sections.append(Section(_("Cramps"), lines))
    table = [[pgettext("report table", "week from"), pgettext("report table", "answered"),
              pgettext("report table", "cramps"), pgettext("report table", "per answered night"),
              pgettext("report table", "routine")]]
    table += [[local_format.day_month(w.start), f"{w.answered}/7", str(w.cramps),
               "–" if w.per_night is None else local_format.decimal(w.per_night, 2), f"{w.routine_nights}/7"]
              for w in table_weeks]
    sections.append(Section(_("Week by week"), [], table))

    noted = [c for c in in_period if c.note]
    if noted:
        notes = [f"{local_format.day_month(c.at)}: {c.note}" for c in noted[-MAX_NOTES:]]
        if len(noted) > MAX_NOTES:
            notes.append(count_words(len(noted) - MAX_NOTES, "… and {count} earlier note, in 'coach history'.",
                                     "… and {count} earlier notes, in 'coach history'."))
        sections.append(Section(_("The person's notes"), notes))

    listed = [_("Medicines they take: {medicines}.").format(medicines=", ".join(details.medicines))
              if details.medicines else _("Medicines: none listed.")]
    said = [_("{symptom}: {answer}").format(symptom=_(label), answer=_yes_no(details.symptoms[key]))
            for key, label in SYMPTOMS if key in details.symptoms]
    if details.pregnant is not None:
        said.append(_("Pregnant: {answer}").format(answer=_yes_no(details.pregnant)))
    listed.append(_("Symptoms they chose to answer: {symptoms}.").format(symptoms="; ".join(said)) if said
                  else _("Symptoms: none answered."))
    sections.append(Section(_("Listed by the person"), listed))

    if plan is not None:
        name, comparison = plan
        sections.append(Section(_("Personal trial: {name}").format(name=name),
                                [*result_lines(comparison), _(TRIAL_REFERENCE)]))
    elif observational is not None:
        sections.append(Section(_("With and without the routine"), result_lines(observational)))

    sections.append(Section(_("When coach tells the person to get help"), tier_lines("")))

    # English says "nights" for any count; other languages take the form for `nights`.
    intro = plural(nights, "Nights of {start} to {last}: {answered} of {count} nights answered (nights without an "
                           "answer are left out, not counted as cramp-free). Recorded with coach, a bedtime "
                           "stretching coach; cramps are as the person logged them.",
                   "Nights of {start} to {last}: {answered} of {count} nights answered (nights without an answer "
                   "are left out, not counted as cramp-free). Recorded with coach, a bedtime stretching coach; "
                   "cramps are as the person logged them.").format(
        start=local_format.date_year(start), last=local_format.date_year(last), answered=len(heard), count=nights)
    return Report(_("Night leg cramps: {weeks}-week summary").format(weeks=weeks), intro, table_weeks, sections,
                  _("A record kept by the person, not a medical assessment."))


def _short_number(value: float) -> str:
    """'5', '5.5' ('5,5' in German, Spanish and Russian): a median, as precise as it needs."""
    text = f"{value:g}"
    return text if current_language() == "en" else text.replace(".", ",")


def _place_words(place: str | None) -> str:
    """Where on the leg, as the report's count of places names it."""
    if place is None:
        return _("not said")
    words = {"calf": pgettext("place", "calf"), "foot": pgettext("place", "foot"), "thigh": pgettext("place", "thigh")}
    return words.get(place, place)


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
    label = html.escape(_("Cramps per answered night and routine nights, week by week"))
    x_axis = html.escape(_("week starting (? = no answered nights)"))
    left_axis, right_axis = html.escape(_("cramps per answered night")), html.escape(_("routine nights (of 7)"))
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{CHART_WIDTH}" height="{CHART_HEIGHT}" '
             f'viewBox="0 0 {CHART_WIDTH} {CHART_HEIGHT}" role="img" aria-label="{label}" '
             'font-family="sans-serif" font-size="10">',
             f'<line x1="{left}" y1="{top}" x2="{left}" y2="{top + height}" stroke="#333"/>',
             f'<line x1="{left}" y1="{top + height}" x2="{left + width}" y2="{top + height}" stroke="#333"/>',
             f'<line x1="{left + width}" y1="{top}" x2="{left + width}" y2="{top + height}" stroke="#333"/>']
    for tick in range(5):
        value = ceiling * tick / 4
        y = top + height - height * tick / 4
        parts.append(f'<text x="{left - 4}" y="{y + 3:.1f}" text-anchor="end">{local_format.decimal(value, 2)}</text>')
        parts.append(f'<text x="{left + width + 4}" y="{y + 3:.1f}">{_short_number(7 * tick / 4)}</text>')
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
                     f'{html.escape(local_format.day_month(week.start))}</text>')
    parts += [f'<text x="{left + width / 2}" y="{CHART_HEIGHT - 6}" text-anchor="middle">'
              f'{x_axis}</text>',
              f'<text transform="translate(12 {top + height / 2}) rotate(-90)" text-anchor="middle" '
              f'fill="{CRAMP_COLOUR}">{left_axis}</text>',
              f'<text transform="translate({CHART_WIDTH - 8} {top + height / 2}) rotate(90)" '
              f'text-anchor="middle" fill="{ROUTINE_COLOUR}">{right_axis}</text>',
              "</svg>"]
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
    return (f'<!DOCTYPE html>\n<html lang="{current_language()}"><head><meta charset="utf-8">'
            f"<title>{escape(report.title)}</title><style>{_STYLE}</style></head><body>"
            + "\n".join(body) + "</body></html>\n")

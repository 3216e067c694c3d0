"""What coach says about safety, kept in one place so every screen and command says the same.

When to get help comes in three tiers, from "call now" to "book a visit". Every place that shows
them (safety page, cramp first aid, leg check, cramp diary, doctor's report, README, plain mode)
takes the words from here; a test checks that the README says exactly the same.

The texts are kept in English, marked with `N_()`, and translated where they are shown: the
functions here return them in the person's language. In other languages the help named is that
country's own (112, the European emergency number, where the country is not known).
"""

from __future__ import annotations

from coach.frozen import frozen
from coach.i18n import N_, _


@frozen
class Tier:
    """One level of getting help; its texts are the English ones, translated by `line()`."""

    heading: str
    reasons: tuple[str, ...]
    where: str = ""  # where to go, on the full list; short boxes leave it out to fit small screens

    def line(self, reasons: tuple[str, ...] | None = None) -> str:
        """The tier as one sentence: its heading, then the reasons (all, or the ones given).

        With all the reasons this is the full line and says where to go; with some of them it
        is the short form for a box on the run screen."""
        if reasons is None and self.where:
            heading = _("{heading} ({where})").format(heading=_(self.heading), where=_(self.where))
        else:
            heading = _(self.heading)
        said = "; ".join(_(reason) for reason in (reasons if reasons is not None else self.reasons))
        return _("{heading}: {reasons}.").format(heading=heading, reasons=said)


# Sources: NHS "DVT" and "Leg cramps", NHS inform "Leg cramps", Mayo Clinic "Night leg cramps",
# NHS "Pre-eclampsia", HSE "Leg cramps in pregnancy", AAFP 2012 (Allen & Kirby).
CHEST_PAIN = N_("chest pain, breathlessness or coughing blood")
SWOLLEN_CALF = N_("a calf that is swollen, red, warm or tender")
LONG_CRAMP = N_("a cramp over 10 minutes that does not ease with stretching")
PREGNANT_WARNING = N_("pregnant with sudden swelling of the face, hands or feet, a bad headache, "
                      "vision problems or pain just below the ribs")
TOXIN_OR_WOUND = N_("a cramp after contact with a toxin such as lead, or after a dirty wound")
KEEP_WAKING = N_("cramps that keep waking you")
NEW_MEDICINE = N_("cramps that started after a new medicine (never stop a medicine yourself)")
NERVES = N_("numbness, weakness or muscles getting smaller")
WALKING_PAIN = N_("calf pain when walking that eases with rest")
INJURY = N_("pain after an injury, or a \"snap\" in the calf")

EMERGENCY = Tier(N_("Call emergency services now"), (CHEST_PAIN,))
URGENT = Tier(N_("Get urgent advice today"), (SWOLLEN_CALF, LONG_CRAMP, PREGNANT_WARNING, TOXIN_OR_WOUND),
              where=N_("an urgent GP appointment, NHS 111 or your local equivalent"))
BOOK_A_VISIT = Tier(N_("Book a doctor's visit; you can keep stretching"),
                    (KEEP_WAKING, NEW_MEDICINE, NERVES, WALKING_PAIN, INJURY))
TIERS = (EMERGENCY, URGENT, BOOK_A_VISIT)

EVIDENCE = N_(
    "A Cochrane review (2021) found that calf and hamstring stretches every night before sleep "
    "may reduce how bad cramps are; the evidence is low certainty, and the effect on how often "
    "they come is less certain still. Stretching may help; it is not a cure."
)

NOT_ADVICE = N_("coach coaches gentle movements. It is not medical advice and never suggests medicines.")

PREGNANCY_EVIDENCE = N_(
    "The evidence does not cover pregnancy: the stretching trial and the Cochrane review left out "
    "pregnant people. Your routines have no lying flat on your back and only gentle stretches: "
    "straighten the knee and pull the toes up gently, no hard pulling. Ask your midwife or doctor "
    "what suits you."
)
PREGNANCY_RED_FLAGS = (PREGNANT_WARNING, SWOLLEN_CALF)

GET_HELP_TITLE = N_("Stop and get help")


def tier_lines(bullet: str = "• ") -> list[str]:
    """The three tiers, one line each: the form the safety page, report and README use."""
    return [f"{bullet}{tier.line()}" for tier in TIERS]


def during_a_cramp() -> list[str]:
    """The short list for a cramp happening now: the emergency tier and the urgent reasons that
    apply to a cramp, in the same words as the full tiers. It must fit a 60x20 terminal."""
    return [EMERGENCY.line(), URGENT.line((LONG_CRAMP, SWOLLEN_CALF))]


def before_stretching(pregnant: bool = False) -> list[str]:
    """What the leg check asks about: reasons not to stretch tonight. In pregnancy the
    pregnancy warning signs take the place of the long cramp (which cramp first aid covers),
    so the box still fits a 60x20 terminal."""
    urgent = (SWOLLEN_CALF, PREGNANT_WARNING) if pregnant else (SWOLLEN_CALF, LONG_CRAMP)
    return [EMERGENCY.line(), URGENT.line(urgent)]


def safety_page(pregnant: bool | None = None) -> str:
    """The whole safety page as plain text (the full screen and plain mode show the same)."""
    parts = [_("When to get help:"), "\n".join(tier_lines()), _(EVIDENCE)]
    if pregnant:
        parts += [_(PREGNANCY_EVIDENCE), URGENT.line(PREGNANCY_RED_FLAGS)]
    parts.append(_(NOT_ADVICE))
    return "\n\n".join(parts)


def long_cramp_advice(minutes: float | None) -> str | None:
    """What to say when a logged cramp lasted more than 10 minutes."""
    if minutes is not None and minutes > 10:
        return URGENT.line((LONG_CRAMP,))
    return None

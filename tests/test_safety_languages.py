"""The safety page and red flags in German, Spanish and Russian: the three levels, each naming the
help that country knows, and English exactly as before."""

from __future__ import annotations

import pytest

from coach import safety
from coach.i18n import use_language

# For each language: the three levels' first words, and the help they name (the glossary's table).
LEVELS = {
    "de": ("Rufen Sie sofort den Notruf 112: ",
           "Noch heute ärztlichen Rat holen (Hausarztpraxis oder ärztlicher Bereitschaftsdienst 116 117): ",
           "Vereinbaren Sie einen Termin in der Hausarztpraxis; Sie können weiter dehnen: "),
    "es": ("Llame ahora al 112: ",
           "Pida consejo médico hoy mismo (su centro de salud o urgencias): ",
           "Pida cita con su médico de cabecera; puede seguir estirando: "),
    "ru": ("Звоните 112 (или 103) прямо сейчас: ",
           "Сегодня же обратитесь к врачу (поликлиника или вызов врача на дом): ",
           "Запишитесь к терапевту; растяжку можно продолжать: "),
}
# A red flag in each language's own words, one from each level.
RED_FLAGS = {
    "de": ("Schmerzen in der Brust", "Wade geschwollen, gerötet, warm oder druckempfindlich",
           "Krämpfe, die Sie immer wieder wecken"),
    "es": ("dolor en el pecho", "pantorrilla hinchada, roja, caliente", "calambres que le despiertan"),
    "ru": ("боль в груди", "икра отекла, покраснела", "судороги, из-за которых вы часто просыпаетесь"),
}
ENGLISH_WORDS = ("NHS 111", "emergency services", "GP appointment", "chest pain", "Cochrane review (2021) found")


@pytest.mark.parametrize("language", sorted(LEVELS))
def test_the_safety_page_has_the_three_levels_in_the_language(language: str) -> None:
    use_language(language)
    page = safety.safety_page(None)
    lines = page.splitlines()
    tiers = [line for line in lines if line.startswith("• ")]
    assert len(tiers) == 3
    for tier, start, flag in zip(tiers, LEVELS[language], RED_FLAGS[language], strict=True):
        assert tier.startswith("• " + start) and flag in tier, tier
    assert lines[0] == {"de": "Wann Sie Hilfe holen sollten:", "es": "Cuándo pedir ayuda:",
                        "ru": "Когда обращаться за помощью:"}[language]
    assert {"de": "Dehnen kann helfen", "es": "Estirar puede ayudar", "ru": "Растяжка может помочь"}[language] in page
    for english in ENGLISH_WORDS:
        assert english not in page


@pytest.mark.parametrize("language", sorted(LEVELS))
def test_the_pregnancy_part_and_the_short_boxes_are_translated(language: str) -> None:
    use_language(language)
    page = safety.safety_page(True)
    pregnant = {"de": "schwanger mit plötzlich geschwollenem Gesicht", "es": "embarazada con hinchazón repentina",
                "ru": "вы беременны и у вас внезапно отекли"}[language]
    assert safety.URGENT.line(safety.PREGNANCY_RED_FLAGS) in page.splitlines() and pregnant in page
    assert {"de": "Hebamme", "es": "matrona", "ru": "акушерку"}[language] in page
    emergency, urgent = safety.during_a_cramp()
    assert emergency.startswith(LEVELS[language][0]) and RED_FLAGS[language][0] in emergency
    # The short box leaves out where to go, and says the two reasons that apply to a cramp now.
    heading = LEVELS[language][1].split(" (")[0]
    assert urgent.startswith(heading + ": ") and urgent.count("; ") == 1
    assert any(pregnant in line for line in safety.before_stretching(pregnant=True))
    assert safety.long_cramp_advice(12) == safety.URGENT.line((safety.LONG_CRAMP,))
    assert {"de": "über 10 Minuten", "es": "más de 10 minutos", "ru": "дольше 10 минут"}[language] in \
        (safety.long_cramp_advice(12) or "")


def test_english_is_word_for_word_as_before() -> None:
    use_language("ru")
    use_language("en")
    assert safety.tier_lines() == [
        "• Call emergency services now: chest pain, breathlessness or coughing blood.",
        "• Get urgent advice today (an urgent GP appointment, NHS 111 or your local equivalent): a calf that is "
        "swollen, red, warm or tender; a cramp over 10 minutes that does not ease with stretching; pregnant with "
        "sudden swelling of the face, hands or feet, a bad headache, vision problems or pain just below the ribs; "
        "a cramp after contact with a toxin such as lead, or after a dirty wound.",
        "• Book a doctor's visit; you can keep stretching: cramps that keep waking you; cramps that started after a "
        "new medicine (never stop a medicine yourself); numbness, weakness or muscles getting smaller; calf pain "
        "when walking that eases with rest; pain after an injury, or a \"snap\" in the calf.",
    ]
    assert safety.safety_page(None).startswith("When to get help:\n\n• Call emergency services now")
    assert safety.safety_page(None).endswith(
        "coach coaches gentle movements. It is not medical advice and never suggests medicines.")


def test_the_language_is_chosen_when_shown_not_when_imported() -> None:
    use_language("es")
    spanish = safety.EMERGENCY.line()
    use_language("de")
    assert (spanish, safety.EMERGENCY.line()) == (
        "Llame ahora al 112: dolor en el pecho, falta de aire o tos con sangre.",
        "Rufen Sie sofort den Notruf 112: Schmerzen in der Brust, Atemnot oder Bluthusten.")

"""What coach says about safety, kept in one place so every screen and command says the same."""

from __future__ import annotations

EVIDENCE = (
    "In a trial of 80 adults over 55, calf and hamstring stretches every night before sleep "
    "cut cramps by about one a night after 6 weeks (Hallegraeff 2012). The evidence is of low "
    "certainty: stretching may help; it is not a cure."
)

NOT_ADVICE = "coach coaches gentle movements. It is not medical advice and never suggests medicines."

SEE_A_DOCTOR = (
    "A calf that is swollen, red, warm or tender (it can be a blood clot)",
    "A cramp that lasts more than 10 minutes, or does not ease when you move",
    "Weakness or numbness in the leg, or muscles getting smaller",
    "Cramps that are frequent or keep waking you (never stop a medicine yourself)",
    "Pregnancy with swelling, headaches or high blood pressure",
)

EMERGENCY = "Breathlessness or chest pain: call emergency services now."

CRAMP_STOP = (
    "Cramp over 10 minutes and not easing with movement: get urgent advice.",
    "Calf stays swollen, red, warm or tender: see a doctor today.",
    EMERGENCY,
)

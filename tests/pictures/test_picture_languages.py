"""The words a picture shows, in the person's language: its key, and what is wrong with a pose.

The words beside a shipped picture's props come with the routine translations (routines/translations);
a picture keeps the words written in it."""

from __future__ import annotations

import pytest

from coach.i18n import use_language
from coach.pictures.pose import PoseError, pose_from_data, text_picture_from
from coach.pictures.svg import to_svg

POSE = {
    "head": [5, 16], "neck": [5, 14.5], "hip": [5, 9],
    "arms": {"near": [[6, 12], [7, 10]]},
    "legs": {"near": [[6, 5], [6, 1], [5.5, 0], [7.5, 0]], "far": [[4, 5], [3, 1], [2.5, 0], [4.5, 0]]},
    "stretched": "near", "feel": "calf", "moves": [[[8, 3], [9, 4], [10, 3]]],
    "props": ["floor", {"wall": {"x": 10}}, {"chair": {"x": -6, "width": 3, "height": 4, "label": "Omas Sessel"}}],
}


@pytest.mark.parametrize(("language", "words"), [
    ("de", ("das Bein, das gedehnt wird", "wo Sie die Dehnung spüren", "die andere Seite", "in diese Richtung bewegen")),
    ("es", ("la pierna que se trabaja", "dónde lo nota", "el otro lado", "muévase en esta dirección")),
    ("ru", ("нога, которую растягивают", "где вы чувствуете растяжку", "другая сторона", "двигайтесь в эту сторону")),
])
def test_the_picture_key_is_in_the_language(language: str, words: tuple[str, ...]) -> None:
    use_language(language)
    svg = to_svg(pose_from_data(POSE), "x")
    for word in words:
        assert word in svg
    assert ">Omas Sessel<" in svg and ">wall<" in svg  # the picture's own words are shown as written
    for english in ("being worked", "where you feel it", "the other side", "move this way"):
        assert english not in svg


def test_the_english_picture_is_unchanged() -> None:
    svg = to_svg(pose_from_data(POSE), "x")
    for word in ("▬ the leg being worked", "▬ where you feel it", "▬ the other side", "⇢ move this way", ">wall<",
                 ">Omas Sessel<"):
        assert word in svg


@pytest.mark.parametrize(("language", "change", "message", "fix"), [
    ("de", {"hip": [5, "up"]}, "'up' ist keine Zahl", "schreiben Sie eine Zahl wie 4 oder 2.5"),
    ("es", {"legs": {"near": [[6, 5], [6, 1]]}}, "se esperaban 4 puntos (rodilla, tobillo, talón y dedos del pie), hay 2",
     "indique rodilla, tobillo, talón y dedos del pie como 4 puntos [x, y]"),
    ("ru", {"props": [{"step": {"x": 3}}]}, "для 'step' нужны ширина и высота", "добавьте 'width:' и 'height:'"),
    ("ru", {"legs": {"middle": []}}, "неизвестный ключ 'middle' в 'legs'", "допустимые ключи: near, far"),
])
def test_a_wrong_pose_is_explained_in_the_language(language: str, change: dict, message: str, fix: str) -> None:
    use_language(language)
    with pytest.raises(PoseError) as error:
        pose_from_data({**POSE, **change})
    assert (error.value.message, error.value.fix) == (message, fix)


@pytest.mark.parametrize(("rows", "said"), [(21, "в рисунке 21 строка"), (22, "в рисунке 22 строки"),
                                            (25, "в рисунке 25 строк")])
def test_a_picture_too_tall_counts_its_lines_in_russian(rows: int, said: str) -> None:
    use_language("ru")
    with pytest.raises(PoseError) as error:
        text_picture_from("o\n" * rows)
    assert error.value.message == f"{said}; помещается не больше 12"

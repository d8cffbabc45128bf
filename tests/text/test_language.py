"""The language guess on news text: English, the other big languages of public news crawls, or "und"."""

from __future__ import annotations

import pytest

from factsieve.text.language import detect_language


@pytest.mark.parametrize(
    ("text", "language"),
    [
        (
            "The Senate on Tuesday approved a spending package that keeps the government open, sending "
            "the measure to the president hours before a midnight deadline.",
            "en",
        ),
        (
            "Der Bundestag hat am Freitag den Haushalt für das Jahr 2024 beschlossen. Finanzminister "
            "Christian Lindner sagte, die Schuldenbremse werde eingehalten.",
            "de",
        ),
        (
            "Le Sénat a adopté mardi soir le projet de loi sur l'immigration par 210 voix contre 115. Le "
            "texte doit maintenant être examiné par une commission mixte paritaire.",
            "fr",
        ),
        (
            "El Consejo de Ministros ha aprobado este martes la subida del salario mínimo a 1.134 euros al "
            "mes, un 5% más que el año pasado, según la ministra de Trabajo.",
            "es",
        ),
        (
            "Il governo ha approvato la legge di bilancio con 200 voti a favore. Il ministro ha detto che "
            "non ci saranno nuove tasse per le famiglie.",
            "it",
        ),
        (
            "O governo aprovou nesta terça-feira o aumento do salário mínimo, que passa a valer a partir de "
            "janeiro. A medida foi criticada pelos empresários, que não participaram das negociações.",
            "pt",
        ),
        (
            "De regering heeft dinsdag het nieuwe klimaatplan gepresenteerd. Volgens de minister is het plan "
            "nodig om de doelen voor 2030 te halen, maar de oppositie is niet overtuigd.",
            "nl",
        ),
        # Not a language: a Reuters grain-price table ("No2" is not Spanish "no"), Chinese, too short
        (
            "OMAHA DAILY GRAIN PRICES\nNo1 HRW Wheat 278-1/2-279\nNo2 Yellow Corn 147-150\nNo2 Heavy Oats "
            "160\nNo2 Yellow Sorghum 270\nNO1 YELLOW SOYBEANS 488-490\nReuter",
            "und",
        ),
        ("比亚迪2月销量30.2万辆，同比增长41%。", "und"),
        ("Der Bundestag", "und"),
    ],
)
def test_language_of_news_text(text: str, language: str) -> None:
    assert detect_language(text) == language

"""Page prompts in German, French, Spanish, Italian, Portuguese and Dutch pages: removed from a
document in that language, kept in a document in another one and when they are a sentence."""

from __future__ import annotations

import re

import pytest

from factsieve.text import foreign_furniture
from factsieve.text.clean import clean_text

FR = (
    "Le Sénat a adopté mardi la réforme des retraites par 195 voix contre 112, après des semaines de "
    "débats dans l'hémicycle.\n\n"
    "Lire aussi : Le gouvernement défend sa réforme devant les syndicats\n\n"
    "Le texte doit maintenant être examiné par une commission mixte paritaire, qui se réunira la "
    "semaine prochaine.\n\n"
    "Publicité\n\n"
    "Abonnez-vous\n\n"
    "Les syndicats ont appelé à une nouvelle journée de mobilisation pour le jeudi suivant."
)
DE = (
    "Der Bundestag hat am Donnerstag den Haushalt für das kommende Jahr beschlossen.\n\n"
    "Lesen Sie auch\n\n"
    "Die Opposition kritisierte die geplanten Kürzungen bei der Bahn und im Sozialbereich.\n\n"
    "Anzeige\n\n"
    "Artikel teilen\n\n"
    "Der Bundesrat muss dem Gesetz noch zustimmen, was als sicher gilt."
)
ES = (
    "El Gobierno aprobó el martes un nuevo paquete de ayudas para los agricultores afectados por la "
    "sequía.\n\nPublicidad\n\nTe puede interesar: Las reservas de agua caen al 30 por ciento\n\n"
    "Las medidas incluyen rebajas fiscales y créditos con un interés más bajo que el del mercado."
)
IT = (
    "Il governo ha approvato il decreto sulle bollette, che sarà in vigore dal primo aprile.\n\n"
    "Leggi anche\n\nIl testo prevede un bonus per le famiglie con un reddito più basso.\n\nCondividi"
)
PT = (
    "O governo anunciou nesta terça-feira um novo programa de habitação para as famílias de baixa "
    "renda.\n\nLeia também: Preço dos aluguéis sobe pelo sexto mês seguido\n\nPublicidade\n\n"
    "O programa deve atender mais de 200 mil famílias até o fim do ano que vem."
)
NL = (
    "Het kabinet heeft dinsdag een nieuw plan voor de woningbouw gepresenteerd.\n\nLees ook\n\n"
    "Volgens de minister moeten er de komende jaren een miljoen woningen bij komen.\n\nDelen"
)


@pytest.mark.parametrize(
    ("text", "prompts"),
    [
        (
            FR,
            [
                "Lire aussi : Le gouvernement défend sa réforme devant les syndicats",
                "Publicité",
                "Abonnez-vous",
            ],
        ),
        (DE, ["Lesen Sie auch", "Anzeige", "Artikel teilen"]),
        (ES, ["Publicidad", "Te puede interesar: Las reservas de agua caen al 30 por ciento"]),
        (IT, ["Leggi anche", "Condividi"]),
        (PT, ["Leia também: Preço dos aluguéis sobe pelo sexto mês seguido", "Publicidade"]),
        (NL, ["Lees ook", "Delen"]),
    ],
)
def test_prompts_in_the_documents_language_are_removed(text, prompts):
    res = clean_text(text)
    assert [line for reason, line in res.removed if reason == "prompt"] == prompts
    assert not set(prompts) & set(res.text.split("\n"))
    # the story's sentences all stay
    assert len(res.text.split("\n")) == len(text.split("\n\n")) - len(prompts)


def test_a_prompt_in_another_language_than_the_documents_stays():
    english = (
        "The campaign was criticised for what Spanish regulators called misleading claims.\n\n"
        "Publicidad\n\n"
        "The word, Spanish for advertising, was the only text on the company's billboards that month."
    )
    assert "Publicidad" in clean_text(english).text.split("\n")
    # Dutch "Delen" in a German text, "Condividi" in a French one
    assert "Delen" in clean_text(DE + "\n\nDelen").text.split("\n")
    assert "Condividi" in clean_text(FR + "\n\nCondividi").text.split("\n")


@pytest.mark.parametrize(
    ("page", "prompt", "line"),
    [
        (
            FR,
            "Publicité",
            "Lire aussi le rapport de la commission, publié mardi, qui conclut à un déficit plus lourd.",
        ),
        (
            FR,
            "Publicité",
            "Abonnez-vous à la presse locale, disait le ministre en 1998, et vous saurez tout.",
        ),
        (ES, "Publicidad", "Publicidad engañosa: multa de dos millones a una empresa de telefonía"),
        (DE, "Anzeige", "Lesen Sie auch, was die Opposition dazu sagt."),
        (DE, "Anzeige", "Anzeigen gegen den Bürgermeister wurden nicht erstattet"),
    ],
)
def test_near_misses_stay_in_their_own_language(page, prompt, line):
    """A sentence or headline that opens with a prompt's words, in place of the prompt."""
    assert line in clean_text(page.replace(prompt + "\n\n", line + "\n\n")).text.split("\n")


def test_the_first_word_prefilter_covers_every_pattern():
    """Each alternative's first word is in FIRST_WORDS, else its lines would never be looked at."""
    for patterns in (foreign_furniture._READ_ALSO, foreign_furniture._PROMPTS):
        for pattern in patterns.values():
            for alternative in re.split(r"\|(?![^(]*\))", pattern):
                first = re.match(r"(?:\(\?:)?([^\s(]+)", alternative).group(1).lower()
                assert first in foreign_furniture.FIRST_WORDS, alternative


def test_removed_lines_stay_in_document_order():
    res = clean_text("Share this article\n\n" + FR + "\n\nShare on Facebook")
    assert [line for _, line in res.removed] == [
        "Share this article",
        "Lire aussi : Le gouvernement défend sa réforme devant les syndicats",
        "Publicité",
        "Abonnez-vous",
        "Share on Facebook",
    ]

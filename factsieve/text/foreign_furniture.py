"""Page prompts in the other languages factsieve detects (German, French, Spanish, Italian, Portuguese,
Dutch): "Lesen Sie auch", "Lire aussi : …", "Publicidad", "Abonnez-vous", "Condividi", "Leia
também", "Lees ook". clean.py removes the English ones ("Read more", "Subscribe", "Advertisement")
everywhere; these are removed only from a document in their own language (``clean_text`` asks
``factsieve.text.language`` once, and only when such a line is there), as a line "Publicidad" or
"Delen" in an English text is not the page talking.

A line is a prompt only as a whole: the phrase alone ("Anzeige", "Partager cet article"), or a
"read also" phrase before a colon and a linked headline ("Lire aussi : Le Sénat adopte la réforme").
"Lire aussi le rapport de la commission, publié mardi." is a sentence and stays.
"""

from __future__ import annotations

import re

_READ_ALSO = {
    "de": r"lesen sie (?:auch|mehr)|mehr zum thema|auch interessant|zum thema",
    "fr": r"(?:à )?lire aussi|à lire également|sur le même sujet|voir aussi",
    "es": r"lea también|lee también|te puede interesar|ver también|más información",
    "it": r"leggi anche|potrebbe interessarti|vedi anche",
    "pt": r"leia também|veja também|saiba mais",
    "nl": r"lees ook|zie ook|meer over",
}
_PROMPTS = {
    "de": r"anzeige|werbung|artikel teilen|teilen|jetzt abonnieren|abonnieren|newsletter abonnieren"
    r"|zum newsletter anmelden|weiterlesen|mehr lesen",
    "fr": r"lire la suite|abonnez-vous(?: à notre newsletter)?|inscrivez-vous(?: à notre newsletter)?"
    r"|publicité|partager(?: cet article| sur \w+)?",
    "es": r"leer más|publicidad|compartir(?: en \w+)?|comparte esta noticia"
    r"|suscríbete(?: a nuestro boletín| a nuestra newsletter)?",
    "it": r"leggi di più|continua a leggere|pubblicità|condividi(?: su \w+)?|iscriviti alla newsletter|abbonati",
    "pt": r"leia mais|continua após a publicidade|publicidade|compartilhar|partilhar"
    r"|assine(?: a newsletter| já)?",
    "nl": r"lees meer|advertentie|delen|deel dit artikel|abonneer(?: je)?|schrijf je in voor de nieuwsbrief",
}
# A headline after "Lire aussi :" does not end as a sentence does.
_LINKED_HEADLINE = r"\s*:\s*[^.!?]{3,150}"
_LINE = {
    lang: re.compile(
        rf"(?:(?:{_READ_ALSO[lang]})(?:{_LINKED_HEADLINE})?|{_PROMPTS[lang]})\s*[.!:…]?", re.IGNORECASE
    )
    for lang in _PROMPTS
}
# A prefilter for clean_text: the first word (lower-cased) of every line the patterns match
# (tests/text/test_foreign_furniture.py checks it against them).
FIRST_WORDS = frozenset(
    "lesen mehr auch zum anzeige werbung artikel teilen jetzt abonnieren newsletter weiterlesen "
    "à lire sur voir abonnez-vous inscrivez-vous publicité partager "
    "lea lee te ver más leer publicidad compartir comparte suscríbete "
    "leggi potrebbe vedi continua pubblicità condividi iscriviti abbonati "
    "leia veja saiba publicidade compartilhar partilhar assine "
    "lees zie meer advertentie delen deel abonneer schrijf".split()
)
MAX_WORDS = 24  # "Lire aussi :" and a headline of up to 20 words


def prompt_languages(line: str) -> frozenset[str]:
    """The languages in which the normalised ``line`` is a page prompt; empty when it is none."""
    return frozenset(lang for lang, pattern in _LINE.items() if pattern.fullmatch(line))

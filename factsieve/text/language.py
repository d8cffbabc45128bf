"""A cheap language guess: English when common English function words are frequent.

factsieve's classifier cues are English, so the question the pipeline asks is "is this English?".
A function-word ratio answers that in microseconds without a model download. A text that is not
English is named when it is one of the other languages of the big public news crawls (German,
French, Spanish, Italian, Portuguese, Dutch) by the same measure over their function words, so an
analyst can select or count them; anything else is "und" (undetermined, ISO 639-2). Every text that
is not "en" is flagged ``non_english``.
"""

from __future__ import annotations

import re

_EN_FUNCTION_WORDS = frozenset(
    "the of and to a in is that for it on was with as be by at this are from have has an not or "
    "but were had which their they its his her will would been also more said there than who".split()
)
_WORD = re.compile(r"[A-Za-z]+")
_LETTERS = re.compile(r"[^\W\d_]+")  # words in any alphabet: "für", "année", "não"

# Function words of each language, without the one-letter ones ("a", "e", "o", "y": too common in
# tables, initials and other languages; nor "no", which grain-price tables are full of: "No2 Yellow
# Corn") and chosen so that most are the language's own: the shared
# ones ("de", "la", "que") count for several, and the language with the largest share wins.
_OTHER_FUNCTION_WORDS = {
    lang: frozenset(words.split())
    for lang, words in {
        "de": "der die das und ist nicht mit den dem des ein eine einer auf für von zu im sich auch als "
        "wie bei nach aus wird werden hat haben sind war noch über nur",
        "fr": "le la les des et est une un du dans pour que qui sur pas au aux avec par ce il elle sont "
        "ont été plus mais ou son sa ses cette",
        "es": "el la los las de del que en un una por con para es se su sus al lo como más pero fue "
        "ha han este esta",
        "it": "il lo la gli le di del della che è un una per con non sono da dei nel alla si ha anche "
        "come più questo",
        "pt": "os as de do da dos das que em um uma para com não por se na no ao mais foi são é pelo",
        "nl": "de het een en van is dat op te in voor met niet zijn die er aan ook als bij door naar om",
    }.items()
}
_OTHER_FUNCTION_WORDS_ASCII = {
    lang: frozenset(w.encode("ascii") for w in words if w.isascii())
    for lang, words in _OTHER_FUNCTION_WORDS.items()
}
# A text is named only when this share of its words are the language's function words.
_OTHER_SHARE = 0.2

# The ASCII fast path: a byte table that lower-cases A-Z and turns every other non-letter byte into
# a space, so bytes.split() yields exactly the lower-cased [A-Za-z]+ runs, without the regex and the
# str objects findall builds (about twice as fast on news text).
_ASCII_WORDS = bytes(c + 32 if 65 <= c <= 90 else c if 97 <= c <= 122 else 32 for c in range(256))
_EN_FUNCTION_WORDS_ASCII = frozenset(w.encode("ascii") for w in _EN_FUNCTION_WORDS)


def detect_language(text: str, sample_chars: int = 4000) -> str:
    sample = text[:sample_chars]
    if sample.isascii():
        # For ASCII text str.lower() changes only A-Z, which the table lower-cases too.
        words = sample.encode("ascii").translate(_ASCII_WORDS).split()
        function_words = _EN_FUNCTION_WORDS_ASCII
    else:
        # lower() can turn non-ASCII characters into ASCII letters ("İ" -> "i̇"), so lower first.
        words = _WORD.findall(sample.lower())
        function_words = _EN_FUNCTION_WORDS
    if len(words) < 3:
        return "und"
    share = sum(map(function_words.__contains__, words)) / len(words)
    if share >= 0.12:
        return "en"
    if sample.isascii():  # the words as bytes, looked up among the ASCII function words
        return _other_language(words, _OTHER_FUNCTION_WORDS_ASCII)
    return _other_language(_LETTERS.findall(sample.lower()), _OTHER_FUNCTION_WORDS)


def _other_language(words: list, languages: dict[str, frozenset]) -> str:
    """The language in ``languages`` (code -> function words) with the largest share of ``words``
    when that share is at least ``_OTHER_SHARE``, else "und"."""
    if len(words) < 3:
        return "und"
    best, best_share = "und", _OTHER_SHARE
    for lang, function_words in languages.items():
        hits = [w for w in words if w in function_words]
        share = len(hits) / len(words)
        # Three different function words at least: one word repeated down a table is no language.
        if share >= best_share and len(set(hits)) >= 3 and (share > best_share or best == "und"):
            best, best_share = lang, share
    return best

"""Which non-ASCII letters each European language written in a legacy Latin code page uses, and how
often (percent of all letters in running news text).

Hand-written from the languages' orthographies (rounded figures of the usual letter-frequency
tables; nothing is trained on ../shared data). ``latin_choice`` uses them to judge which reading of
legacy bytes is one language's alphabet: Hungarian has ő and ű and never õ or û, Estonian š and ž
and never ð or þ, French œ where cp1252 shows ½. A letter a language does not have is not
impossible (a foreign name): ``latin_choice`` gives it a small floor rate.

Romanian appears twice: with the comma-below ș ț of ISO-8859-16 and Unicode, and with the cedilla
ş ţ that cp1250 and ISO-8859-2 text was typed with.
"""

from __future__ import annotations

_TABLE = """
en
fr é1.5 è0.27 ê0.22 à0.49 â0.05 ç0.09 ù0.06 û0.06 î0.05 ô0.03 ë0.01 ï0.01 œ0.02 æ0.001 ÿ0.001
de ä0.58 ö0.44 ü0.99 ß0.31 é0.01
es á0.5 é0.43 í0.72 ó0.83 ú0.17 ñ0.31 ü0.02
pt á0.3 â0.3 à0.07 ã0.73 ç0.53 é0.34 ê0.3 í0.13 ó0.3 ô0.15 õ0.07 ú0.15
it à0.6 è0.4 é0.05 ì0.03 ò0.1 ù0.17 ó0.01
nl é0.05 ë0.05 ï0.02 ö0.01 ü0.01 è0.01 ó0.01 á0.005
sv å1.34 ä1.8 ö1.31 é0.02
da æ0.87 ø0.94 å1.19 é0.02
no æ0.7 ø0.9 å1.1 é0.02 ô0.005 ò0.005 ó0.005 ü0.005
fi ä3.6 ö0.44 å0.005 š0.005 ž0.005
ca à0.5 è0.3 é0.3 í0.3 ï0.05 ò0.3 ó0.3 ú0.1 ü0.03 ç0.2
ga á1.2 é0.5 í0.8 ó0.6 ú0.5
is á1.8 ð4.4 é0.65 í1.6 ó1.0 ú0.6 ý0.9 þ1.5 æ0.87 ö0.78
sq ë7.0 ç0.5
hu á3.4 é3.6 í0.6 ó0.9 ö1.0 ő0.8 ú0.3 ü0.6 ű0.2
et õ1.1 ä2.3 ö0.4 ü1.0 š0.05 ž0.02
pl ą0.9 ć0.4 ę1.1 ł1.8 ń0.2 ó0.8 ś0.7 ź0.06 ż0.9
cs á2.2 č1.0 ď0.02 é1.2 ě1.2 í3.0 ň0.08 ó0.03 ř1.2 š0.7 ť0.04 ú0.1 ů0.6 ý1.0 ž0.9
sk á2.1 ä0.1 č1.0 ď0.1 é0.8 í1.6 ĺ0.01 ľ0.3 ň0.1 ó0.2 ô0.2 ŕ0.01 š0.7 ť0.4 ú0.6 ý1.1 ž0.7
sl č1.0 š0.8 ž0.6
hr č0.6 ć0.6 đ0.2 š0.7 ž0.6
ro ă2.0 â0.5 î0.6 ș1.2 ț1.0
ro-cedilla ă2.0 â0.5 î0.6 ş1.2 ţ1.0
lt ą0.6 č0.4 ę0.1 ė1.7 į0.6 š1.2 ų1.2 ū0.4 ž0.8
lv ā4.0 č0.4 ē1.7 ģ0.1 ī1.6 ķ0.2 ļ0.4 ņ0.4 š1.0 ū0.5 ž0.5 ŗ0.01
tr ç1.2 ğ1.1 ı5.1 ö0.8 ş1.8 ü2.0 i̇0.1 â0.02 î0.01 û0.01
mt ċ0.5 ġ0.4 ħ1.2 ż0.6 à0.2 è0.05 ì0.1 ò0.05 ù0.1
cy â0.3 ê0.1 î0.05 ô0.1 û0.05 ŵ0.15 ŷ0.15 ï0.02 ë0.01 á0.01 é0.01 ä0.005 ö0.005 ẁ0.002 ẃ0.002 ỳ0.002
eo ĉ0.5 ĝ0.3 ĥ0.02 ĵ0.1 ŝ0.3 ŭ0.5
"""


def _parse(table: str) -> dict[str, dict[str, float]]:
    out: dict[str, dict[str, float]] = {}
    for line in table.strip().splitlines():
        lang, *letters = line.split()
        # "i̇" (Turkish İ lowercased) is two code points: the letter is all but the last 1-4 digits.
        out[lang] = {
            entry.rstrip("0123456789."): float(entry[len(entry.rstrip("0123456789.")) :]) / 100
            for entry in letters
        }
    return out


# Language -> non-ASCII letter (lower case) -> share of all letters.
LETTER_RATES: dict[str, dict[str, float]] = _parse(_TABLE)

# Frequent function words of each language that are written in ASCII letters only: they read the
# same in every code page, so they say which language the text is in before its accented letters
# are read ("van", "het", "een" make "cošrdinatie" Dutch, not Slovenian).
_FUNCTION_WORDS = """
en the of and to in is was for that on with said by from it at as are has have be will not this but
fr le la les des et est une du pour dans que qui sur pas par au avec ont sont mais il elle ce aux
de der die das und ist nicht mit den dem des ein eine sich auf auch von wird zu im sie es
es el los las del que por con una para se como pero su al lo es y
pt os das dos que com uma para por se na no ao mais foi como em um
it il della che di per con del una sono non anche gli le nel alla ha lo
nl de het een van en is niet op dat zijn met voor ook aan om te naar bij
sv och att det som en av den med till har inte om var ett
da og at det som en af den med til har ikke om var et
no og at det som en av den med til har ikke om var et
fi ja on ei se mutta kun joka oli ovat kanssa mukaan jo
ca el la els les de que per amb una es del va al en
ga an na agus ar ag is do le go sa ach
is og er ekki sem til um var en hann hun
sq dhe te nga per ne me se qe
hu a az hogy nem egy is meg de ki van volt mint csak pedig szerint
et ja on ei et see kui mis oli aga ka nii ning
pl i w na nie z do to jest od po jak przez
cs a v na se je to do o s jako ale pro ve
sk a v na sa je to do o s ako ale aj pre
sl in je na za da se v so z ki pa bo
hr i je u na za da se su s od ali bi koji
ro de la cu care este pe nu din pentru a fost
ro-cedilla de la cu care este pe nu din pentru a fost
lt ir kad yra su ne tai bet kaip buvo per kuris
lv un ir ka ar par no uz bet kas tas
tr ve bir bu da de ile olarak en gibi daha
mt il li ta u fil tal ma se kien jew minn
cy y yr a ac yn i o ar mae bydd wedi gan fod ei eu am
eo la kaj de en estas al por ne kiu
"""

# Language -> its ASCII function words.
FUNCTION_WORDS: dict[str, frozenset[str]] = {
    line.split()[0]: frozenset(line.split()[1:]) for line in _FUNCTION_WORDS.strip().splitlines()
}

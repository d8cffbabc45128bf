"""Filler cues: the writer addressing the reader without content ("let's dive in", "stay tuned")."""

from __future__ import annotations

import re

from factsieve.classify.context import prev_word
from factsieve.classify.cue import (
    BY_START,
    Cue,
    inside,
    new_cue,
    strip_cue,
)
from factsieve.classify.prefilter import (
    CaseFreeRe,
    Words,
    first_word,
    line_start_tokens,
    lowered,
    trigger_gate,
    words_of,
)
from factsieve.classify.sign_offs import (
    PRESUMED_FIRST,
    PRESUMED_WORDS,
    SIGN_OFF_GATE,
    SIGN_OFF_OWN_WORDS,
    SIGN_OFF_PREFIXES,
    SIGN_OFF_TRIGGERS,
    sign_off,
)

# Reader address anywhere in the sentence (outside quotations). (Round 14: "lets" without its apostrophe only
# before a verb of the reader's "let's": "the site lets people shoot …" is a verb, read in the corpus.) (Round 12: "Let's be honest: the bypass was
# never going to be finished on time." is the author's verdict, r17, r32, r33 — judging_shapes.LETS_BE_RE;
# with "you" after it, "Let's be honest, you've probably scrolled past …", it stays reader address, r29.)
# Imperatives aimed at the reader ("stay tuned", "keep an eye on …") are filler only at the start of the sentence (FILLER_OPENER_RE):
# inside a sentence they report what someone did ("Police asked drivers to keep an eye on closures").
_FILLER_RE = CaseFreeRe(
    r"""(?:\b(?:hey|hi|hello)\ (?:guys|everyone|folks|there|friends)\b | \blet(?:['’]s|s(?=\ (?:go|get|dive|take|look|see|talk|start|begin|face|hope|be|not|just|all)\b))\b(?!\ be\ (?:honest|clear|frank|blunt)\s*[,:;—–]\s+(?![^.]*\byou)) | \blet\ us\b(?!\ not)
    | \bthanks?\ (?:you\ )?for\ (?:tuning\ in|reading|watching|listening|stopping\ by|joining)\b
    | \bwithout\ further\ ado\b | \bwrapping\ (?:it|things)\ up\b
    | \byou\ (?:might|may|will|['’]ll)\ be\ (?:wondering|surprised|shocked|amazed|asking|thinking)\b
    | \bbefore\ we\ (?:get|dive|jump|dig)\ (?:into|in|started)\b
    | \b(?:stick|stay|bear)\ with\ (?:us|me)(?=\s*[.!]?\s*$)
    | \byou(?:['’]re|\ are)\ (?:probably|likely|surely|no\ doubt)\ (?:wondering|asking|thinking)\b
    | \byou\ won['’]t\ (?:want\ to\ miss|believe)\b | \bhave\ you\ ever\ wondered\b
    | \bin\ this\ (?:article|post|guide|blog),?\ (?:we|i)['’]?(?:ll|\ will|\ are\ going\ to)\b
    | \bwe['’]re\ going\ to\ (?:break\ down|dive|explore|look|take)\b | \bwe(?:['’]ve|\ have)\ got\ you\ covered\b
    | \bhappy\ reading\b | \bhere(?:['’]s|\ is|\ are)\ (?:(?:what|everything|all|why|how)(?=[^.;:]*\byou)
      |an?\ (?:quick\ |brief\ |short\ )?(?:rundown|look|breakdown|primer|recap|summary)
      |the\ (?:lowdown|rundown|deal|thing|kicker|catch|breakdown|bottom\ line|scoop|skinny))\b
    | \bwhat\ (?:this|that|it)\ (?:all\ )?means\ for\ you | \bthis\ is\ where\ it\ gets\ (?:interesting|good|tricky)\b
    | \bsound\ familiar\b | \bbut\ wait\b
    # round 16 (r40): a teaser promising the reader a feeling, "The answer might surprise you."
    | \b(?:might|may|will|could)\ (?:surprise|shock|amaze|astonish|stun)\ you\b(?=\s*[.!]*\s*$)
    | \byou\ (?:could|might|may|would)\ be\ forgiven\ for\ (?:thinking|assuming|believing|wondering
      # round 15 (r37): any state of the reader's, "for feeling a little lost at this point"
      |feeling|getting|being|losing|reaching)\b
    # round 15 (r38): "You've landed in exactly the right spot!"
    | \byou(?:['’]ve|\ have)\ (?:landed|come)\ (?:in|to|on)\ (?:exactly\ |just\ )?the\ right\ (?:place|spot|page)\b
    | \bthis\ is\ where\ (?:it|things)\ gets?\ (?:complicated|messy|weird|fun|juicy)\b
    | \bas\ you(?:['’]ll|\ will)\ (?:soon\ )?(?:see|find\ out)(?=\s*[.!]*\s*$)
    | \bpull\ up\ a\ (?:chair|seat|pew|stool)\b | \bstay\ tuned(?=\s*[.!]*\s*$)
    | \byou(?:['’]re|\ are)\ in\ the\ right\ place\b | \bas\ you\ (?:can\ see|know|might\ know)\b
    )""",
    re.VERBOSE,
    requires={
        "as": "see know find",
        "in": "article post guide blog",
        "we": "going covered",
        "you": "wondering surprised shocked amazed asking thinking miss believe place forgiven landed come",
        "before": "we",
        "stick": "us me",
        "stay": "us me tuned",
        "bear": "us me",
        "have": "wondered",
        "but": "wait",
        "happy": "reading",
        "what": "means",
        "this": "gets get",
        "pull": "chair seat pew stool",
        "sound": "familiar",
        "might": "surprise shock amaze astonish stun",
        "may": "surprise shock amaze astonish stun",
        "will": "surprise shock amaze astonish stun",
        "could": "surprise shock amaze astonish stun",
    },
)
_PHRASE_TRIGGERS = frozenset(
    """hey hi hello let thanks thank ado wrapping wondering wondered article post guide blog going reading wait
    see know surprised shocked amazed asking thinking miss believe covered here means gets familiar before stick
    stay bear yourselves place pull tuned forgiven landed surprise shock amaze astonish stun""".split()
)
# The family's words for the classifier's gate (registry); _FILLER_RE itself is tried on its own words only.
FILLER_TRIGGERS = _PHRASE_TRIGGERS | SIGN_OFF_TRIGGERS  # round 8 (sign_offs.py)
# One closing wish to the reader ("Happy saving", "Stay warm out there", "Safe travels").
_WISH = (
    r"(?:happy\s+(?:[a-z]+\s+)?[a-z-]+ing|good\s+luck(?:\s+with\s+(?:your|the)\s+[a-z]+(?:\s+[a-z]+)?)?"
    # round 6c (r12): a greeting to the readers or the town ("Good morning, Eastgate!")
    r"|good\s+(?:morning|afternoon|evening)(?:,\s+[A-Z][\w-]*(?:\s+[A-Z][\w-]*)?)?|enjoy(?:\s+(?:the|your)\s+[a-z]+)?"
    r"|wrap\s+up\s+warm|stay\s+(?:safe|warm|cool|dry|healthy)(?:\s+out\s+there|\s+this\s+(?:winter|summer|weekend|week"
    r"|christmas|festive\s+season)|\s+on\s+the\s+roads)?|safe\s+(?:travels|journey|trip|home)"
    r"|bon\s+app[ée]tit|bom\s+apetite|buon\s+appetito"
    # (round 15, r38: "Catch you next Thursday!")
    r"|(?:see|catch)\s+you\s+(?:next|tomorrow|soon|then|there|again|on|later|all)\b[^.!?]{0,30})"
)
# Openers that address the reader at the very start: discourse markers before a question or a
# suggestion ("Alright, so what …", "So, why …?") and imperatives to the reader ("Stay tuned", "Stick
# around", "Keep reading to find out", "Bear with us", "Curious what happens next?").
FILLER_OPENER_RE = re.compile(
    r"\s*(?:(?:alright|all right|okay|ok|so|well|now),?\s+(?:so\b|guys\b|let|what\b|why\b|how\b|here\b)"
    r"|(?:(?:so|now|and|but|okay|ok|alright|well|first|finally),?\s+)?(?P<imperative>"
    r"grab\s+(?:your|a)\s+(?:coffee|cup|tea|snack|popcorn|seat|flask|blanket|brew|drink|cuppa)|stay\s+(?:tuned|with\s+us)|buckle\s+up"
    r"|keep\s+an\s+eye\s+on|don['’]?t\s+(?:forget\s+to|miss)|dive\s+(?:into|in|deep)|read\s+on"
    r"|stick\s+(?:around|with\s+us)|keep\s+(?:reading|scrolling|watching|listening)|read\s+to\s+the\s+end"
    r"|bear\s+with\s+(?:us|me)|hang\s+tight|scroll\s+down|let\s+me|sit\s+back|settle\s+in"
    r"|find\s+out\s+(?:below|more|why|how|what)|check\s+(?:it|this)\s+out"
    r"|(?:curious|wondering)\s+(?:what|how|why|about|whether|if|to|where|which|who|when)|want\s+to\s+(?:know|learn|find)"
    # a closing wish to the reader, the whole sentence ("Happy saving!", "Stay safe out there, everyone.",
    # round 5c: "Stay safe, and happy cooking!", "Happy laptop hunting!", "Wrap up warm and enjoy the
    # show!", "Have a brilliant time, whatever you get up to!")
    # (round 5d: two wishes in either order, "Happy saving, and stay warm out there!", and a traveller's
    # "Safe travels, everyone!")
    r"|(?:"
    + _WISH
    + r",?\s+and\s+)?"
    + _WISH
    + r"(?:,?\s+(?:everyone|everybody|all|folks|friends|guys|(?-i:[A-Z][a-z]+)))?(?=\s*[.!]*\s*$)"
    # round 6b: a wish, then one more piece of advice to the reader ("Stay safe out there, and keep an
    # eye on your neighbours.", "Bom apetite, and don't forget to pack your stretchiest trousers!")
    r"|"
    + _WISH
    + r",?\s+and\s+(?:don['’]t\s+forget\s+to\s+)?[a-z]+\b(?=[^.!?\d]{0,60}\byour?\b[^.!?\d]{0,40}[.!]*\s*$)"
    r"|have\s+(?:a|an)\s+(?:[a-z]+\s+)?(?:time|day|weekend|holiday|christmas|evening)\b"
    r"(?=(?:,\s*(?:everyone|all|folks|whatever|wherever)[^.?!\d]{0,40})?\s*[.!]*\s*$)"
    # a question to the reader with its "Are you/Do you" elided, the whole sentence ("Planning a trip
    # to the capital this festive season?", "Confused about this week's tram strike?", "Fancy a night
    # under the stars?", "Not sure whether yours is affected?"); "Planning permission was refused" has
    # no article after "planning" and no question mark
    r"|(?:planning\s+(?:a|an|to|your|on|ahead)|confused\s+(?:about|by)|fancy\s+(?:a|an|some|trying|getting)"
    r"|not\s+sure\s+(?:whether|if|what|how|which|where|when)|worried\s+(?:about|that)|stuck\s+(?:for|at|in|on|with)"
    r"|looking\s+for\s+(?:a|an|some)|thinking\s+(?:of|about)\s+(?:a|an|[a-z]+ing))\b(?=[^.!?]{0,70}\?\s*$)"
    # the author's lead-in to what follows, the whole sentence ("Here's how to check.", "Here's the short
    # version.", "Now for the fun part.")
    r"|here(?:['’]s|\s+is)\s+(?:how(?:\s+to\s+[a-z]+(?:\s+it)?)?|why|what\s+to\s+do|the\s+(?:short|long)\s+version"
    r"|the\s+good\s+news|the\s+bad\s+news)(?=\s*[.!:]*\s*$)"
    r"|now,?\s+(?:for|on\s+to|onto)\s+the\s+(?:fun|good|best|tricky|hard|boring|exciting)\s+(?:part|bit)(?=\s*[.!:]*\s*$)"
    # round 7 (r13): a toast ("Here's to a stress-free savings journey!")
    r"|here['’]s\s+to\s+(?:a|an|the|many|more|another|your)\b[^.!?\d,]{0,50}?\w(?=!\s*$)"
    # reassurance with no content ("Don't worry if you don't own a telescope.", "You don't need to be an
    # expert to enjoy this one."); a bare "Don't worry, he will be gone soon." is said in a story)
    r"|don['’]?t\s+worry\s+if\s+you\b"
    r"|you\s+don['’]?t\s+(?:need|have)\s+to\s+be\s+(?:an?\s+)?(?:expert|pro|genius|scientist|astronomer)"
    r"|ready\s+to\s+(?:dig|dive|learn|find|get)|ever\s+wondered"
    # handing over to the reader or bracing the reader, with nothing after but a reason or a cheer:
    # "Now, over to you.", "Get ready, because this one's juicy.", "Brace yourselves!" ("Get ready for
    # higher bills this winter" is advice with content: "for" is not allowed after "ready")
    r"|over\s+to\s+you(?:\s+now)?(?=\s*[.!]*\s*$)|(?:get\s+ready|brace\s+yoursel(?:f|ves)|hold\s+on\s*to\s+your\s+hats?"
    r"|fasten\s+your\s+seat\s*belts?)(?=\s*(?:[.!]+\s*$|[,—–-]\s*(?:because|cause|this|it['’]s|folks|everyone|people)\b)))\b)",
    re.IGNORECASE,
)
# Round 6c (r8, r9, r11, r12): the whole sentence a reassurance, a nudge or a sign-off to the reader
# ("Don't panic.", "You heard that right.", "Think about that for a second.", "We've all been there.",
# "Anyway, that's enough from me for this week.", "Grab the tissues for this one."). Kept out of
# FILLER_OPENER_RE: its first words ("that", "we", "think") open too many sentences for the no-cue fast
# path to try the opener on; these lines are short, so the length decides first (reader_idiom).
_READER_IDIOM_RE = re.compile(
    r"\s*(?:if\s+you[^,.?!]{3,40},\s+)?(?P<imperative>(?:don['’]?t|do\s+not)\s+(?:worry|panic|fret|despair)|you\s+heard\s+(?:that|it|me)\s+right"
    r"|think\s+about\s+(?:that|it)\s+for\s+a\s+(?:second|moment|minute)|we['’]ve\s+all\s+been\s+there"
    r"|(?:anyway,?\s+)?that['’]s\s+(?:enough|all|it)\s+from\s+(?:me|us)(?:\s+for\s+(?:this|the|today|now)\b[^.!?\d]{0,20})?"
    r"|grab\s+the\s+tissues(?:\s+for\s+this\s+one)?"
    # round 7 (r14, r16): any verbless move to the next part ("Now, on to the numbers.", "On to the good
    # stuff."; here, not in FILLER_OPENER_RE, whose first words are looked for anywhere in a sentence)
    r"|(?:now,?\s+)?(?:on\s+to|onto)\s+the\s+[a-z]+(?:\s+[a-z]+)?"
    # round 7 (r14, r16): a welcome to the page ("Welcome back to our weekly politics roundup!") and the
    # astronomers' wish ("Clear skies, everyone!"), here for the same reason
    r"|welcome\s+(?:back\s+)?to\s+(?:our|the|this|my|your)\b[^.!?\d,]{0,50}?\w"
    r"|clear\s+skies(?:,\s+(?:everyone|everybody|all|folks|friends))?"
    # round 7 (r13): an interjection and a remark on the page itself ("Whew, that was a lot!")
    r"|(?:whew|phew|oof|yikes|wow),?\s+(?:that|this|what)\b[^.!?\d]{0,30}"
    # round 14 (r34, r35): the writer's asides that steer the reading and say nothing, the whole short line, after
    # an interjection or alone — "Picture the scene.", "Get this.", "Wait till you see the goalkeeper.", "Anyway,
    # on we go.", "Moving on.", "Right, where was I?", "Anyway, enough rambling.", "Back to the story.", "We'll
    # come back to that in a minute." (here, not in FILLER_OPENER_RE: "on", "we", "back" are in most sentences)
    r"|(?:(?:anyway|anyhow|right|ok|okay|alright),?\s+)?(?:get\s+this|(?:picture|imagine)\s+"
    r"(?:the\s+scene|this)|wait\s+(?:till|until)\s+you\s+(?:see|hear|read|meet)\b[^.!?\d]{0,40}|on\s+we\s+go"
    r"|moving\s+on|enough\s+(?:rambling|waffling|waffle|preamble|of\s+that)|where\s+(?:was|were)\s+(?:i|we)\?"
    r"|back\s+to\s+(?:the|our)\s+(?:story|point|matter\s+at\s+hand)|we['’]ll\s+(?:come\s+back|get|return)\s+to"
    r"\s+(?:that|this|it)\s+(?:in\s+a\s+(?:moment|minute|bit|second|sec)|later|shortly))"
    # round 15 (r30, r31, r37, r38: four writers): the writer's lead-ins and teasers with no content, the whole short
    # line — "First, a little background.", "And now for my favourite bit.", "Now, the fun part.", "Okay, ready for
    # the fun part?", "But hold on — it gets even juicier.", "That's a wrap for this week.", "Long story short?"
    # (each shape opens on its own few words — first, now, okay, and, ready, wait, hold, that, long: the line's first
    # word gates the pattern on the no-cue fast path, and "the", "it", "so", "to" open too many short lines)
    r"|(?:first|now|okay|ok|right),?\s+(?:a|some)\s+(?:little\s+|bit\s+of\s+|quick\s+|brief\s+)?"
    r"(?:background|context|history|housekeeping|backstory)"
    r"|(?:(?:and\s+)?now|okay|ok|right)(?:,?\s+ready)?,?\s+(?:for\s+)?(?:the|my)\s+"
    r"(?:fun|favou?rite|best|good|tricky|hard|interesting|juicy|exciting|boring)\s+(?:part|bit)\??"
    r"|ready\s+for\s+(?:the|my)\s+(?:fun|favou?rite|best|good|tricky|hard|interesting|juicy|exciting)\s+(?:part|bit)\?"
    r"|(?:but\s+)?(?:hold\s+on|wait)\s*[,—–-]*\s*(?:and\s+)?it\s+gets\s+(?:even\s+)?(?:better|worse|juicier|weirder"
    r"|stranger|wilder|more\s+interesting)"
    # (r28, r37: "And that's where things get interesting."; round 14 took "this is where …" in _FILLER_RE)
    r"|(?:and\s+|but\s+)?that['’]s\s+where\s+(?:it|things)\s+gets?\s+(?:interesting|good|tricky|complicated|messy"
    r"|weird|fun|juicy)"
    r"|that['’]s\s+a\s+wrap(?:\s+for\s+(?:this|the|today|now|another)\b[^.!?\d]{0,20})?"
    r"|long\s+story\s+short\??)(?=\s*[.!]*\s*$)",
    re.IGNORECASE,
)
READER_IDIOM_MAX_CHARS = 70

# Round 16: the writer's moves that carry nothing but the reading itself (a separate pattern with its own first words
# and key words, so that the common first words it needs — "and", "so", "that", "this", "we", "there" — send no more
# short lines to the pattern above: see reader_idiom).
_READER_MOVES_RE = re.compile(
    r"\s*(?P<imperative>"
    # round 16 (r41 and our own): the writer's moves that carry nothing but the reading itself, the whole short line —
    # a brace of the reader ("Strap yourselves in.", "Watch this space."), a hand-over to what follows ("And that
    # brings us to the big question.", "But hold on — there's one more thing worth knowing."), a close ("Anyway,
    # enough from me.", "More on this next week, I promise.", "Until next Sunday — take care of yourselves.", "We
    # hope this helped clear things up!") and a greeting before the welcome ("Namaste, and welcome back, everyone.")
    r"(?:strap|prepare|pace)\s+yoursel(?:f|ves)(?:\s+(?:in|up))?|watch\s+this\s+space"
    r"|put\s+the\s+kettle\s+on\b[^.!?\d]{0,60}"
    r"|(?:and\s+|so\s+)?(?:that|this|which)\s+brings\s+(?:us|me)\s+(?:neatly\s+|nicely\s+|finally\s+)?(?:on\s+)?to\b"
    r"[^.!?\d]{0,40}"
    r"|(?:(?:but|and|oh|now),?\s+){0,2}(?:(?:hold\s+on|wait)\s*[,—–-]*\s*)?there['’]s\s+(?:just\s+)?one\s+(?:more|last"
    r"|final)\s+thing\b[^.!?\d]{0,30}"
    # (r30–r32: "And that's not all.", "Read that again.", "Well, there's a catch.")
    r"|(?:and|but)\s+that['’]s\s+not\s+(?:all|it)|read\s+(?:that|it)\s+again"
    r"|(?:(?:well|but|now|of\s+course),?\s+)?there['’]s\s+(?:a|one)\s+catch"
    r"|(?:anyway|anyhow|okay|ok|right|well),?\s+enough\s+(?:from|of)\s+(?:me|us)\b[^.!?\d]{0,20}"
    r"|more\s+on\s+(?:this|that|it|which)\s+(?:next\s+\w+|tomorrow|soon|later|shortly)(?:,?\s+(?:i|we)\s+promise)?"
    r"|until\s+next\s+(?:time|week|month|\w+day)\b[^.!?\d]{0,40}"
    r"|(?:i|we)\s+hope\s+(?:this|that|you)\s+(?:\w+\s+){0,2}?(?:helped|helps|has\s+helped|was\s+(?:useful|helpful)"
    r"|enjoyed|found\s+(?:this|it))\b[^.!?\d]{0,40}"
    r"|(?:hello|hi|hey|namaste|greetings|howdy|good\s+(?:morning|afternoon|evening))(?:\s+again)?,?\s+(?:and\s+)?"
    r"welcome\s+back\b[^.!?\d]{0,30})(?=\s*[.!]*\s*$)",
    re.IGNORECASE,
)
_READER_MOVES_FIRST = line_start_tokens(_READER_MOVES_RE)
# One of these is in every line the pattern matches (a substring test on the lower-cased short line).
_READER_MOVES_KEYS = (
    "yoursel",
    "space",
    "kettle",
    "brings",
    "thing",
    "enough",
    "more on",
    "until next",
    "hope",
    "welcome",
    "catch",
    "again",
    "not all",
    "not it",
)


def _reader_move_possible(text: str) -> bool:
    low = text.lower()
    return any(k in low for k in _READER_MOVES_KEYS)


# For ASCII text the idiom can only match when the line's first word is one of these.
_READER_IDIOM_FIRST = line_start_tokens(_READER_IDIOM_RE)


def reader_idiom(text: str) -> re.Match[str] | None:
    """The whole line a reassurance or sign-off to the reader (see _READER_IDIOM_RE, _READER_MOVES_RE), or None."""
    if len(text) > READER_IDIOM_MAX_CHARS:
        return None
    if not text.isascii():
        m = _READER_IDIOM_RE.match(text)
        return m if m is not None else _READER_MOVES_RE.match(text)
    first = first_word(text)
    if first in _READER_IDIOM_FIRST:
        m = _READER_IDIOM_RE.match(text)
        if m is not None:
            return m
    if first in _READER_MOVES_FIRST and _reader_move_possible(text):
        return _READER_MOVES_RE.match(text)
    return None


# Vocative "folks"/"guys" and a closing "cheers": at the start or after a comma ("That's it, folks!"),
# not inside content ("popular with retired folks, students and tourists", "broke into cheers").
# (round 14, r34: "And that, dear reader, is only half of it.")
_VOCATIVE_RE = re.compile(
    r"(?:^\W*|,\s*)(?:guys|folks|cheers|dear\s+readers?)(?=\s*[!.?,]|\s*$)", re.IGNORECASE
)
VOCATIVE_WORDS = frozenset("guys folks cheers dear".split())
# A short question to the reader with no content of its own: no figure, no name, and aimed at the
# reader ("So what does all this mean for you?", "Want to know more?", "Sound familiar?").
_READER_WORDS = frozenset("you your yourself".split())
_READER_QUESTION_OPENERS = frozenset(
    "want curious wondering ready ever sound sounds need looking still got so love keen tired sick hungry".split()
)
# round 7 (r13): the question's subject is the reader ("Are you at Greenvale this weekend?", "So, you
# want to build a safety net but don't know where to start?"): a place or a name in it is the reader's.
_YOU_QUESTION = re.compile(
    r"\W*(?:(?:so|now|well),?\s+)?(?:(?:are|do|did|have|will|were)\s+you|you(?:\s+(?:want|need|have)|['’](?:ve|re))"
    # round 16 (r41): the reader as the object, "Has anyone ever told you to skip the ice water after dinner?"
    r"|(?:has|have|did)\s+(?:anyone|anybody|someone|somebody)\s+(?:ever\s+)?\w+\s+you)\b",
    re.IGNORECASE,
)
_YOU_QUESTION_MAX_WORDS = 16
_DIGIT_RE = re.compile(r"\d")
# An elliptical or tag question to the reader ("Hungry yet?", "Sounds simple, right?", "Tempted yet?"):
# one word and "yet" (no subject: "Are they ready yet?" asks about someone), or a tag asking the reader
# to agree; short, no figure, no name.
_READER_TAG = re.compile(
    # round 6c (r8, r11): a verbless check on the reader ("Easy enough?", "Popcorn at the ready?")
    r"(?:,\s*(?:right|eh|huh|no)|^\W*\w+\s+(?:yet|enough)|^\W*\w+\s+at\s+the\s+ready)\s*\?\s*$",
    re.IGNORECASE,
)
_READER_TAG_MAX_WORDS = 6
_CAPITALISED_LATER = re.compile(r"\s[A-Z](?!\b)")


def _reader_question(text: str, words: frozenset[str]) -> bool:
    body = text.strip()
    if not body.endswith("?"):
        return False
    n = len(body.split())
    if n > _YOU_QUESTION_MAX_WORDS or _DIGIT_RE.search(body) is not None:
        return False
    if "?" not in body[:-1] and _YOU_QUESTION.match(body) is not None:
        return True
    if n > 10:
        return False
    if _CAPITALISED_LATER.search(body.replace(" I ", " i ")):
        return False  # a name or title: a question about something
    first = body.split(None, 1)[0].strip(",").lower()
    return (
        bool(words.gates & _READER_WORDS_GATE)
        or first in _READER_QUESTION_OPENERS
        or (len(body.split()) <= _READER_TAG_MAX_WORDS and _READER_TAG.search(body) is not None)
    )


# Reader address by its shape: a short sentence that speaks to the reader ("you") about the text itself
# ("this next part", "what comes below", "the rest of this article") and carries no content of its
# own — no figure, no name ("You're going to love this next part", "You won't believe what comes
# next"). "You can apply online at the council's website" names something: not filler.
_TEXT_ITSELF = re.compile(
    r"\b(?:this|the)\s+(?:next\s+)?(?:part|bit|section|article|post|piece|list|guide)\b"
    r"|\b(?:below|ahead|coming\s+up|comes\s+next|what['’]s\s+next|read\s+on|next\s+part)\b",
    re.IGNORECASE,
)
_READER_ADDRESS_MAX_WORDS = 12
_SECOND_PERSON = frozenset("you your you're youre you'll you’ll you’re yourself".split())


# The reader's own situation told back to them, with no content ("You're in the right place.", "So,
# you've got some cash sitting around and you want it to work harder.", "You know the feeling."): the
# sentence opens on "you" with a verb of having, knowing or being (or "You've come to the right page.") — not advice ("You want to book
# early", "You've got to be kidding"), a modal of practical information ("You can apply online …",
# "You must register …", "You will need a passport") nor a status the reader is given ("You are
# entitled to a refund").
_READER_SITUATION = re.compile(
    r"\s*(?:(?:so|well|now|okay|ok),?\s+)?you(?:(?:['’]ve|\s+have)\s+got(?!\s+to\b)|['’]re|\s+are|\s+know"
    r"|\s+feel|['’]ve\s+(?:probably\s+)?(?:heard|seen|been)|(?:['’]ve|\s+have)\s+come\s+to\s+the\s+right)\b(?!\s+(?:required|expected|advised|asked|entitled"
    r"|eligible|allowed|able|invited|urged|not\s+allowed|welcome\s+to)\b)",
    re.IGNORECASE,
)
_READER_SITUATION_MAX_WORDS = 16
# Round 17 (r43; then r30 and r8 unseen): a line to the reader that closes on the writer's thanks or on the
# reader's company, after a clause about the reader ("If you've made it this far, thank you.", "If you've
# ever wondered why your bill keeps going up, you're in good company."): the main clause carries nothing
# but the address; a practical main clause ("…, you can claim up to £150", "…, you are eligible for …") is
# not this shape, and a figure or a name still rules the line out (the guards above).
_THANKS_CLOSE = re.compile(r",\s+(?:thank\s+you|thanks)\s*[.!]*\s*$", re.IGNORECASE)
_REASSURED_CLOSE = re.compile(
    r"\W*if\s+you\b[^,]{3,120},\s+you(?:['’]re|\s+are)\s+(?:not\s+alone|in\s+(?:good\s+company|the\s+right\s+place))\b",
    re.IGNORECASE,
)


def _reader_address(text: str, words: frozenset[str]) -> bool:
    reader = words.gates & _SECOND_PERSON_GATE or "you" in lowered(text)
    # Without "you", only a question answered at once or a thanks to "us" can be reader address ("we"
    # and "I" alone are in every other quotation).
    if not reader and (
        not words.gates & _FIRST_PERSON_GATE or ("?" not in text and not words.gates & _THANKS_GATE)
    ):
        if "?" not in text or not words.gates & _SENDS_ON_GATE:
            return False
    body = text.strip()
    if len(body.split()) > _READER_SITUATION_MAX_WORDS or any(ch.isdigit() for ch in body):
        return False
    # (a capital after "? " opens the answer of an exchange, not a name)
    probe = _AFTER_QUESTION.sub(lambda m: m.group(0).lower(), body) if "?" in body else body
    if _CAPITALISED_LATER.search(probe.replace(" I ", " i ")):
        return False
    if _writer_to_reader(body, words) or ("? " in body and _long_reader_exchange(body, words)):
        return True
    if not reader:
        return False
    if _READER_SITUATION.match(body) is not None:
        return True
    if ", " in body and (_THANKS_CLOSE.search(body) is not None or _REASSURED_CLOSE.match(body) is not None):
        return True
    return len(body.split()) <= _READER_ADDRESS_MAX_WORDS and _TEXT_ITSELF.search(body) is not None


# Round 6: the writer and the reader and nothing else. A short sentence whose only participants are
# the newsroom ("we", "us") and the reader ("you", "yourselves") — "You'll thank us later.", "Thanks
# for following along with us today.", "Brace yourselves, fans." — carries no claim about anyone
# else: no figure, no name (the guards of _reader_address), at most eight words. "We asked you for
# your stories" is longer or names something; "Thank you" to a third party names them.
_WRITER_WORDS = frozenset("us we our ours".split())
_READER_ALL = _SECOND_PERSON | frozenset({"yourselves"})
_READER_VOCATIVE_END = re.compile(
    r",\s*(?:fans|everyone|everybody|readers|friends|all|people)\s*[.!]*\s*$", re.IGNORECASE
)
_SHORT_ADDRESS_MAX_WORDS = 8
_THANKS = frozenset({"thanks", "thank"})
_FIRST_PERSON = _WRITER_WORDS | frozenset({"me"})
_MIND_YOU = re.compile(r"\bmind\s+you\b", re.IGNORECASE)


# Round 6b: a question to the reader answered at once, in a few words ("Confused? You're not alone.",
# "Still with us? Great.", "Sound complicated? It isn't, we promise.", "Should you buy now or hold
# off? Read on."): the writer talks with the reader, and neither half says anything about anyone
# else — short halves, no figure, no name (the guards of _reader_address). Earlier writers wrote it
# too ("Still with me? Good.").
_EXCHANGE_RE = re.compile(r"\s*(?P<q>[^?]{2,60})\?\s+(?P<a>[^?]{2,40}?)[.!]*\s*$")
_AFTER_QUESTION = re.compile(r"\?\s+[A-Z]")
_EXCHANGE_Q_MAX_WORDS = 9
_EXCHANGE_A_MAX_WORDS = 6
_SENDS_ON = frozenset(("read", "keep", "stick", "stay"))
_WRITER_OR_READER = _READER_ALL | _WRITER_WORDS | frozenset("me i".split())


def _reader_exchange(body: str, words: frozenset[str]) -> bool:
    m = _EXCHANGE_RE.match(body)
    if m is None:
        return False
    q, a = m.group("q").split(), m.group("a").split()
    if len(q) > _EXCHANGE_Q_MAX_WORDS or len(a) > _EXCHANGE_A_MAX_WORDS:
        return False
    # One of the two is named ("you", "us", "me"), or the answer sends the reader on ("Read on."): "The
    # verdict? A must-buy for commuters." names neither and is a verdict.
    return bool(words.gates & _WRITER_OR_READER_GATE) or a[0].lower() in ("read", "keep", "stick", "stay")


# Round 17 (r44, a writer who wrote eight; then r33 and r43 unseen): the exchange above with a longer
# answer that still only speaks to the reader — a promise, a reassurance, a nudge ("Have you tried
# anything like this? Go on, tell me how it went.", "The good news? You've got more control than you
# think.", "Who are you backing? Stick with us, because there's plenty more to come."). The shape, not a
# word: one question, then an answer of up to twelve words; no figure and no capital after either half's
# first word (the caller's guards: nothing named); the reader or the writer named. An answer that opens
# on a yes/no reply answers a question about something ("Is it worth it? Absolutely, if you commute
# daily.", "Was it fair? No, and you know it."): a verdict, left to the other finders. On every readable
# file this shape holds only filler and boilerplate rows; the BBC/Reuters sentences outside quotations
# hold none.
_LONG_ANSWER_MAX_WORDS = 12
_ELLIPTICAL_MAX_WORDS = 3
_WH_OPENERS = frozenset("who whom whose what which why how when where".split())
_POLAR_REPLY = frozenset(
    """yes yeah yep no nope not never absolutely definitely certainly surely probably possibly perhaps maybe
    unlikely likely hardly doubtful sadly unfortunately alas""".split()
)


def _long_reader_exchange(body: str, words: frozenset[str]) -> bool:
    q, mark, a = body.partition("?")
    if not mark or "?" in a or not words.gates & _WRITER_OR_READER_GATE:
        return False
    question, answer = q.split(), a.split()
    if not (1 <= len(question) <= _EXCHANGE_Q_MAX_WORDS and 2 <= len(answer) <= _LONG_ANSWER_MAX_WORDS):  # noqa: PLR2004
        return False
    if answer[0].strip(",.!—–-").lower() in _POLAR_REPLY:
        return False
    # The question is put to the reader (names the reader or the writer) or is elliptical, a few words with
    # no subject ("Sound complicated?", "The good news?"); a question about a third party with a subject
    # of its own is the author's challenge ("Why did the council wait so long? Tell me that.", round 11).
    if len(question) <= _ELLIPTICAL_MAX_WORDS and question[0].lower() not in _WH_OPENERS:
        return True
    return any(re.split(r"['’]", w.lower(), maxsplit=1)[0] in _WRITER_OR_READER for w in question)


def _writer_to_reader(body: str, words: frozenset[str]) -> bool:
    if len(body.split()) > _SHORT_ADDRESS_MAX_WORDS or _MIND_YOU.search(body) is not None:
        return False  # "Mind you, we have heard similar pledges before": the idiom addresses nobody
    if "?" in body and _reader_exchange(body, words):
        return True
    reader = bool(words.gates & _READER_ALL_GATE)
    if reader and words.gates & _WRITER_WORDS_GATE:
        return True
    if words.gates & _THANKS_GATE and "us" in words:
        return True
    return reader and _READER_VOCATIVE_END.search(body) is not None


# For ASCII text the opener can only match when the sentence's first word is one of these (the same
# derivation as BOILERPLATE_LINE_WORDS below): without one, the match is skipped, it would fail.
FILLER_OPENER_WORDS = line_start_tokens(FILLER_OPENER_RE)


def filler_possible(text: str, words: Words) -> bool:
    """False only when ``filler_cues`` finds nothing: the union of its first tests, each as narrow as
    the test it stands for (round 9: the opener's "and", "but", "not" … count only as an ASCII line's
    first word, where the anchored pattern needs them; a phrase trigger only with an unblocked start
    word of the phrases; "you" only in a line reader address can be; a "!" only closing the line)."""
    if not text.isascii():
        return True  # the opener pattern is matched on any non-ASCII sentence
    gates = words.gates
    if (
        "?" in text  # a reader question, an exchange, an elided question (sign_offs.py)
        or gates & _VOCATIVE_WORDS_GATE
        or (gates & _PHRASE_TRIGGERS_GATE and _FILLER_RE.possible(text, words))  # (thanks included)
        or gates & _SIGN_OFF_OWN_GATE  # (reader_lines' gate words included)
        or text[:4] in SIGN_OFF_PREFIXES  # an opening reader line (reader_lines.py, round 9)
        or (gates & _PRESUMED_GATE and text[:1] in PRESUMED_FIRST)
        # _reader_address: "you" (inside a word too) in a short line with no figure; "… is for you."
        or (
            "you" in lowered(text)
            and (
                "for" in words
                or (len(text.split()) <= _READER_SITUATION_MAX_WORDS and not _DIGIT_RE.search(text))
            )
        )
        or ("!" in text and text.rstrip().endswith("!"))  # an exclamation to the reader (sign_offs.py)
        # "That's it for tonight", "That's all from us!" (sign_offs._SIGN_OFF_RE, anchored at the start)
        or ("that" in words and ("for" in words or "from" in words) and _THAT_OPENING.match(text) is not None)
    ):
        return True
    if not gates & _FILLER_OPENER_WORDS_GATE and len(text) > READER_IDIOM_MAX_CHARS:
        return False
    # FILLER_OPENER_RE and reader_idiom are anchored at the line start: the first word decides.
    first = first_word(text)
    return first in FILLER_OPENER_WORDS or (
        len(text) <= READER_IDIOM_MAX_CHARS
        and (first in _READER_IDIOM_FIRST or (first in _READER_MOVES_FIRST and _reader_move_possible(text)))
    )


_THAT_OPENING = re.compile(r"\W*that\b", re.IGNORECASE)


def filler_cues(text: str, quotes: list[tuple[int, int]], words: frozenset[str] | None = None) -> list[Cue]:
    out: list[Cue] = []
    words = words if words is not None else words_of(text)
    m = (
        None
        if text.isascii() and not words.gates & _FILLER_OPENER_WORDS_GATE
        else FILLER_OPENER_RE.match(text)
    )
    if m is None:
        m = reader_idiom(text)
    if m and quotes and inside(quotes, m.end() - 1):
        m = None  # round 6c: inside a quotation ("Don't panic." in the middle of one) it is the speaker's
    if m:
        s, e = m.span("imperative")
        out.append(new_cue("filler", text[s:e], s, e) if s != -1 else strip_cue("filler", m, text))
    if words.gates & _VOCATIVE_WORDS_GATE:
        out.extend(
            strip_cue("filler", m, text) for m in _VOCATIVE_RE.finditer(text) if not inside(quotes, m.start())
        )
    if (
        not out
        and not quotes
        and (("?" in text and _reader_question(text, words)) or _reader_address(text, words))
    ):
        body = text.strip()
        start = len(text) - len(text.lstrip())
        out.append(new_cue("filler", body, start, start + len(body)))
    if words.gates & _PHRASE_TRIGGERS_GATE:
        out.extend(
            strip_cue("filler", m, text)
            for m in _FILLER_RE.find(text, words)
            if not inside(quotes, m.start())
            # round 14: "stay tuned" closing the line is the writer's; "were asked to stay tuned" reports an order
            and not (text[m.start() : m.start() + 4].lower() == "stay" and prev_word(text, m.start()) == "to")
        )
    if (
        not out
        and not quotes
        and (
            "!" in text
            or "?" in text
            or not words.isdisjoint(SIGN_OFF_GATE)
            or ("that" in words and "for" in words)  # "That's it for tonight", "That's all for now"
            # round 10: "That's it from me this week." (an opening "that": "from" and "that" are common)
            or ("from" in words and "that" in words and _THAT_OPENING.match(text) is not None)
            or text[:4] in SIGN_OFF_PREFIXES  # round 9: an opening reader line (reader_lines.py)
        )
        and sign_off(text, words)
    ):
        body = text.strip()  # round 8: the whole line is the writer talking to the reader
        start = len(text) - len(text.lstrip())
        out.append(new_cue("filler", body, start, start + len(body)))
    if len(out) > 1:
        out.sort(key=BY_START)
    return out


# Trigger-table bits of the word gates above (prefilter.trigger_gate): ``words.gates & BIT`` is
# ``not words.isdisjoint(TABLE)``, one integer test instead of a probe per word.
_READER_WORDS_GATE = trigger_gate(_READER_WORDS)
_SECOND_PERSON_GATE = trigger_gate(_SECOND_PERSON)
_WRITER_OR_READER_GATE = trigger_gate(_WRITER_OR_READER)
_READER_ALL_GATE = trigger_gate(_READER_ALL)
_WRITER_WORDS_GATE = trigger_gate(_WRITER_WORDS)
_THANKS_GATE = trigger_gate(_THANKS)
_VOCATIVE_WORDS_GATE = trigger_gate(VOCATIVE_WORDS)
_PHRASE_TRIGGERS_GATE = trigger_gate(_PHRASE_TRIGGERS)
_SIGN_OFF_BIT = trigger_gate(SIGN_OFF_GATE)
_FIRST_PERSON_GATE = trigger_gate(_FIRST_PERSON)
_SENDS_ON_GATE = trigger_gate(_SENDS_ON)
_FILLER_OPENER_WORDS_GATE = trigger_gate(FILLER_OPENER_WORDS)
# filler_possible: sign_off's own words, and the words of a presumed-state opening (with its first
# character). Reader address without "you" needs "?" or a thanks (a phrase trigger).
_SIGN_OFF_OWN_GATE = trigger_gate(SIGN_OFF_OWN_WORDS)
_PRESUMED_GATE = trigger_gate(PRESUMED_WORDS)

"""Round 10 (issue #17): a claim handed to its source by the sentence's grammar, with no "said" and no
"that" — the held-out pool's attributed -> reported (12), r28 ×13, r29 ×2, r16–r25 ×9 on main 0669adf.

* a verb of characterising with the source's own words in quotation marks after it: "The bishop called the
  restoration 'an act of faith …'", "The head teacher described the report as 'fair but tough'", "The
  mayor dismissed the protesters as “a noisy minority”", "… remembered her letting children in free
  "if they promised …"", "As the chairman put it, '…'", "In the words of one shopkeeper, '…'"; without
  the marks "called the plan ambitious" stays the author's report of an act;
* a verb of confirming or disclosing with its clause and no "that": "In a statement, the club confirmed the
  midfielder had torn a hamstring", "A source close to the player indicated he was unhappy", "Dr Mensah
  accepted that the notes had been altered": the clause has its own finite verb, and no relative word
  between (so "Police confirmed the identity of the man who was …" is not read as a clause);
* a forecaster named as the subject of a forecast in the progressive or the past: "The Met Office is
  predicting highs of 33C", "Environment Canada is forecasting up to 15 millimetres", "The India
  Meteorological Department on Monday forecast an above-normal monsoon", "Skymet had earlier projected a
  normal monsoon" (the agentless "is projected to" stays the author's hedge);
* a record named by its owner as the subject of what it shows: "Court records show …", "The council's own
  figures reveal …", "Customs figures show …" (a bare "The figures show", "Official figures show …" and a
  month's "May's trade figures showed" stay the author's, as the earlier writers label them — round 5b's
  near miss; r17 labels "Official figures show" attributed, a conflict left as it was);
* "Per the filing, …", "Per the league's disciplinary panel, …": "per" opening the sentence is
  "according to".
"""

from __future__ import annotations

import re

from factsieve.classify.context import prev_word
from factsieve.classify.cue import Cue, inside, new_cue

_BE_FORMS = frozenset("is are was were be been being".split())
# the participle as an adjective: "The last confirmed Iraqi attack was on", "an accepted practice"
_ADJECTIVE_BEFORE = frozenset("the a an last first no only any its their his her".split())

# Verbs of characterising; the quotation must open within a few words after the verb.
# (round 7's _label_verb_cues in attribution.py takes call/brand/dub/label/describe before a quotation the
# quote finder found; this adds the verbs of dismissing and remembering, "put it", "in the words of", and a
# quotation in straight single marks, which the quote finder leaves alone as apostrophes.)
_QUOTED = r"(?<!\w)['‘“\"](?=[A-Za-z])[^‘’“”\"]{2,200}?[A-Za-z.,!?]['’”\"](?!\w)"
_CHARACTERISE_RE = re.compile(
    r"(?<![\w-])(?P<verb>called|calls|described|describes|branded|brands|dubbed|dubs|labell?ed|hailed|hails|dismissed"
    r"|dismisses|remembered|remembers|recalled|recalls|put\s+it|words\s+of"
    # (round 15, r37: an inspector's or a regulator's grade in its own words, "Inspectors rated the care home
    # 'inadequate'", "The agency classed the leak as a 'serious incident'")
    # (not "rates", "grades", "classes": nouns as often, "five grades, ranging from 'poor' to 'excellent'")
    r"|rated|graded|classed|classified|classifies)\s*,?\s+(?P<obj>[^‘“\".;]{1,60}?\s)?" + _QUOTED,
    re.IGNORECASE,
)
_QUOTE_MARKS = re.compile("['‘“\"]")
CHARACTERISE_WORDS = frozenset(
    """called calls call described describes branded brands dubbed dubs labelled labeled hailed hails dismissed
    dismisses remembered remembers recalled recalls put words rated graded classed classified classifies""".split()
)

# A verb of confirming or disclosing before its own clause ("confirmed the midfielder had torn …").
# (round 11, r30: "maintains" — holding to a claim, "Her lawyer maintains she was 300 miles away")
_CLAUSE_VERBS = (
    r"confirmed|confirms|indicated|accepted|accepts|disclosed|discloses|revealed|maintains|maintained"
    # (round 15, r38: "Manufacturer Crispwell states that its basket models are rated …" — only with "that":
    # "the United States" is no verb)
    r"|states"
)
_CLAUSE_RE = re.compile(
    # (round 15: after "that" any subject, "states that staff must …")
    r"\b(?P<verb>" + _CLAUSE_VERBS + r")\s+(?:that\s+[\w'’£$€-]+|(?:that\s+)?"
    r"(?:the|a|an|his|her|its|their|he|she|it|they|[A-Z][a-z]+))"
    r"(?:\s+(?!to\b|into\b|which\b|that\b|who\b|whom\b|what\b|where\b|when\b|and\b|or\b)[\w'’-]+){0,5}?"
    # (round 11, r30: a figure after the verb, "maintains she was 300 miles away")
    # (round 15: a rule's "must", "should", "can" — "The handbook states that staff must wear gloves")
    r"\s+(?:had|has|have|was|were|is|are|would|will|could|might|may|must|should|can)\s+(?!been\s+(?:a|an|the)\b)[a-z\d£$€]"
)
# ("states" is asked only with "that", by source_pairs_possible: "United States" is in many sentences)
CLAUSE_VERB_WORDS = frozenset(_CLAUSE_VERBS.split("|")) - {"states"}
# The verb's subject: not the author's "we"/"I", nor a test or a scan ("The scan confirmed the tumour had
# shrunk" is a result the author reports; earlier writers label it reported).
_NOT_SOURCE_BEFORE = re.compile(
    r"\b(?:we|i|our|my|tests?|scans?|results?|x-rays?|analysis)\s+(?:\w+\s+)?$", re.I
)

# A forecaster named as the subject of a forecast in the progressive or the past.
_FORECASTER_RE = re.compile(
    r"(?:^|,\s+|\bthe\s+|\bThe\s+)(?P<np>(?:[A-Z][a-z]+\s+[a-z]+\s+)?(?:[A-Z][\w.&’'-]*\s+){1,5}"
    # (or an institution by its common noun after "the": "The central bank had earlier projected …")
    r"|(?<=he\s)(?:central\s+|national\s+|state\s+|federal\s+)?(?:bank|government|ministry|treasury|agency|regulator"
    r"|fund|commission|department|institute|forecaster|weather\s+service|met\s+office)\s+)"
    r"(?:(?:on\s+[A-Z][a-z]+day|earlier|last\s+week|this\s+week|in\s+[A-Z][a-z]+)\s+)?"
    r"(?:(?:is|are|was|were|has\s+been|had\s+been)\s+(?:now\s+|also\s+)?(?:forecasting|predicting|projecting)"
    r"|(?:(?:has|had)\s+(?:earlier\s+|also\s+|already\s+)?)?(?:forecast|projected|predicted))"
    r"\s+(?:a|an|the|up\s+to|highs?|lows?|gusts|rain|snow|growth|[\d£$€])"
)
_FORECAST_VERB_RE = re.compile(r"\b(?:forecasting|predicting|projecting|forecast|projected|predicted)\b")
FORECASTER_WORDS = frozenset("forecasting predicting projecting forecast projected predicted".split())
_NOT_FORECASTER = frozenset(
    "It We I They He She This That There Its Our Their His Her The A An Another Any No Some Each Every".split()
)

# A record named by its owner.
_RECORD_RE = re.compile(
    r"\W*(?P<np>(?:(?:the|its|their)\s+)?(?:(?:[A-Z][\w.&-]*\s+){0,3}[\w.&-]+['’]s\s+(?:own\s+)?"
    r"|(?:[A-Z][a-z]+\s+)?(?i:court|police|company|hospital|government|council|land|property|tax|bank"
    r"|phone|flight|public|census|customs|planning|shipping|election|financial|school|prison|federal|state|registry)\s+)"
    r"(?:figures|data|records|accounts|logs|papers|filings|statistics|documents))"
    r"(?:\s+(?:released|published|obtained|seen)\s+[^,;]{0,40}?)?"
    r"\s+(?P<verb>show|shows|showed|reveal|reveals|revealed|indicate|indicates|indicated)\b"
)
_RECORD_NOUNS = frozenset("figures data records accounts logs papers filings statistics documents".split())
RECORD_WORDS = frozenset("show shows showed reveal reveals revealed indicate indicates indicated".split())
_NOT_OWNER = frozenset(
    """january february march april may june july august september october november december monday tuesday
    wednesday thursday friday saturday sunday year's today's week's month's last this""".split()
)

_PER_RE = re.compile(r"\W*(?P<cue>Per)\s+(?:the|a|an|its|their|his|her)\s+[^,;]{3,60},\s+[a-z]")

# Round 12 (r32, r33, the writers no rule-changer saw): five more shapes that name a source by grammar.
# "In a statement, the school apologised to parents …": the document the claim comes from, opening the
# sentence (not "In the statement's third paragraph …": a comma must close the phrase).
_STATEMENT_RE = re.compile(
    r"\W*(?P<cue>In)\s+(?:a|an|its|their|his|her)\s+(?:[\w-]+\s+){0,2}?(?:statement|letter|filing|affidavit"
    r"|submission|press\s+release|blog\s+post|open\s+letter)(?:\s+(?:to|on|from|issued|released|published)"
    r"\b[^,;]{0,50})?,\s+\S"
)
# (the gate: "press release", "filing" and "submission" are not asked for — "release" is in 44 of the 32,765
# speed-set sentences with no other attribution word — so "In a press release, …" needs another cue)
STATEMENT_WORDS = frozenset("statement letter affidavit".split())
# "As the finance ministry sees it, …": the view that follows is the subject's.
# (round 14, r34: "As the mayor put it in her budget speech, the city cannot …" — "put it" and the occasion)
_AS_SEES_RE = re.compile(
    r"\W*As\s+(?P<np>[^,;]{2,60}?)\s+(?:has\s+|once\s+|memorably\s+)?(?P<verb>sees|see|saw|tells|tell|told|puts|put)"
    r"\s+it(?:\s+(?:in|on|at|during|to|when|after|before|while|last|this|earlier)\b[^,;]{1,50})?,\s+\S"
)
# A third party's certainty with its clause: "Cricket Victoria is confident the Boxing Day Test will go
# ahead", "Local farmers are convinced this is the worst drought in living memory" (with I/we/you the
# certainty is the author's or the reader's; an "it" or "there" subject is no one's).
_CONFIDENT_RE = re.compile(
    r"(?P<np>[\w.’'-]+)\s+(?:is|are|was|were|remains?|remained)\s+(?:still\s+|now\s+|increasingly\s+|quietly\s+)?"
    # (round 14, r34: "adamant"/"insistent", and an adverb after the adjective: "The manager was adamant
    # afterwards that the penalty should never have been given")
    r"(?P<verb>confident|convinced|adamant|insistent)\s+(?:afterwards\s+|again\s+|privately\s+|publicly\s+)?"
    r"(?:that\s+)?(?:the|a|an|this|these|it|he|she|they|its|their|his|her|[A-Z])\b"
)
# (round 12 corpus: "Not everyone is convinced the plan will work" is the author's doubt, not a source)
_NOT_CONFIDENT_SUBJECT = frozenset(
    "i we you it there this that who which everyone everybody anyone anybody nobody one".split()
)
# "Recent estimates put the cost at £4bn": a record with no owner is the author's (round 8's near miss);
# "Early estimates from the World Bank put …" names its owner.
_UNOWNED_RECORD = re.compile(
    r"(?:^|[,;:]\s)\W*(?:(?:the|recent|latest|new|early|current|official|some|other|earlier|previous|initial|preliminary"
    r"|independent|unofficial)\s+){0,3}(?:estimates?|figures|projections|forecasts?|data|calculations|numbers"
    r"|reports)\s+(?:have\s+|had\s+)?$",
    re.IGNORECASE,
)
# before the shape's first word: a passive ("is described as") or a future effect ("will put … at")
_NOT_BEFORE_SHAPE = _BE_FORMS | frozenset("will would could should might may must can to".split())
# An estimate put on a figure by its subject: "The finance ministry's own projections put the deficit at
# 6.1 per cent of GDP", "Climate modellers at the institute put the chance of El Niño … at 70 per cent"
# (a phrasal "put … up for sale at £2m", "put his team through their paces at 1030 GMT" is an act, and so
# is a future effect: "The operation will put the outstanding bill supply at about 1,300 yen").
_PUT_AT_RE = re.compile(
    # (round 15, r37: "place … at" is the same estimate, "Estimates from the Refugee Council place the number … at")
    r"\b(?P<verb>puts?|places?)\s+(?:the|its|their|his|her)\s+(?:(?!up\b|down\b|out\b|on\b|back\b|off\b|aside\b|forward\b|through\b)"
    r"[\w'’-]+\s+){0,8}?at\s+(?:about\s+|around\s+|roughly"
    r"\s+|some\s+|up\s+to\s+|between\s+|more\s+than\s+|less\s+than\s+|nearly\s+|almost\s+|just\s+)?"
    # (round 14, r34: a figure in words, "at roughly one in three", "at around a dozen")
    # (round 15, r37: a currency written with letters before the figure, "at R4.5 million", "at Sh2bn", "at US$3m")
    r"(?:(?:[A-Z]{1,3}\$?|Rs\.?\s?|Sh)?[\d£$€₹]|(?:one|two|three|four|five|six|seven|eight|nine|ten|a\s+(?:third|quarter|half|dozen)|half)\b)"
)
# A named forecaster's "sees" with a figure's movement: "The bank's chief economist, Lerato Mokoena, sees
# inflation falling to 4 per cent by December" (the group form, "Economists see …", is attribution.py's).
_SEES_MOVING_RE = re.compile(
    r"\b(?P<verb>sees)\s+(?:[\w'’-]+\s+){1,4}?(?:rising|falling|growing|slowing|peaking|reaching|hitting|easing"
    r"|climbing|dropping|declining|recovering|increasing|shrinking|contracting|expanding|returning|topping|staying)"
    r"\s+(?:to|at|by|below|above|in|next|this|from|around|near|back)\b"
)
# "described the charges as politically motivated": the characterisation without quotation marks, with an
# object and a subject before it (the passive "what has been described as" names no one).
_DESCRIBED_AS_RE = re.compile(
    # (round 15, r37: a body's classification in the present, "The WHO classifies the variant as one of interest",
    # "The agency regards the outbreak as contained"; the passive "is classified as" has no object after the verb)
    r"\b(?P<verb>described|describes|classifies|regards|deems)\s+(?:the|a|an|his|her|its|their|this|these|those|him|them|it|himself"
    r"|herself|itself|themselves)\b(?:\s+[\w'’-]+){0,4}?\s+as\s+(?!(?:a\s+)?(?:result|part|well|long|soon|much)\b)"
    r"[a-z]"
)
# "Fans on social media were quick to blame the referee": a group's reaction in words.
_QUICK_TO_RE = re.compile(
    r"\b(?:is|are|was|were|been)\s+quick\s+to\s+(?P<verb>blame|praise|criticise|criticize|condemn"
    r"|dismiss|deny|defend|welcome|question|accuse|point\s+out|insist|claim|reject|hail)\b"
)
ROUND12_WORDS = STATEMENT_WORDS | frozenset(
    "sees confident convinced put puts described describes classifies regards deems quick adamant insistent".split()
)

# Round 14 (issue #17, r34/r35 and the three writers no rule-changer saw): sources the grammar names.
# A document as the subject of what it says, opening the sentence, named beyond a bare "The report …" (an
# owner, a modifier or a phrase of origin): "The company's annual report names climate regulation as its
# biggest risk", "Internal emails seen by this newspaper show that managers knew", "A leaked draft of the
# strategy, obtained by the Herald-Times, proposes scrapping the cap", "The weather bureau's outlook points to
# a wetter spring", "Eyewitness accounts put the number of boats at around a dozen".
_DOC_HEADS = (
    r"report|draft|e-?mails|memos?|letters|dossier|transcripts?|papers|documents|filings?|minutes|outlook"
    r"|(?:eyewitness|witness|first-hand|firsthand|conflicting|survivors['’]?)\s+accounts"
)
_DOC_SUBJECT_RE = re.compile(
    r"\W*(?P<np>(?:[\w'’.&-]+\s+){0,5}?(?:" + _DOC_HEADS + r")"
    r"(?:\s+(?:of|by|from|for|on|into|seen|obtained|published|leaked|released|submitted|sent|written|filed)\b"
    r"[^;:,]{0,60}?)?(?:,\s+(?:obtained|seen|published|released|leaked|written|sent)\s+by\s+[^,]{2,40},)?)"
    r"\s+(?:now\s+|also\s+|even\s+)?(?P<verb>names|proposes|lists|shows?|showed|points\s+to|puts?|found|finds"
    r"|reveals?|revealed|warns|recommends|describes|concludes|estimates|predicts|forecasts|sets\s+out)\b",
    re.IGNORECASE,
)
_DOC_DETERMINERS = frozenset("the a an this that these those".split())
# (not the newsroom's own, not a clause, "What the report shows, above all, is …", and not a statistical
# release dated by its period, "May's jobs report showed 210,000 positions added" — round 5b's near miss)
_DOC_NOT_OWNER = frozenset("our my we i its it what which whatever".split())
_DOC_RELEASE_WORDS = frozenset(
    "jobs payrolls employment inflation trade gdp monthly quarterly weekly".split()
)
# A group's naming of a thing in its own words, without quotation marks: "Critics of the scheme call it a
# giveaway to landlords", "Opponents have branded the plan a tax on the poor" (round 7 took the quoted form);
# and a group's crediting: "Music historians credit him with bringing the violin introduction into taarab".
_GROUP_NAMES_RE = re.compile(
    r"(?:^|\W)(?P<np>[A-Za-z][a-z’'-]*s|Some|Many|Others|some|many|others)"
    r"(?:\s+(?:of|in|at|on|from)\s+(?:the\s+)?[^,;]{1,40}?)?\s+(?:have\s+|had\s+|now\s+|privately\s+|openly\s+)?"
    r"(?P<verb>call|called|dub|dubbed|brand|branded)\s+(?:it|them|him|her|this|the\s+(?!next\b|following\b"
    r"|same\b|police\b|meeting\b|shots\b|tune\b|plays?\b)[\w'’-]+(?:\s+[\w'’-]+)?)\s+(?:a|an|the|nothing)\s+\w"
    r"|(?:^|\W)(?P<np2>[A-Za-z][a-z’'-]*s|Some|Many|Others|some|many|others)\s+(?:widely\s+|largely\s+|often\s+)?"
    r"(?P<verb2>credit|credited)\s+(?:[\w'’-]+\s+){1,4}?with\s+\S"
)
_NOT_A_GROUP = frozenset(
    "this his its was has as is us yes always perhaps sometimes thus plus news series means".split()
)
# "To hear the chief constable tell it, the force has never been better run": the account is the subject's.
_TO_HEAR_RE = re.compile(r"\W*To\s+hear\s+(?P<np>[^,;]{2,50}?)\s+(?P<verb>tell|say|describe)\s+it,\s+\S")
_DOC_VERB_WORDS = frozenset(
    """names proposes lists show shows showed points put puts found finds reveal reveals revealed warns recommends
    describes concludes estimates predicts forecasts sets""".split()
)
_GROUP_NAMES_WORDS = frozenset("call called dub dubbed brand branded credit credited".split())
ROUND14_WORDS = frozenset("names proposes lists points dub dubbed brand branded credit credited hear".split())
_DOC_GATE_WORDS = frozenset(
    """report draft emails e-mails memo memos letters dossier transcript transcripts papers documents filing
    filings minutes outlook accounts""".split()
)

# Round 15 (issue #17, r37/r38 and the four writers no rule-changer saw): more sources the grammar names.
# A record owned by a body named in capitals or by its common noun, opening the sentence (round 10 took "Court
# records", "Customs figures" and the possessive): "Fire service records show …", "Statistics SA figures show …",
# "Bank of England figures published last month showed …". Not a period ("May figures showed …"), not a kind of
# release ("Trade figures", "Official figures", "Updated figures": one word before the noun is no owner).
_BODY_COMMON = (
    r"service|services|office|bureau|board|authority|authorities|agency|department|ministry|council|commission|trust"
    r"|institute|association|federation|union|regulator|inspectorate|brigade|court|police|hospital|registry|treasury"
    r"|company|group|watchdog|exchange|observatory|survey|coastguard|army|navy|government|administration"
)
_NAMED_RECORD_RE = re.compile(
    r"\W*(?P<np>[A-Z][\w.&'’-]*\s+(?:(?:of|for|and|&|the|on)\s+|(?:[A-Z][\w.&'’-]*|"
    + _BODY_COMMON
    + r")\s+){1,4}"
    r"(?:figures|data|records|statistics|logs|accounts|filings|documents))"
    r"(?:\s+(?:released|published|obtained|seen|compiled)\s+[^,;]{0,40}?)?"
    r"\s+(?P<verb>show|shows|showed|reveal|reveals|revealed|indicate|indicates|indicated)\b"
)
_NOT_RECORD_OWNER = _NOT_OWNER | frozenset(
    "official updated new latest recent revised provisional preliminary final early monthly annual quarterly weekly"
    " daily these those such our my".split()
)
# "The regulator's view is that …": a stance put in the holder's possessive (not "my/our view", the author's).
_VIEW_IS_RE = re.compile(
    r"(?P<np>[A-Za-z][\w.&-]*)['’]s\s+(?:(?:own|official|stated|long-held|considered|formal)\s+)?"
    r"(?P<verb>view|position|assessment|belief|contention|understanding|conclusion|stance|argument)\s+"
    r"(?:is|was|remains|remained|has\s+been|had\s+been)\s+(?:still\s+)?that\b"
)
_VIEW_NOUNS = frozenset(
    "view position assessment belief contention understanding conclusion stance argument".split()
)
# "…, as per revenue department records.": "as per" before a record or a source is "according to" (not "as
# per usual", "as per the plan": a record's or a source's noun must close the phrase).
_AS_PER_RE = re.compile(
    r"\b(?P<verb>[Aa]s\s+per)\s+(?:the\s+|its\s+|their\s+|his\s+|her\s+|a\s+)?(?:[\w'’&.-]+\s+){0,4}?"
    r"(?:records|data|figures|reports?|statements?|estimates|census|surveys?|officials|sources|police|filings?"
    r"|stud(?:y|ies)|documents|minutes|accounts|statistics|authorities|department|ministry|agency)\b"
)
# A court's holding and a finding set off as the source's ("The police had no probable cause …, the court held.",
# "Residents, the survey found, overwhelmingly oppose …", "…, her first coach recalled.", "May was always her
# favourite month, friends recalled, because …"): the verb closes its clause, after a comma, with a source of at
# most six words before it; "held" needs a court, "found/concluded" a study and a second comma (a closing "…, a CPA
# review of 31 judgments found." is the newsroom's own analysis to r29's writer). ("…, the appeals court ruled." is
# left: the tune file labels it reported, r16 attributed — a conflict left as it was.)
_SET_OFF_SOURCE_RE = re.compile(
    r",\s+(?P<np>(?:the|a|an|her|his|their|its|[A-Z][\w'’.-]*|several|some|many|friends|colleagues|neighbours"
    r"|relatives)(?:\s+[\w'’.-]+){0,5}?)\s+(?P<verb>held|found|concluded|recalled|remembered|recalls|remembers)"
    r"(?:\s+(?:on|last|this|in)\s+[\w'’]+)?\s*(?P<end>[.,;]|$)"
)
_COURTS = frozenset(
    "court courts judge judges bench tribunal panel justices justice magistrates jury inquiry coroner".split()
)
_STUDIES = frozenset(
    """survey study report inquiry review audit poll investigation researchers analysis census inspection
    inspectors investigators""".split()
)
# "Detectives are working on the theory that …": the investigators' hypothesis, their claim.
_THEORY_RE = re.compile(
    r"\b(?P<verb>working\s+on|pursuing)\s+the\s+(?:theory|assumption|hypothesis|belief|premise)\s+that\b"
)
_THEORY_NOUNS = frozenset("theory assumption hypothesis belief premise".split())
# "Witnesses reported hearing three loud bangs", "Neighbours recalled seeing …": a perception told (round 12 took the
# plural present "recall hearing"); not a be-form before ("was reported seeing" is rare and agentless).
_PERCEIVING = frozenset("hearing seeing smelling noticing watching spotting feeling".split())
_PERCEPTION_TOLD_VERBS = frozenset(
    "reported recalled remembered described recall remember report describe".split()
)
_PERCEPTION_TOLD_RE = re.compile(
    r"\b(?P<verb>reported|recalled|remembered|described|recall|remember|report|describe)\s+(?:hearing|seeing"
    r"|smelling|noticing|watching|spotting|feeling)\b"
)
# "The paper's editor defended the decision to publish …": a justification given, a claim.
_DEFENDED_RE = re.compile(
    r"\b(?P<verb>defended|defends)\s+(?:the|its|his|her|their|this|a)\s+(?:[\w'’-]+\s+){0,2}?(?:decision|move|plan"
    r"|policy|choice|ruling|deal|scheme|budget|strategy|remarks|comments|action|actions|approach|handling|use"
    r"|response|timing|appointment|sale|cuts|increase|rise)\b"
)
# "swears by a milk spray", "swears that Tuesday mornings are …": the speaker's own recommendation or claim.
_SWEARS_RE = re.compile(r"\b(?P<verb>swears|swear|swore|sworn)\s+(?:by|that)\b")
_SET_OFF_VERBS = frozenset("held found concluded recalled remembered recalls remembers".split())
# Each shape of _round15_verbs with the words it needs (a word of each set, or of the one set when alone).
_VERB_SHAPES = (
    (_THEORY_RE, frozenset(("working", "pursuing")), _THEORY_NOUNS),
    (_PERCEPTION_TOLD_RE, _PERCEPTION_TOLD_VERBS, _PERCEIVING),
    (_DEFENDED_RE, frozenset(("defended", "defends")), None),
    (_SWEARS_RE, frozenset("swears swear swore sworn".split()), None),
)
# The shapes' rare words gate source_shape_cues alone; their common words ("found", "held", "view", "place",
# "states", "hearing" …) only with a companion (source_pairs_possible), so a sentence holding one of them alone does
# not pay for the call (round 15's speed: 1,500 more of the 32,765 speed-set sentences reached it).
# ("blamed X for …" was tried and left: "Predictably, the council blamed the weather for the delays." is the
# author's opinion, test_subjectivity.py; attribution.py's "blamed … on" stays)
ROUND15_WORDS = frozenset("defended defends swears swear swore sworn pursuing".split())
_PAIR_WORDS = (
    _SET_OFF_VERBS | _PERCEIVING | _VIEW_NOUNS | frozenset("per working place places states".split())
)
_STATES_ALONE = frozenset({"states"})


def source_pairs_possible(text: str, words: frozenset[str]) -> bool:
    """For a sentence with one of _PAIR_WORDS: False when no shape that needs the word's companion can match."""
    return bool(
        ("," in text and not words.isdisjoint(_SET_OFF_VERBS))
        or (not words.isdisjoint(_PERCEIVING) and not words.isdisjoint(_PERCEPTION_TOLD_VERBS))
        or (not words.isdisjoint(_VIEW_NOUNS) and "that" in words and ("'s" in text or "’s" in text))
        or ("per" in words and "as" in words)
        or ("working" in words and not words.isdisjoint(_THEORY_NOUNS))
        or (("place" in words or "places" in words) and "at" in words)
        or ("states" in words and "that" in words)
    )


_ROUND15_RECORD_NOUNS = frozenset("figures data records statistics logs accounts filings documents".split())


def _round15_shape(text: str, quotes: list[tuple[int, int]], words: frozenset[str]) -> Cue | None:
    """The first of round 15's shapes (above) found outside quotations."""
    if (
        not words.isdisjoint(RECORD_WORDS)
        and not words.isdisjoint(_ROUND15_RECORD_NOUNS)
        and text[:1].isupper()
    ):
        m = _NAMED_RECORD_RE.match(text)
        if m is not None and m.group("np").split()[0].lower() not in _NOT_RECORD_OWNER:
            return _verb_cue(m)
    if ("'s" in text or "’s" in text) and not words.isdisjoint(_VIEW_NOUNS):
        for m in _VIEW_IS_RE.finditer(text):
            if not inside(quotes, m.start("verb")) and m.group("np").lower() not in (
                "one",
                "it",
                "that",
                "what",
            ):
                return _verb_cue(m)
    if "per" in words:
        m = _AS_PER_RE.search(text)
        if m is not None and not inside(quotes, m.start("verb")):
            return _verb_cue(m)
    return _round15_verbs(text, quotes, words)


def _round15_verbs(text: str, quotes: list[tuple[int, int]], words: frozenset[str]) -> Cue | None:
    """Round 15's verb shapes (above): a set-off source, a theory worked on, a perception told, a defence,
    an oath."""
    if "," in text and not words.isdisjoint(_SET_OFF_VERBS):
        for m in _SET_OFF_SOURCE_RE.finditer(text):
            np = set(m.group("np").lower().split())
            verb = m.group("verb")
            if inside(quotes, m.start("verb")) or (verb == "held" and np.isdisjoint(_COURTS)):
                continue
            if verb in ("found", "concluded") and (np.isdisjoint(_STUDIES) or m.group("end") != ","):
                continue
            return _verb_cue(m)
    for rx, verbs, companions in _VERB_SHAPES:
        if words.isdisjoint(verbs) or (companions is not None and words.isdisjoint(companions)):
            continue
        for m in rx.finditer(text):
            if (
                not inside(quotes, m.start("verb"))
                and _has_subject(text, m.start())
                # (the theory is held in the progressive: "Detectives are working on the theory that …")
                and (rx is _THEORY_RE or prev_word(text, m.start()) not in _NOT_BEFORE_SHAPE)
            ):
                return _verb_cue(m)
    return None


SOURCE_SHAPE_WORDS = (
    CHARACTERISE_WORDS
    | CLAUSE_VERB_WORDS
    | FORECASTER_WORDS
    | RECORD_WORDS
    | frozenset({"per"})
    | ROUND12_WORDS
    | ROUND14_WORDS
    | ROUND15_WORDS
)
# The attribution family's trigger words: the single-word gate's and the words that need a companion.
SOURCE_SHAPE_TRIGGERS = SOURCE_SHAPE_WORDS | _PAIR_WORDS


def _verb_cue(m: re.Match[str], group: str = "verb") -> Cue:
    return new_cue("attribution", m.group(group), m.start(group), m.end(group))


def _characterised(text: str, quotes: list[tuple[int, int]]) -> Cue | None:
    for m in _CHARACTERISE_RE.finditer(text):
        verb = m.group("verb")
        if (
            inside(quotes, m.start())
            # a name given, the quotation right after the verb: "links called 'trackers'"
            or (m.group("obj") is None and verb[-1] != "t" and verb[-2:] != "of")
            or prev_word(text, m.start()) in _BE_FORMS  # "is called 'Improving …'", "will be remembered for"
        ):
            continue
        return _verb_cue(m)
    return None


def _confirmed_clause(text: str, quotes: list[tuple[int, int]]) -> Cue | None:
    for m in _CLAUSE_RE.finditer(text):
        if (
            (m.group("verb") == "states" and not text.startswith("that ", m.end("verb") + 1))
            or inside(quotes, m.start())
            or not text[: m.start()].strip()  # no subject: a heading or an imperative
            or _NOT_SOURCE_BEFORE.search(text, 0, m.start()) is not None
            or prev_word(text, m.start()) in _BE_FORMS  # "after it was confirmed he will play": no one named
            or prev_word(text, m.start()) in _ADJECTIVE_BEFORE  # "The last confirmed Iraqi attack was on"
        ):
            continue
        return _verb_cue(m)
    return None


def _named_forecaster(text: str, quotes: list[tuple[int, int]]) -> Cue | None:
    for m in _FORECASTER_RE.finditer(text):
        np = m.group("np").split()
        if (
            (np[0] in _NOT_FORECASTER and len(np) == 1)
            or np[0] in ("It", "We", "I")
            or inside(quotes, m.start())
        ):
            continue
        v = _FORECAST_VERB_RE.search(text, m.end("np"), m.end())
        if v is not None:
            return new_cue("attribution", v.group(0), v.start(), v.end())
    return None


def _owned_record(text: str, quotes: list[tuple[int, int]]) -> Cue | None:
    m = _RECORD_RE.match(text)
    if m is None or inside(quotes, m.start()):
        return None
    owner = m.group("np").split()
    if owner[0].lower() in ("the", "its", "their"):
        owner = owner[1:]
    return None if re.sub(r"['’]s$", "", owner[0].lower()) in _NOT_OWNER else _verb_cue(m)


def _has_subject(text: str, start: int) -> bool:
    """A subject before ``start`` that is a third party: not nothing, not the author's or reader's pronoun."""
    head = text[:start].strip()
    return (
        bool(head)
        and _NOT_SOURCE_BEFORE.search(text, 0, start) is None
        and prev_word(text, start)
        not in (
            "you",
            "to",
        )
    )


def _round12_shape(text: str, quotes: list[tuple[int, int]], words: frozenset[str]) -> Cue | None:
    """The first of round 12's shapes (above) found outside quotations."""
    if text.lstrip()[:3] == "In " and not words.isdisjoint(STATEMENT_WORDS):
        m = _STATEMENT_RE.match(text)
        if m is not None:
            return _verb_cue(m, "cue")
    if text.lstrip()[:3] == "As " and " it" in text:
        m = _AS_SEES_RE.match(text)
        if m is not None and m.group("np").split()[0].lower() not in ("i", "we", "you"):
            return _verb_cue(m)
    if "confident" in words or "convinced" in words or "adamant" in words or "insistent" in words:
        for m in _CONFIDENT_RE.finditer(text):
            if m.group("np").lower() not in _NOT_CONFIDENT_SUBJECT and not inside(quotes, m.start("verb")):
                return _verb_cue(m)
    for rx, keys in (
        (_PUT_AT_RE, ("put", "puts", "place", "places")),
        (_SEES_MOVING_RE, ("sees",)),
        (_DESCRIBED_AS_RE, ("described", "describes", "classifies", "regards", "deems")),
        (_QUICK_TO_RE, ("quick",)),
    ):
        if any(k in words for k in keys):
            for m in rx.finditer(text):
                if (
                    not inside(quotes, m.start("verb"))
                    and _has_subject(text, m.start())
                    and prev_word(text, m.start()) not in _NOT_BEFORE_SHAPE
                    and (rx is not _PUT_AT_RE or _UNOWNED_RECORD.search(text, 0, m.start()) is None)
                ):
                    return _verb_cue(m)
    return None


def _round14_shape(text: str, quotes: list[tuple[int, int]], words: frozenset[str]) -> Cue | None:
    """The first of round 14's shapes (above) found outside quotations."""
    if not words.isdisjoint(_DOC_GATE_WORDS) and not words.isdisjoint(_DOC_VERB_WORDS):
        m = _DOC_SUBJECT_RE.match(text)
        if m is not None and not inside(quotes, m.start("verb")):
            np = m.group("np").lower().split()
            owned = [w for w in np[:-1] if w not in _DOC_DETERMINERS]
            if (
                owned
                and np[0] not in _DOC_NOT_OWNER
                and not any(
                    w.rstrip("'’s") in _NOT_OWNER or w.removesuffix("'s").removesuffix("’s") in _NOT_OWNER
                    for w in owned
                )
                and not (np[-1] == "report" and not _DOC_RELEASE_WORDS.isdisjoint(owned))
                and not (m.group("verb").lower().startswith("put") and " at " not in text[m.end() :])
            ):
                return _verb_cue(m)
    for m in _GROUP_NAMES_RE.finditer(text) if not words.isdisjoint(_GROUP_NAMES_WORDS) else ():
        g = "verb" if m.group("verb") is not None else "verb2"
        np = (m.group("np") or m.group("np2")).lower()
        if (
            np not in _NOT_A_GROUP
            and not np.endswith(("ss", "us", "is", "’s", "'s"))
            and not inside(quotes, m.start(g))
        ):
            return _verb_cue(m, g)
    if text.lstrip()[:8] == "To hear ":
        m = _TO_HEAR_RE.match(text)
        if m is not None:
            return _verb_cue(m)
    return None


def source_shape_cues(text: str, quotes: list[tuple[int, int]], words: frozenset[str]) -> list[Cue]:
    """The attribution cue of the first of the module docstring's shapes found, outside quotations."""
    cue = None
    if not words.isdisjoint(CHARACTERISE_WORDS) and _QUOTE_MARKS.search(text) is not None:
        cue = _characterised(text, quotes)
    if cue is None and (not words.isdisjoint(CLAUSE_VERB_WORDS) or ("states" in words and "that" in words)):
        cue = _confirmed_clause(text, quotes)
    if cue is None and not words.isdisjoint(FORECASTER_WORDS):
        cue = _named_forecaster(text, quotes)
    if cue is None and not words.isdisjoint(RECORD_WORDS) and not words.isdisjoint(_RECORD_NOUNS):
        cue = _owned_record(text, quotes)
    if cue is None and text.lstrip()[:4] == "Per ":
        m = _PER_RE.match(text)
        cue = _verb_cue(m, "cue") if m is not None else None
    if cue is None and (not words.isdisjoint(ROUND12_WORDS) or "place" in words or "places" in words):
        cue = _round12_shape(text, quotes, words)
    if cue is None:
        cue = _round14_shape(text, quotes, words)
    if cue is None and (
        not words.isdisjoint(RECORD_WORDS)
        or not words.isdisjoint(ROUND15_WORDS)
        or not words.isdisjoint(_PAIR_WORDS)
    ):
        cue = _round15_shape(text, quotes, words)
    return [cue] if cue is not None else []

"""Rewrites of one press release as outlets write them, and the look-alikes that are other stories
(tests/dedup/test_syndication_rewrites.py). Written for these tests: a hospital trust's release about
a new cancer centre, each rewrite in its outlet's words, and distractors that share the trust, the
template or the background but tell another story."""

SOURCE = """BRACKWATER, 14 January 2025 - Brackwater and Lowmoor Hospitals NHS Trust today confirmed that its new £38.5 million cancer treatment centre at Brackwater General Hospital will open to patients on 3 March 2025.

The three-storey Fernleigh Centre has 14 treatment rooms, two new linear accelerators and a 22-chair chemotherapy day unit. It will treat around 1,200 patients a year who currently travel to Westhaven for radiotherapy, cutting an average round trip of 86 miles.

The centre will employ 160 staff, including 37 new posts, and has been paid for by a £31.2 million government grant and £7.3 million raised by the Brackwater Hospitals Charity.

Chief executive Dr Amara Whitcombe said: "For too long, people in the valley have faced a long journey at the hardest time of their lives. From March, most of them will be treated a short drive from home, by a team that knows them."

Construction began in September 2022 and was completed four weeks ahead of schedule. The first patients will be those starting radiotherapy after 3 March; patients part-way through treatment at Westhaven will finish their course there.

Lead oncologist Dr Felix Okafor said the linear accelerators would allow the trust to offer shorter courses of treatment for some breast and prostate cancers. "Fewer visits matter enormously to patients who are already exhausted," he said.

Notes to editors: Brackwater and Lowmoor Hospitals NHS Trust serves a population of 540,000 and employs 7,900 people across two hospitals."""

# a paraphrase: the facts and quotes kept, the sentences written anew
PARAPHRASE = """Cancer patients in the Brackwater valley will no longer have to make the long trip to Westhaven for radiotherapy once a £38.5m centre opens in March.

Brackwater and Lowmoor Hospitals NHS Trust said its Fernleigh Centre, built at Brackwater General Hospital, would take its first patients on 3 March 2025. The building holds 14 treatment rooms, a pair of linear accelerators and a chemotherapy unit with 22 chairs.

About 1,200 people a year are expected to be treated there, sparing them an average round trip of 86 miles. Government money covered £31.2m of the cost, with the remaining £7.3m raised by the hospitals' charity. The centre brings 37 new jobs and a total workforce of 160.

"For too long, people in the valley have faced a long journey at the hardest time of their lives," chief executive Dr Amara Whitcombe said.

Building work, which started in September 2022, finished four weeks early. Dr Felix Okafor, the lead oncologist, said the new machines meant shorter courses for some breast and prostate cancers."""

# a short brief
BRIEF = """Brackwater General Hospital's £38.5m Fernleigh cancer centre opens to patients on 3 March 2025, the trust said. It has 14 treatment rooms, two linear accelerators and 22 chemotherapy chairs, and will treat about 1,200 patients a year who now travel 86 miles to Westhaven and back. The centre will employ 160 staff, 37 of them in new posts. A £31.2m government grant and £7.3m from the Brackwater Hospitals Charity paid for it."""

# translation-style: a foreign service's English, word order of another language, quotes kept
TRANSLATION = """In Brackwater opens on 3 March 2025 a new centre for the treatment of cancer. The costs amount to 38.5 million pounds, so the hospital trust Brackwater and Lowmoor.

The Fernleigh Centre at the Brackwater General Hospital disposes over 14 treatment rooms, two linear accelerators and a day unit for chemotherapy with 22 chairs. Per year shall around 1,200 patients there be treated, who until now for the radiotherapy to Westhaven must travel - on average 86 miles there and back.

Working will in the centre 160 persons, of them 37 in new positions. The financing comes with 31.2 million pounds from the government and with 7.3 million pounds from the charity of the hospitals.

"For too long, people in the valley have faced a long journey at the hardest time of their lives," said the chief executive Dr Amara Whitcombe. The building began in September 2022 and was four weeks before the plan finished."""

# merged with background: the outlet's own reporting around part of the release
MERGED = """Five years ago the campaign group Valley Care Now marched through Brackwater with thousands of signatures demanding radiotherapy closer to home. This spring they get it.

The trust has confirmed that the £38.5 million Fernleigh Centre at Brackwater General Hospital will open on 3 March 2025, with 14 treatment rooms and two linear accelerators. Around 1,200 patients a year who now face an average round trip of 86 miles to Westhaven will be treated there instead.

Chief executive Dr Amara Whitcombe said: "For too long, people in the valley have faced a long journey at the hardest time of their lives. From March, most of them will be treated a short drive from home, by a team that knows them."

The centre will employ 160 staff, 37 in new posts, and cost £31.2 million in government grant plus £7.3 million from the hospitals' charity.

Campaign founder Rosalind Pyke, whose husband died in 2019 after months of journeys to Westhaven, said the group would hold a thanksgiving walk on 1 March. "It is bittersweet," she said. "It came too late for Tom, but not for the next family.\""""

# local angle: the release almost whole under a new local intro (the text rule links it)
LOCAL = """Lowmoor families who have spent years driving to Westhaven for cancer care will soon be treated in Brackwater, after the trust named the opening date for its new centre.

""" + SOURCE.split("\n\n", 1)[1]

# aggregator page: site furniture around the release text (the text rule links it)
AGGREGATOR = (
    """ValleyNow | Home | News | Sport | What's On | Jobs

Trending: #RoadClosures #Fernleigh #Weather

HEALTH > Latest

"""
    + SOURCE
    + """

Share this article: Facebook | X | Email

You may also like: > Car park charges at Brackwater General to rise > Flu cases double in a week

Sign up to the ValleyNow newsletter | Cookie settings | (c) ValleyNow Media"""
)

# same trust, another event (own figures: a maternity ward, a new date, other quotes)
SAME_ORG = """BRACKWATER, 9 June 2025 - Brackwater and Lowmoor Hospitals NHS Trust today announced that its maternity unit at Lowmoor Community Hospital will close to births for 10 weeks from 21 July 2025 while £4.6 million of refurbishment is carried out.

About 310 births expected in that period will take place at Brackwater General Hospital instead. Antenatal and postnatal clinics at Lowmoor will carry on as normal.

Chief executive Dr Amara Whitcombe said: "We know this is unwelcome news for families in Lowmoor, and we have not taken the decision lightly. The work will give the unit four new birthing rooms and a bereavement suite."

Head of midwifery Grace Adeyemi said every expectant mother booked at Lowmoor would be contacted by 30 June.

Notes to editors: Brackwater and Lowmoor Hospitals NHS Trust serves a population of 540,000 and employs 7,900 people across two hospitals."""

# the same release template, another trust and other facts
SAME_TEMPLATE = """HARTFORD BAY, 2 April 2025 - Hartford Bay University Hospitals NHS Trust today confirmed that its new £24.9 million cancer treatment centre at Hartford Bay Royal Infirmary will open to patients on 16 June 2025.

The two-storey Quayside Centre has nine treatment rooms, one new linear accelerator and a 16-chair chemotherapy day unit. It will treat around 850 patients a year who currently travel to Ellingham for radiotherapy, cutting an average round trip of 64 miles.

The centre will employ 95 staff, including 21 new posts, and has been paid for by a £19.4 million government grant and £5.5 million raised by the Hartford Bay Hospitals Charity.

Chief executive Marcus Ellery said: "For too long, people on the coast have faced a long journey at the hardest time of their lives. From June, most of them will be treated close to home."

Construction began in March 2023 and was completed on schedule."""

# a follow-up a week after the opening: new figures, the opening recapped
FOLLOW_UP = """The Fernleigh Centre at Brackwater General Hospital treated 63 patients in its first week, the trust said on 10 March 2025, and a second radiotherapy shift will be added from 24 March to clear a backlog of 41 referrals transferred from Westhaven.

The £38.5 million centre opened on 3 March 2025 with 14 treatment rooms and two linear accelerators.

Operations director Hannah Lisle said one of the two linear accelerators had been out of service for 11 hours on 6 March after a cooling fault, and that all 19 affected appointments had been rebooked within 48 hours. "Every patient was treated that week," she said. "We are sorry for the disruption and the engineers have replaced the faulty part."

The trust expects to reach its full capacity of around 1,200 patients a year by the autumn."""

# the same outlet's furniture around another story
SAME_OUTLET = """ValleyNow | Home | News | Sport | What's On | Jobs

Trending: #RoadClosures #Fernleigh #Weather

TRANSPORT > Latest

The A6120 between Lowmoor and Brackwater will close overnight for five nights from 17 February for resurfacing, the county council said. The road will shut from 8pm to 6am each night, with a signed diversion of 14 miles via Kettlewick. The £1.9 million scheme will replace 3.2 kilometres of road surface and repair 2 culverts damaged in the floods of 2023. Buses on route 44 will follow the diversion.

Share this article: Facebook | X | Email

You may also like: > Car park charges at Brackwater General to rise > Flu cases double in a week

Sign up to the ValleyNow newsletter | Cookie settings | (c) ValleyNow Media"""

REWRITES = {
    "paraphrase": PARAPHRASE,
    "brief": BRIEF,
    "translation": TRANSLATION,
    "merged": MERGED,
    "local": LOCAL,
    "aggregator": AGGREGATOR,
}
DISTRACTORS = {
    "same_org": SAME_ORG,
    "same_template": SAME_TEMPLATE,
    "follow_up": FOLLOW_UP,
    "same_outlet": SAME_OUTLET,
}

"""Decoding accuracy and speed on real news re-encoded into the encodings scraped news arrives in.

    .venv/bin/python benchmarks/decode_bench.py [--docs 200] [--seed 7] [--json]
        [--languages] [--round16] [--skip-corpus] [--only-factsieve] [--baseline OTHER_CHECKOUT]

``--baseline DIR`` adds DIR's factsieve/ingest/decode.py as one more approach (e.g. a worktree of
main), run interleaved with the others on every document: the before/after speed in one session.

Corpus (built here, in memory, from ../shared/data; nothing is written): ``--docs`` real documents
per encoding, half BBC, half Reuters, drawn with ``--seed``. Half of the legacy files get CRLF line
ends, as Windows tools wrote them.

- Western (cp1252, latin-1, UTF-16 and UTF-8 variants): the real English text, typeset as a
  cp1252 newsroom system would (curly quotes and apostrophes, en dashes) and, in half the documents,
  one sentence naming people and places with accents (José Müller of Société Générale in Zürich,
  €, £). latin-1 has no curly quotes: those documents keep straight ones.
- Non-Latin and Central European (cp1250, cp1251, koi8-r, iso-8859-7, shift_jis, gb18030, euc-kr):
  news in those encodings is written in those languages, and the corpora are English. Each real
  document is rewritten word for word into the language: every word is replaced by a word from a
  short list of common news words in that language (chosen by a hash of the English word, so the
  same English word always gives the same word), keeping the real document's numbers, punctuation,
  sentence and line structure. The text is not grammatical, but its letters, word lengths and
  byte statistics are those of the language, which is what detectors look at. Polish and Czech both
  go to cp1250; Chinese and Japanese are joined without spaces and use 、。 punctuation.
- UTF-8 with cp1252 lines: the typeset English text in UTF-8 with 1-3 of its non-ASCII lines
  re-encoded as cp1252 (a file appended to by two tools).
- UTF-16 LE/BE with and without BOM: the typeset English text, and a third of the documents from
  the Russian, Greek and Chinese rewrites (so the BOM-less detection also sees text with few NULs).

- Natural text in European languages (``--languages``, round 15): news items written by hand in
  27 languages (tests/ingest/language_texts.py: long with the language's quotes, short without,
  medium with straight quotes), each in the legacy code pages the language was written in
  (Mac Roman and ISO-8859-15 for Western languages, cp1250/ISO-8859-2 for Hungarian, cp1257 for
  Estonian, ISO-8859-14 for Welsh, ISO-8859-3 for Maltese, ...). One row per code page; a label
  ending in "?" is a close call the decoder says it is unsure of (counted in ``unsure``).

- Round 16 (``--round16``): the shapes of legacy news rounds 1-15 did not probe
  (tests/ingest/round16_texts.py): English news with one to five accented names in cp1252, latin-1,
  Mac Roman, DOS cp437/cp850/cp852/cp865, cp1250, ISO-8859-2/15; whole texts in DOS and Mac code
  pages (cp852, cp865, cp866, Mac Cyrillic, Mac Greek, Mac Latin 2, Mac Turkish, Mac Icelandic),
  KOI8-U, cp1258, TIS-620, Big5-HKSCS, GB18030; headlines of 20-60 bytes; HTML, RSS, CSV/TSV,
  JSON lines and a mail body with no charset. One row per class and code page.

A document counts as right when the decoded text equals the original exactly. ``label ok`` counts
documents whose encoding label decodes the bytes to the original text (so cp1252 for latin-1 bytes
is right, cp1250 for a cp1252 file is not unless the two decode it identically — and then the
label is still reported: see ``labels``).

Approaches: ``charset-normalizer`` (the policy ingest used before: BOM, strict UTF-8, then
charset-normalizer with a cp1252 preference on near-ties), ``chardet`` (BOM, UTF-8, chardet 7),
``chardetng`` (BOM, UTF-8, chardetng alone) and the Western-first policy of factsieve.ingest.decode with
either detector behind the cp1252 check. Speed is the median per-document decode time.
"""

from __future__ import annotations

import argparse
import codecs
import hashlib
import json
import random
import re
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.corpus import iter_bbc, iter_reuters  # noqa: E402
from factsieve.ingest import decode  # noqa: E402
from tests.ingest import language_texts, round16_texts  # noqa: E402

WORDS = {
    "ru": """правительство президент министр заявил сообщил компания рынок цены нефть банк процентов
        миллионов рублей долларов году месяце в на и по с что не для о из это было будет страны России
        Москве экономики роста продажи акции выборы партия совет решение закон власти компании сделка
        прибыль доходы расходы бюджет налог экспорт импорт газ сегодня вчера также однако после более
        около новый крупнейший официальный представитель агентство данным говорится ещё объём""",
    "el": """κυβέρνηση πρόεδρος υπουργός δήλωσε ανακοίνωσε εταιρεία αγορά τιμές πετρέλαιο τράπεζα τοις
        εκατό εκατομμύρια ευρώ δολάρια έτος μήνα στην και του της για με από ότι δεν στο θα είναι χώρας
        Αθήνα οικονομίας ανάπτυξη πωλήσεις μετοχές εκλογές κόμμα συμβούλιο απόφαση νόμος αρχές συμφωνία
        κέρδη έσοδα δαπάνες προϋπολογισμός φόρος εξαγωγές εισαγωγές σήμερα χθες επίσης ωστόσο μετά
        περισσότερο περίπου νέος μεγαλύτερη επίσημος εκπρόσωπος πρακτορείο""",
    "pl": """rząd prezydent minister powiedział ogłosił spółka rynek ceny ropa bank procent milionów
        złotych dolarów roku miesiącu w na i z że nie dla o się jest będzie kraju Polski Warszawie
        gospodarki wzrost sprzedaż akcje wybory partia rada decyzja ustawa władze umowa zysk przychody
        wydatki budżet podatek eksport import dzisiaj wczoraj także jednak po więcej około nowy
        największy oficjalny rzecznik agencja źródło Łódź Gdańsk Kraków""",
    "cs": """vláda prezident ministr řekl oznámil společnost trh ceny ropa banka procent milionů korun
        dolarů roce měsíci v na a s že ne pro o se je bude země Česka Praze ekonomiky růst prodej akcie
        volby strana rada rozhodnutí zákon úřady dohoda zisk příjmy výdaje rozpočet daň vývoz dovoz dnes
        včera také však po více přibližně nový největší oficiální mluvčí agentura Brno Plzeň Ostrava""",
    "ja": """政府 首相 大臣 発表した 明らかにした 会社 市場 価格 石油 銀行 パーセント 億円 万円 ドル 年 月
        の に は を が と で も から について により 日本 東京 経済 成長 売上高 株式 選挙 政党 委員会 決定
        法律 当局 合意 利益 収入 支出 予算 税 輸出 輸入 今日 昨日 また しかし その後 以上 約 新しい 最大の
        公式 広報担当者 通信社 ロイター 関係者 企業 投資 金利 為替""",
    "zh": """政府 总统 部长 表示 宣布 公司 市场 价格 石油 银行 百分之 亿元 万元 美元 年 月 的 在 和 了 是
        对 与 从 中国 北京 经济 增长 销售 股票 选举 政党 委员会 决定 法律 当局 协议 利润 收入 支出 预算
        税收 出口 进口 今天 昨天 此外 但是 之后 超过 大约 新的 最大的 官方 发言人 通讯社 路透社 企业
        投资 利率 汇率 国际 发展""",
    "ko": """정부 대통령 장관 밝혔다 발표했다 회사 시장 가격 석유 은행 퍼센트 억원 만원 달러 년 월 의 에서
        는 을 이 와 로 도 한국 서울 경제 성장 매출 주식 선거 정당 위원회 결정 법률 당국 합의 이익 수입
        지출 예산 세금 수출 오늘 어제 또한 그러나 이후 이상 약 새로운 최대 공식 대변인 통신사 로이터
        기업 투자 금리 환율""",
}
NO_SPACES = {"ja", "zh"}
# Encodings whose documents are rewritten into a language, and which languages.
REWRITTEN = {
    "cp1250": ("pl", "cs"),
    "cp1251": ("ru",),
    "koi8-r": ("ru",),
    "iso-8859-7": ("el",),
    "shift_jis": ("ja",),
    "gb18030": ("zh",),
    "euc-kr": ("ko",),
}
WESTERN_NAMES = [
    "José Müller of Société Générale said in Zürich that the €{n} million deal was “on track”.",
    "Françoise Lefèvre, a spokeswoman for Nestlé, said the café chain’s sales rose to £{n}m.",
    "Analysts at Crédit Agricole in São Paulo put the figure at €{n}bn – above forecasts.",
    "Jürgen Groß of Deutsche Börse told reporters in Malmö the fee was £{n}.",
]
# What a code page without curly quotes and dashes has instead.
PLAIN = str.maketrans(
    {"“": '"', "”": '"', "’": "'", "‘": "'", "–": "-", "—": "-", "«": '"', "»": '"', "„": '"'}
)


def typeset(text: str, rng: random.Random) -> str:
    """The text as a newsroom system sets it: curly quotes and apostrophes, en dashes."""
    text = re.sub(r"(?<=\w)'(?=\w)", "’", text)
    text = re.sub(r'"([^"\n]{1,400})"', r"“\1”", text)
    text = text.replace(" - ", " – ")
    if rng.random() < 0.5:
        paras = text.split("\n")
        i = rng.randrange(len(paras))
        paras[i] = (paras[i] + " " if paras[i].strip() else "") + rng.choice(WESTERN_NAMES).format(
            n=rng.randint(2, 900)
        )
        text = "\n".join(paras)
    return text


def _word_for(word: str, words: list[str]) -> str:
    digest = hashlib.blake2b(word.lower().encode(), digest_size=4).digest()
    return words[int.from_bytes(digest, "big") % len(words)]


def rewrite(text: str, lang: str) -> str:
    """The document word for word in ``lang`` (see the module docstring)."""
    words = WORDS[lang].split()

    def sub(m: re.Match) -> str:
        return _word_for(m.group(0), words)

    out = re.sub(r"[^\W\d_]+(?:['’][^\W\d_]+)?", sub, text)
    if lang in NO_SPACES:
        out = re.sub(r"(?<=[^\x00-\x7f]) (?=[^\x00-\x7f])", "", out)
        out = out.replace(", ", "、").replace(". ", "。").replace(".\n", "。\n")
    return out


def _fit(text: str, encoding: str) -> str:
    """The text with what the code page lacks replaced by its plain equivalent (then dropped)."""
    try:
        text.encode(encoding)
        return text
    except UnicodeEncodeError:
        text = text.translate(PLAIN)
        return text.encode(encoding, "ignore").decode(encoding)


def _crlf(text: str, rng: random.Random) -> str:
    return text.replace("\n", "\r\n") if rng.random() < 0.5 else text


def _mixed(text: str, rng: random.Random) -> bytes | None:
    lines = text.split("\n")
    legacy = [i for i, line in enumerate(lines) if not line.isascii() and _fit(line, "cp1252") == line]
    if not legacy:
        return None
    chosen = set(rng.sample(legacy, min(len(legacy), rng.randint(1, 3))))
    if len(chosen) == len([line for line in lines if not line.isascii()]):
        chosen.pop()  # keep at least one UTF-8 line with non-ASCII: otherwise it is a cp1252 file
        if not chosen:
            return None
    return b"\n".join(line.encode("cp1252" if i in chosen else "utf-8") for i, line in enumerate(lines))


CASES = [
    "cp1252",
    "latin-1",
    "cp1250",
    "cp1251",
    "koi8-r",
    "iso-8859-7",
    "shift_jis",
    "gb18030",
    "euc-kr",
    "utf-16-le",
    "utf-16-be",
    "utf-16-le+bom",
    "utf-16-be+bom",
    "utf-8+cp1252 lines",
]


def build(n_docs: int, seed: int) -> dict[str, list[tuple[bytes, str]]]:
    """Per case, (bytes, original text) pairs."""
    rng = random.Random(seed)
    bbc = [d["text"] for d in iter_bbc()]
    reuters = [d["text"] for d in iter_reuters()]
    if not bbc or not reuters:
        raise SystemExit("../shared/data corpora are absent (set FACTSIEVE_SHARED)")
    cases: dict[str, list[tuple[bytes, str]]] = {c: [] for c in CASES}
    for case in CASES:
        picks = rng.sample(bbc, n_docs // 2) + rng.sample(reuters, n_docs - n_docs // 2)
        for i, src in enumerate(picks):
            if case in REWRITTEN:
                langs = REWRITTEN[case]
                text = _crlf(_fit(rewrite(src, langs[i % len(langs)]), case), rng)
                cases[case].append((text.encode(case), text))
            elif case in ("cp1252", "latin-1"):
                text = _crlf(_fit(typeset(src, rng), case), rng)
                cases[case].append((text.encode(case), text))
            elif case.startswith("utf-16"):
                text = typeset(src, rng)
                if i % 3 == 2:
                    text = rewrite(src, ("ru", "el", "zh")[i % 9 // 3])
                codec = case.removesuffix("+bom")
                bom = (
                    (codecs.BOM_UTF16_LE if "le" in codec else codecs.BOM_UTF16_BE) if "+bom" in case else b""
                )
                cases[case].append((bom + text.encode(codec), text))
            else:
                text = typeset(src, rng)
                data = _mixed(text, rng)
                if data is not None:
                    cases[case].append((data, text))
    return cases


def build_languages() -> dict[str, list[tuple[bytes, str]]]:
    """Per code page, (bytes, text) of every hand-written news item in a language written in it."""
    cases: dict[str, list[tuple[bytes, str]]] = {}
    for _lang, codec, _i, text in language_texts.cases():
        cases.setdefault(codec, []).append((text.encode(codec), text))
    return dict(sorted(cases.items()))


def build_round16() -> dict[str, list[tuple[bytes, str]]]:
    """Per class and code page, (bytes, text) of the round 16 cases (tests/ingest/round16_texts.py):
    English with a few accented names, DOS and Mac code pages, headlines, text inside markup."""
    cases: dict[str, list[tuple[bytes, str]]] = {}
    for cls, codec, _i, text in round16_texts.cases():
        cases.setdefault(f"{cls} {codec}", []).append((text.encode(codec), text))
    return cases


def languages_of(codec: str) -> str:
    return " ".join(lang for lang, codecs_ in language_texts.ENCODINGS.items() if codec in codecs_)


# --- the approaches --------------------------------------------------------------------------


def _bom_then_utf8(data: bytes) -> tuple[str, str] | None:
    for bom, enc in decode.BOMS:
        if data.startswith(bom):
            return data.decode(enc), enc.replace("-sig", "")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        return None


def charset_normalizer_policy(data: bytes) -> tuple[str, str]:
    """ingest.decode_bytes before this change: BOM, UTF-8, charset-normalizer, cp1252 on near-ties."""
    import charset_normalizer

    found = _bom_then_utf8(data)
    if found:
        return found
    matches = list(charset_normalizer.from_bytes(data))
    if not matches:
        raise UnicodeError("no match")
    best = matches[0]
    for m in matches:
        if m.encoding in ("cp1252", "latin_1") and m.chaos <= best.chaos + 0.1:
            try:
                return data.decode("cp1252"), "cp1252"
            except UnicodeDecodeError:
                return data.decode("latin-1"), "latin_1"
    return str(best), best.encoding


def _detector_policy(detect: Callable[[bytes], str | None]) -> Callable[[bytes], tuple[str, str]]:
    def policy(data: bytes) -> tuple[str, str]:
        found = _bom_then_utf8(data)
        if found:
            return found
        name = detect(data)
        if not name:
            raise UnicodeError("no match")
        return data.decode(name), codecs.lookup(name).name

    return policy


def _chardet(data: bytes) -> str | None:
    import chardet

    return chardet.detect(data)["encoding"]


def _charset_normalizer_best(data: bytes) -> str | None:
    import charset_normalizer

    best = charset_normalizer.from_bytes(data).best()
    return best.encoding if best else None


def _baseline(directory: str) -> Callable[[bytes], tuple[str, str]]:
    """decode_bytes of another checkout's factsieve/ingest/decode.py with that checkout's own decode
    modules (alphabets, latin_choice: round 16; script_siblings, seven_bit: round 17; before, the
    baseline's decode.py imported this checkout's, so a change there showed on both sides)."""
    import importlib
    import importlib.util

    pkg = importlib.import_module("factsieve.ingest")
    names = ("alphabets", "latin_choice", "script_siblings", "seven_bit", "decode")
    saved = {n: (sys.modules.get(f"factsieve.ingest.{n}"), getattr(pkg, n, None)) for n in names}
    try:
        for n in names:
            path = Path(directory) / "factsieve" / "ingest" / f"{n}.py"
            if not path.exists():
                if n == "decode":
                    raise SystemExit(f"no decode.py at {path}")
                continue  # an older checkout without this module
            spec = importlib.util.spec_from_file_location(f"baseline_{n}", path)
            if spec is None or spec.loader is None:
                raise SystemExit(f"cannot load {path}")
            module = importlib.util.module_from_spec(spec)
            sys.modules[f"baseline_{n}"] = module  # dataclasses look their module up
            spec.loader.exec_module(module)
            # the next baseline module's "from factsieve.ingest import <n>" finds this one
            sys.modules[f"factsieve.ingest.{n}"] = module
            setattr(pkg, n, module)
    finally:
        for n, (mod, attr) in saved.items():
            if mod is not None:
                sys.modules[f"factsieve.ingest.{n}"] = mod
            if attr is not None:
                setattr(pkg, n, attr)
    return sys.modules["baseline_decode"].decode_bytes


def approaches(only_factsieve: bool = False, baseline: str | None = None) -> dict[str, Callable]:
    out: dict[str, Callable[[bytes], tuple[str, str]]] = {}
    if baseline:
        out[f"baseline ({baseline})"] = _baseline(baseline)
    if only_factsieve:
        out["western-first + chardetng (factsieve)"] = decode.decode_bytes
        return out
    out["charset-normalizer"] = charset_normalizer_policy
    try:
        import chardet  # noqa: F401

        out["chardet"] = _detector_policy(_chardet)
    except ImportError:
        print("chardet is not installed: skipped (uv pip install 'chardet>=7')", file=sys.stderr)
    out["chardetng"] = _detector_policy(decode._chardetng)
    out["western-first + charset-normalizer"] = lambda b: decode.decode_bytes(b, _charset_normalizer_best)
    out["western-first + chardetng (factsieve)"] = decode.decode_bytes
    return out


def _label_ok(data: bytes, label: str, original: str) -> bool:
    label = label.rstrip("?")  # an unsure guess names its code page all the same
    if "+" in label:
        return True  # per-line decoding: the text check says it all
    try:
        text = data.decode(label)
    except (LookupError, UnicodeDecodeError):
        return False
    return text.lstrip("\ufeff") == original


def run(cases: dict[str, list[tuple[bytes, str]]], fns: dict[str, Callable]) -> dict:
    """Every approach on every document, interleaved (the order rotates per document), so machine
    noise falls on all approaches alike."""
    names = list(fns)
    times: dict[str, list[float]] = {n: [] for n in names}
    per: dict[str, dict] = {n: {} for n in names}
    for case, docs in cases.items():
        stats = {n: {"right": 0, "docs": len(docs), "label_ok": 0, "unsure": 0, "labels": {}} for n in names}
        for i, (data, original) in enumerate(docs):
            for name in names[i % len(names) :] + names[: i % len(names)]:
                t0 = time.perf_counter()
                try:
                    text, label = fns[name](data)
                except (UnicodeError, LookupError):
                    text, label = None, "error"
                times[name].append(time.perf_counter() - t0)
                st = stats[name]
                st["labels"][label] = st["labels"].get(label, 0) + 1
                ok = text is not None and text.lstrip("\ufeff") == original
                st["right"] += ok
                st["label_ok"] += ok and _label_ok(data, label, original)
                st["unsure"] += label.endswith("?")
        for name in names:
            stats[name]["labels"] = dict(sorted(stats[name]["labels"].items(), key=lambda kv: -kv[1]))
            per[name][case] = stats[name]
    return {
        "docs_per_case": {c: len(v) for c, v in cases.items()},
        "approaches": {
            name: {
                "cases": per[name],
                "right": sum(c["right"] for c in per[name].values()),
                "unsure": sum(c["unsure"] for c in per[name].values()),
                "docs": sum(c["docs"] for c in per[name].values()),
                "median_ms": statistics.median(times[name]) * 1000,
                "total_s": sum(times[name]),
            }
            for name in names
        },
    }


def report(results: dict, languages: bool = False, plain_labels: bool = False) -> str:
    names = list(results["approaches"])
    head = "| encoding | docs | " + " | ".join(names) + " |"
    if languages:
        head = "| code page (languages) | items | " + " | ".join(names) + " |"
    lines = [head, "|" + "---|" * (len(names) + 2)]
    for case, n in results["docs_per_case"].items():
        cells = []
        for name in names:
            c = results["approaches"][name]["cases"][case]
            if languages:
                unsure = f", {c['unsure']} unsure" if c["unsure"] else ""
                cells.append(f"{c['right']}/{n}{unsure}")
            else:
                cells.append(f"{100 * c['right'] / max(n, 1):.1f}%")
        label = f"{case} ({languages_of(case)})" if languages and not plain_labels else case
        lines.append(f"| {label} | {n} | " + " | ".join(cells) + " |")
    overall = [
        f"**{a['right']}/{a['docs']} = {100 * a['right'] / a['docs']:.1f}%**"
        + (f" ({a['unsure']} unsure)" if a["unsure"] else "")
        for a in results["approaches"].values()
    ]
    lines.append(
        "| **all** | " + str(sum(results["docs_per_case"].values())) + " | " + " | ".join(overall) + " |"
    )
    speed = [f"{a['median_ms']:.2f} ms ({a['total_s']:.1f} s)" for a in results["approaches"].values()]
    lines.append("| median per doc (total) | | " + " | ".join(speed) + " |")
    lines.append("")
    lines.append("Encoding labels per case (first approach, then the last):")
    for case in results["docs_per_case"]:
        first = results["approaches"][names[0]]["cases"][case]
        last = results["approaches"][names[-1]]["cases"][case]
        lines.append(
            f"- {case}: {first['labels']} -> {last['labels']} (label decodes to the original: "
            f"{last['label_ok']}/{last['docs']})"
        )
    return "\n".join(lines)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--docs", type=int, default=200, help="documents per encoding (default 200)")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--languages", action="store_true", help="also the hand-written texts in 27 languages")
    ap.add_argument("--only-factsieve", action="store_true", help="factsieve's decoder only (and --baseline)")
    ap.add_argument("--baseline", help="another checkout whose decode.py runs beside this one")
    ap.add_argument("--skip-corpus", action="store_true", help="only the hand-written texts (no ../shared)")
    ap.add_argument("--round16", action="store_true", help="also the round 16 cases (names, DOS/Mac, markup)")
    args = ap.parse_args()
    fns = approaches(args.only_factsieve, args.baseline)
    out = {}
    if not args.skip_corpus:
        out["corpus"] = run(build(args.docs, args.seed), fns)
    if args.languages or args.skip_corpus and not args.round16:
        out["languages"] = run(build_languages(), fns)
    if args.round16:
        out["round16"] = run(build_round16(), fns)
    if args.json:
        print(json.dumps(out, indent=2))
        return
    if "corpus" in out:
        print(report(out["corpus"]))
    if "languages" in out:
        print("\nNatural text in European languages (tests/ingest/language_texts.py):\n")
        print(report(out["languages"], languages=True))
    if "round16" in out:
        print(
            "\nRound 16: names in English, DOS/Mac code pages, headlines, markup (tests/ingest/round16_texts.py):\n"
        )
        print(report(out["round16"], languages=True, plain_labels=True))


if __name__ == "__main__":
    main()

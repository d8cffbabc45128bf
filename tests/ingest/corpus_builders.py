"""Builders of corpora in the shapes they are distributed in, shared by the ingest tests and the
reading-speed benchmarks (benchmarks/build_feeds.py): a benchmark must measure the layout the
readers are tested against, and must not import a test module to get it."""

from __future__ import annotations

import html


def sgml_from_jsonl(records: list[dict]) -> str:
    """SGML in the corpus's layout rebuilt from its JSON Lines export (entities escaped as the
    corpus escapes them)."""
    out = ['<!DOCTYPE lewis SYSTEM "lewis.dtd">\n']
    for r in records:
        kind = r.get("text_type") or "NORM"
        attr = "" if kind == "NORM" else f' TYPE="{kind}"'
        title = f"<TITLE>{html.escape(r['title'], quote=False)}</TITLE>\n" if r.get("title") else ""
        dateline = (
            f"<DATELINE>    {html.escape(r['dateline'], quote=False)} </DATELINE>"
            if r.get("dateline")
            else ""
        )
        body = html.escape(r["body"], quote=False) if r.get("body") is not None else None
        if kind == "UNPROC":
            text = f"{body}\n&#3;"
        else:
            text = f"{title}{dateline}<BODY>{body}\n&#3;</BODY>" if body is not None else f"******{title}"
        out.append(
            f'<REUTERS TOPICS="NO" LEWISSPLIT="{r.get("lewissplit", "")}" NEWID="{r["newid"]}">\n'
            f"<DATE>{r['date']}</DATE>\n<TEXT{attr}>&#2;\n{text}</TEXT>\n</REUTERS>\n"
        )
    return "".join(out)

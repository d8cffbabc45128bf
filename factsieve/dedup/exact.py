"""Exact phase: documents with the same content hash are linked to one anchor, and only one
representative per content hash goes on to LSH."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from factsieve.dedup.table import DocTable, Edges


@dataclass
class ExactGroups:
    edges: Edges  # (new doc, its group's anchor, 1.0)
    lsh_new: np.ndarray  # bool (n_new,): representative with enough words to enter LSH


def exact_groups(t: DocTable, old_docs: pd.DataFrame, min_words: int) -> ExactGroups:
    """Anchor of a content hash = an old doc with that hash (its canonical first) if any, else the first
    new doc (doc_id order). Empty texts are never duplicates of anything."""
    n_old, n_new = t.n_old, t.n_new
    n_words = t.n_words[n_old:]
    sh_len = t.sh_len[n_old:]
    nonempty = n_words > 0
    codes = t.code[n_old:]
    anchor_of_code = np.full(int(t.code.max()) + 1 if t.N else 0, -1, dtype=np.int64)
    ne = np.flatnonzero(nonempty)
    uc, fi = np.unique(codes[ne], return_index=True)
    anchor_of_code[uc] = ne[fi] + n_old
    if n_old and n_new:
        present = np.zeros(len(anchor_of_code), dtype=bool)
        present[codes] = True
        oc = t.code[:n_old]
        cand = np.flatnonzero(present[oc] & (old_docs["n_words"].to_numpy() > 0))
        if len(cand):
            df = pd.DataFrame(
                {"h": oc[cand], "can": old_docs["is_canonical"].to_numpy(dtype=bool)[cand], "i": cand}
            )
            df = df.sort_values(["can", "i"], ascending=[False, True]).drop_duplicates("h")
            anchor_of_code[df["h"].to_numpy()] = df["i"].to_numpy()
    g_new = t.new_global
    anchor = np.where(nonempty, anchor_of_code[codes], -1)
    is_rep = nonempty & (anchor == g_new)
    ex = np.flatnonzero(nonempty & ~is_rep)
    return ExactGroups(
        Edges(g_new[ex], anchor[ex], np.ones(len(ex))),
        is_rep & (n_words >= min_words) & (sh_len > 0),
    )

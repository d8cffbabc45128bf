"""Text normalisation, word shingles and MinHash signatures, vectorised over batches of documents.

Hot path per batch (no per-shingle Python loop):
  1. normalise all texts with Arrow string kernels (C++, releases the GIL);
  2. split into words, dictionary-encode the batch's words and hash each *distinct* word once with
     xxh3_64 (the only Python loop, over the batch vocabulary);
  3. combine the hashes of k consecutive words into one 64-bit shingle hash with numpy
     (sum of word hash x per-position odd constant, then a splitmix64 finaliser) and keep 32 bits;
  4. one numpy sort makes each document's shingle set unique (this set is also what verification
     uses for exact Jaccard);
  5. MinHash: num_perm multiply-add permutations h_j(x) = (a_j*x + b_j) mod 2^64, high 32 bits,
     computed as one (shingles x num_perm) numpy op per chunk and reduced per document with
     np.minimum.reduceat.

Multiply-add-shift (Dietzfelbinger 1996) on 32-bit keys is a 2-universal family, the same guarantee
as the textbook (a*x+b) mod p, but runs in native wrapping uint64 arithmetic without a modulo.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
import xxhash

from factsieve.dedup.names import NOT_NAMES, name_words
from factsieve.dedup.quotes import QUOTE_SAMPLE, quote_spans

_U64 = np.uint64
# figure slots (figure_sets): the masked-figure word, the text edge, and odd mixing constants
_FIGURE = _U64(0x9E3779B97F4A7C15)
_EDGE = _U64(0xC2B2AE3D27D4EB4F)
_SLOT_C = (_U64(0xFF51AFD7ED558CCD), _U64(0xC4CEB9FE1A85EC53), _U64(0x94D049BB133111EB))
_NAME = _U64(0xD6E8FEB86659FD93)  # mixed into a name word's hash (facts: figure_sets)


# Element-wise chains over a batch's words or shingles (~330k uint64, 2.6 MB) run block by block so
# that each block stays in the core's cache between the steps: measured 4x faster for splitmix64 than
# whole-array steps, which stream every intermediate through memory.
_CHUNK = 1 << 16


def _splitmix64(x: np.ndarray) -> np.ndarray:
    """splitmix64 finaliser (in place on a fresh C-contiguous uint64 array): avalanche all bits."""
    flat = x.reshape(-1)  # a view of a contiguous array, so the blocks below write into x
    tmp = np.empty(min(len(flat), _CHUNK), dtype=_U64)
    for s in range(0, len(flat), _CHUNK):
        v = flat[s : s + _CHUNK]
        t = tmp[: len(v)]
        np.right_shift(v, _U64(30), out=t)
        v ^= t
        v *= _U64(0xBF58476D1CE4E5B9)
        np.right_shift(v, _U64(27), out=t)
        v ^= t
        v *= _U64(0x94D049BB133111EB)
        np.right_shift(v, _U64(31), out=t)
        v ^= t
    if not np.shares_memory(flat, x):  # x was not contiguous (no caller passes one): copy back
        x[...] = flat.reshape(x.shape)
    return x


# Word bytes of the lower-cased UTF-8 text: ASCII letters and digits and every non-ASCII byte (letters
# of any script) are word bytes; ASCII punctuation, symbols and whitespace separate words; apostrophes
# are deleted ("don't" = "dont"). The non-ASCII punctuation blocks are handled in _special_bytes.
# Computed with three range tests on the bytes rather than a 256-entry lookup table: a numpy gather of
# one byte per byte cost 55 ms per 21 MB, the range tests ~6 ms.
_SEP, _DEL = 0, 2


def _lower(texts: list[str] | pa.Array) -> pa.Array:
    """NFKC + Unicode lower case. All-ASCII texts take Arrow's ASCII lower case only: NFKC leaves
    ASCII unchanged and Unicode lower case maps only A-Z there, so the result is the same bytes
    (all-ASCII batches of the 22k corpus: 0.010-0.026 -> 0.005 CPU-s). Texts with any non-ASCII
    character keep both Unicode kernels; they are most of the remaining cost."""
    return _lower_cased(texts)[0]


def _lower_cased(texts: list[str] | pa.Array) -> tuple[pa.Array, pa.Array]:
    """(lower-cased texts as _lower, the same texts with their case): NFKC alone, byte for byte
    aligned with the lower-cased text, so the words cut from one are at the same positions in the
    other (names.py reads the capitals there). Where lower-casing changes a text's length in bytes
    (a few rare letters), its lower-cased form stands in: that text has no capitals, so no names."""
    arr = texts if isinstance(texts, pa.Array) else pa.array(texts, type=pa.large_string())
    if arr.type != pa.large_string():
        arr = arr.cast(pa.large_string())
    arr = pc.fill_null(arr, "")
    ascii_ = pc.string_is_ascii(arr).to_numpy(zero_copy_only=False)
    if ascii_.all():
        return pc.ascii_lower(arr), arr
    other = np.flatnonzero(~ascii_)
    nfkc = pc.utf8_normalize(arr.take(other), "NFKC")
    low = pc.utf8_lower(nfkc)
    cased = pc.if_else(pc.equal(pc.binary_length(nfkc), pc.binary_length(low)), nfkc, low)
    if len(other) == len(arr):
        return low, cased
    first = np.flatnonzero(ascii_)
    back = np.empty(len(arr), dtype=np.int64)  # row i of the input is row back[i] of parts
    back[np.concatenate([first, other])] = np.arange(len(arr), dtype=np.int64)
    plain = arr.take(first)
    return (
        pa.concat_arrays([pc.ascii_lower(plain), low]).take(back),
        pa.concat_arrays([plain, cased]).take(back),
    )


def _buffers(arr: pa.Array) -> tuple[np.ndarray, np.ndarray]:
    """(uint8 bytes, int64 offsets rebased to 0) of a large_string array, zero-copy."""
    n = len(arr)
    off = np.frombuffer(arr.buffers()[1], dtype=np.int64)[arr.offset : arr.offset + n + 1]
    buf = arr.buffers()[2]
    data = np.frombuffer(buf, dtype=np.uint8) if buf is not None else np.zeros(0, dtype=np.uint8)
    return data[off[0] : off[-1]], off - off[0]


def _special_bytes(b: np.ndarray, candidates: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(positions, class _SEP/_DEL) of the bytes whose class is not given by the range tests: deleted
    apostrophes, non-ASCII punctuation, thousands separators. `candidates` are the positions of all
    apostrophes, commas and multi-byte lead bytes. Rules are applied in order and a later rule
    overrides an earlier one at the same byte (possible only in malformed UTF-8), which _word_bytes
    resolves; the list is sparse (~1% of the bytes of news text)."""
    n = len(b)
    at = b[candidates]
    pos = [candidates[at == 0x27]]  # ASCII apostrophe
    cls = [np.full(len(pos[0]), _DEL, dtype=np.uint8)]

    def rule(where: np.ndarray, width: int, kind: np.ndarray | int) -> None:
        for j in range(width):
            pos.append(where + j)
            cls.append(np.broadcast_to(np.asarray(kind, dtype=np.uint8), where.shape))

    hi = candidates[at >= 0xC2]  # lead bytes of multi-byte characters
    if len(hi):
        nxt = b[np.minimum(hi + 1, n - 1)]
        nxt2 = b[np.minimum(hi + 2, n - 1)]
        lead = b[hi]
        # U+00A0-U+00BF (C2 A0-BF: nbsp, inverted marks, currency, quotes, degree) separate words;
        # after NFKC the letters and digits of that range are already ASCII
        rule(hi[(lead == 0xC2) & (nxt >= 0xA0) & (nxt <= 0xBF)], 2, _SEP)
        rule(hi[(lead == 0xCA) & (nxt == 0xBC)], 2, _DEL)  # U+02BC modifier apostrophe
        # U+2000-U+206F general punctuation (dashes, quotes, ellipsis, odd spaces) and U+3000-U+303F CJK
        # punctuation separate words; U+2019 right single quote is an apostrophe and is deleted
        m = ((lead == 0xE2) & ((nxt == 0x80) | (nxt == 0x81))) | ((lead == 0xE3) & (nxt == 0x80))
        rule(hi[m], 3, np.where((lead[m] == 0xE2) & (nxt[m] == 0x80) & (nxt2[m] == 0x99), _DEL, _SEP))
    # thousands separators: a comma between two digits is deleted ("1,234" = "1234")
    c = candidates[at == 0x2C]
    c = c[(c > 0) & (c < n - 1)]
    if len(c):
        p, q = b[c - 1], b[c + 1]
        rule(c[(p >= 0x30) & (p <= 0x39) & (q >= 0x30) & (q <= 0x39)], 1, _DEL)
    return np.concatenate(pos), np.concatenate(cls)


_BYTE_CHUNK = 1 << 18  # bytes per block of the byte-level steps (with their temporaries: < 1 MB)


def _word_bytes(b: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(bool per byte: part of a word, sorted positions of the bytes to delete)."""
    n = len(b)
    word = np.empty(n, dtype=bool)
    tmp = np.empty(min(n, _BYTE_CHUNK), dtype=np.uint8)
    candidates = []
    for s in range(0, n, _BYTE_CHUNK):
        v, w = b[s : s + _BYTE_CHUNK], word[s : s + _BYTE_CHUNK]
        t = tmp[: len(v)]
        np.bitwise_or(v, np.uint8(0x20), out=t)  # A-Z -> a-z
        t -= np.uint8(ord("a"))  # wraps: letters become 0..25
        np.less(t, 26, out=w)
        np.subtract(v, np.uint8(ord("0")), out=t)
        w |= t < 10
        high = v >= 0x80
        w |= high
        # apostrophes, commas and lead bytes (>= 0xC2) for _special_bytes
        special = (v == 0x27) | (v == 0x2C)
        special |= high & (v >= 0xC2)
        candidates.append(np.flatnonzero(special) + s)
    pos, cls = _special_bytes(b, np.concatenate(candidates) if candidates else np.zeros(0, dtype=np.int64))
    if len(pos) == 0:
        return word, pos
    # the last rule to mark a byte decides its class: np.unique keeps the first of the reversed list
    at, last = np.unique(pos[::-1], return_index=True)
    word[at] = False  # every special byte separates or is deleted
    return word, at[cls[::-1][last] == _DEL]


def _runs(word: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(starts, ends) of the runs of True, from the positions where the flag changes (block by
    block, no padded copy); they alternate start, end, start, end ..."""
    n = len(word)
    if n == 0:
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)
    edges = [np.zeros(int(word[0]), dtype=np.int64)]  # a run at the very start
    for s in range(0, n - 1, _BYTE_CHUNK):
        e = min(n - 1, s + _BYTE_CHUNK)
        edges.append(np.flatnonzero(word[s + 1 : e + 1] != word[s:e]) + (s + 1))
    edges.append(np.full(int(word[-1]), n, dtype=np.int64))  # a run up to the very end
    edges = np.concatenate(edges)
    return edges[0::2], edges[1::2]


_SPACE, _NOTHING = pa.scalar(" ", pa.large_string()), pa.scalar("", pa.large_string())


def _tokenize(low: pa.Array) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Words of lower-cased texts as (bytes, word starts, word lengths, words per text):
    _tokenize_cased without the cased text and the texts' offsets."""
    return _tokenize_cased(low)[:4]


def _tokenize_cased(
    low: pa.Array, cased: pa.Array | None = None
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray, np.ndarray, tuple[np.ndarray, np.ndarray] | None]:
    """Words of lower-cased texts as (bytes, word starts, word lengths, words per text, texts'
    offsets in the bytes, cased), vectorised over the whole batch; the bytes have deleted characters
    removed and a space after each text, so no run of word bytes crosses a text boundary (an Arrow
    copy of the batch, cheaper than splitting runs afterwards). Deleting a byte or keeping it as a
    separator is the same for the words at a text's edge, so the thousands-separator rule looking
    across a boundary changes nothing.
    cased: the same texts with their case, byte-aligned (_lower_cased); then `cased` comes back as
    (its bytes, each word's first byte in them), for names.py. It is not copied: a word's start is
    mapped back (the deleted bytes before it put back, one joining space per earlier text taken off)."""
    b, off = _buffers(pc.binary_join_element_wise(low, _SPACE, _NOTHING))
    word, dele = _word_bytes(b)
    if len(dele):
        keep = np.ones(len(b), dtype=bool)
        keep[dele] = False
        b, word = b[keep], word[keep]
        off = off - np.searchsorted(dele, off)
    starts, ends = _runs(word)
    n_words = np.diff(np.searchsorted(starts, off)).astype(np.int64)
    if cased is None:
        return b, starts, ends - starts, n_words, off, None
    q = starts + np.searchsorted(dele - np.arange(len(dele)), starts, side="right") if len(dele) else starts
    return (
        b,
        starts,
        ends - starts,
        n_words,
        off,
        (_buffers(cased)[0], q - np.repeat(np.arange(len(n_words)), n_words)),
    )


_BLOCK = 16


def _block_constants() -> np.ndarray:
    rng = np.random.default_rng([0xB17E5, 1])
    return rng.integers(0, 2**63, size=(64, 2), dtype=np.int64).astype(_U64) * _U64(2) + _U64(1)


_BLOCK_MULT = _block_constants()


_LOW_MASK = np.array([(1 << (8 * i)) - 1 for i in range(8)] + [2**64 - 1], dtype=_U64)


def _hash_words(b: np.ndarray, starts: np.ndarray, lengths: np.ndarray) -> np.ndarray:
    """64-bit hash of each word: its bytes read as little-endian uint64 per 8-byte block (unaligned
    loads through a 1-byte-strided uint64 view, bytes past the word masked off), each block
    multiplied by a per-position random odd constant, summed with the length (mod 2^64) and finalised
    with splitmix64. Vectorised: two 8-byte gathers per word, more only for words over 16 bytes."""
    n = len(starts)
    if n == 0:
        return np.zeros(0, dtype=_U64)
    padded = np.concatenate([b, np.zeros(2 * _BLOCK, dtype=np.uint8)])
    u64 = np.ndarray(shape=(len(b) + _BLOCK,), dtype=_U64, buffer=padded, strides=(1,))
    mult = _BLOCK_MULT.reshape(-1)
    h = lengths.astype(_U64)
    h *= _U64(0x9E3779B97F4A7C15)
    for s in range(0, n, _CHUNK):  # the first 8 bytes of every word, in cache-sized blocks
        v = u64[starts[s : s + _CHUNK]]
        v &= _LOW_MASK[np.minimum(lengths[s : s + _CHUNK], 8)]
        v *= mult[0]
        h[s : s + _CHUNK] += v
    sel = np.flatnonzero(lengths > 8)  # then the longer words' further blocks (~10% of words)
    blk = 1
    while len(sel):
        v = u64[starts[sel] + 8 * blk] & _LOW_MASK[np.minimum(lengths[sel] - 8 * blk, 8)]
        v *= mult[min(blk, len(mult) - 1)]
        h[sel] += v
        blk += 1
        sel = sel[lengths[sel] > 8 * blk]
    return _splitmix64(h)


def normalized_words(text: str) -> list[str]:
    """The words of one text exactly as the batch path sees them (for tests and debugging)."""
    b, starts, lengths, _ = _tokenize(_lower([text]))
    raw = b.tobytes()
    return [
        raw[s : s + k].decode("utf-8", "replace")
        for s, k in zip(starts.tolist(), lengths.tolist(), strict=True)
    ]


def normalize_text(text: str) -> str:
    """Normalised text: NFKC, lower case, punctuation and whitespace runs = one space, apostrophes and
    thousands separators removed, digits kept (mapping them to 0 would merge every templated earnings
    brief into one cluster)."""
    return " ".join(normalized_words(text))


@dataclass
class BatchFeatures:
    """Per-document features of one batch, in the batch's row order."""

    content_hash: list[str]
    n_words: np.ndarray  # int64 (n,)
    shingles: np.ndarray  # uint32 shingle sets of all docs concatenated (each doc's sorted, unique)
    shingle_offsets: np.ndarray  # int64 (n+1,), doc i owns shingles[off[i]:off[i+1]]
    signatures: np.ndarray  # uint32 (n, num_perm); rows of docs without shingles are all 0xFFFFFFFF
    digests: np.ndarray  # uint8 (n, 16) raw content hashes (content_hash is their hex form)
    figures: np.ndarray  # uint32 figure slots, filled slots and figures of all docs (see figure_sets)
    figure_offsets: np.ndarray  # int64 (n+1,), doc i owns figures[off[i]:off[i+1]]
    figure_slots: np.ndarray  # int64 (n,): how many of doc i's figures values are slots
    figure_values: np.ndarray  # int64 (n,): how many of them (the last) are the figures themselves


def word_hashes(texts: list[str] | pa.Array) -> tuple[np.ndarray, np.ndarray]:
    """(flat uint64 hashes of the normalised words of all texts, words per text)."""
    b, starts, lengths, n_words = _tokenize(_lower(texts))
    return _hash_words(b, starts, lengths), n_words


def content_digests(word_hash: np.ndarray, n_words: np.ndarray) -> np.ndarray:
    """(n, 16) uint8: 128-bit xxh3 digest of each document's normalised word sequence (the
    exact-duplicate key). Hashing the sequence of 64-bit word hashes is equivalent to hashing the
    normalised text up to a 2^-64 word-hash collision, and avoids materialising the normalised strings."""
    h = xxhash.xxh3_128_digest
    ends = np.cumsum(n_words)
    buf = word_hash.view(np.uint8)
    raw = b"".join(h(buf[8 * (e - k) : 8 * e]) for e, k in zip(ends.tolist(), n_words.tolist(), strict=True))
    return np.frombuffer(raw, dtype=np.uint8).reshape(len(n_words), 16)


def hex_digests(digests: np.ndarray) -> np.ndarray:
    """Object array of the 32-character lower-case hex strings of (n, 16) digests (vectorised; equal
    to xxh3_128_hexdigest)."""
    n = len(digests)
    if n == 0:
        return np.zeros(0, dtype=object)
    hx = np.frombuffer(np.ascontiguousarray(digests).tobytes().hex().encode("ascii"), dtype="S32")
    return hx.astype("U32").astype(object)


def content_hashes(word_hash: np.ndarray, n_words: np.ndarray) -> list[str]:
    """Hex form of content_digests."""
    return hex_digests(content_digests(word_hash, n_words)).tolist()


def _position_constants(k: int, seed: int) -> np.ndarray:
    rng = np.random.default_rng([seed, 0x5E1F, k])
    return rng.integers(0, 2**63, size=k, dtype=np.int64).astype(_U64) * _U64(2) + _U64(1)


def shingles(word_hash: np.ndarray, n_words: np.ndarray, k: int, seed: int) -> tuple[np.ndarray, np.ndarray]:
    """32-bit hashes of the word k-grams of each document, in text order (not deduplicated; MinHash
    does not care and verification makes each set unique only for the few candidate documents).

    A document with fewer than k (but at least one) words gets one shingle of all its words, so its
    set is not empty; such documents are below min_words and never reach LSH anyway."""
    n = len(n_words)
    W = len(word_hash)
    starts = np.zeros(n + 1, dtype=np.int64)
    np.cumsum(n_words, out=starts[1:])
    consts = _position_constants(k, seed)
    n_sh = np.where(n_words >= k, n_words - k + 1, (n_words > 0).astype(np.int64))
    if W >= k:
        m = W - k + 1
        # every window's hash (finalised, high 32 bits), in cache-sized blocks; windows that cross a
        # document boundary are dropped afterwards (the finaliser is per element, so the order of
        # the two steps does not matter)
        every = np.empty(m, dtype=np.uint32)
        acc = np.empty(min(m, _CHUNK), dtype=_U64)
        tmp = np.empty_like(acc)
        for s in range(0, m, _CHUNK):
            e = min(m, s + _CHUNK)
            a, t = acc[: e - s], tmp[: e - s]
            np.multiply(word_hash[s:e], consts[0], out=a)
            for j in range(1, k):
                a += np.multiply(word_hash[s + j : e + j], consts[j], out=t)
            _splitmix64(a)
            every[s:e] = a >> _U64(32)
        # valid windows: all but each document's last k - 1 (a short document's all), marked from
        # the document ends instead of per word
        first_bad = np.maximum(starts[1:] - (k - 1), starts[:-1])
        bad = ranges(first_bad, starts[1:] - first_bad)
        valid = np.ones(m, dtype=bool)
        valid[bad[bad < m]] = False
        sh = every[valid]
    else:
        sh = np.zeros(0, dtype=np.uint32)
    short = np.flatnonzero((n_words > 0) & (n_words < k))
    if len(short):
        out_off = np.zeros(n + 1, dtype=np.int64)
        np.cumsum(n_sh, out=out_off[1:])
        full = np.zeros(int(out_off[-1]), dtype=np.uint32)
        long_docs = n_words >= k
        full[np.repeat(long_docs, n_sh)] = sh
        for d in short:  # rare: only docs shorter than one shingle
            w = word_hash[starts[d] : starts[d + 1]]
            one = np.array([(w * consts[: len(w)]).sum(dtype=_U64)], dtype=_U64)
            full[out_off[d]] = _splitmix64(one)[0] >> _U64(32)
        sh = full
    offsets = np.zeros(n + 1, dtype=np.int64)
    np.cumsum(n_sh, out=offsets[1:])
    return sh, offsets


def permutations(num_perm: int, seed: int) -> tuple[np.ndarray, np.ndarray]:
    rng = np.random.default_rng([seed, 0x3141, num_perm])
    a = rng.integers(0, 2**63, size=num_perm, dtype=np.int64).astype(_U64) * _U64(2) + _U64(1)
    b = rng.integers(0, 2**63, size=num_perm, dtype=np.int64).astype(_U64)
    return a, b


def signatures(
    shingle_hash: np.ndarray, offsets: np.ndarray, num_perm: int, seed: int, chunk_cols: int = 3072
) -> np.ndarray:
    """MinHash signatures (n, num_perm) uint32 from the concatenated shingle hashes.

    The work matrix is laid out (num_perm x shingles) so np.minimum.reduceat runs along the contiguous
    axis (5x faster than the other layout), over chunks of whole documents of about chunk_cols
    shingles so it stays in cache. min over the full 64-bit value then >> 32 equals the min of the
    high halves, so the shift is applied once to the result.

    Chunk width, measured (numpy 2.4, 22k docs): 64 x 3072 uint64 (1.5 MB) fits the core's L2,
    0.17 CPU-s against 0.27 at 8192 columns; below ~2,048 columns numpy's broadcast multiply and add
    run 4-5x slower per element, so a short remainder at the end of a batch joins the chunk before."""
    a, b = permutations(num_perm, seed)
    n = len(offsets) - 1
    out = np.full((num_perm, n), np.iinfo(np.uint64).max, dtype=_U64)
    counts = np.diff(offsets)
    docs = np.flatnonzero(counts > 0)
    if len(docs) == 0:
        return (out >> _U64(32)).astype(np.uint32).T
    x = shingle_hash.astype(_U64)
    min_cols = 2560
    # a chunk is up to chunk_cols columns or one larger document, plus a remainder < min_cols
    buf = np.empty((num_perm, max(chunk_cols, int(counts.max())) + min_cols), dtype=_U64)
    ends = offsets[docs + 1]
    last = ends[-1]
    i = 0
    while i < len(docs):
        lo = offsets[docs[i]]
        j = max(int(np.searchsorted(ends, lo + chunk_cols, side="right")), i + 1)
        if last - ends[j - 1] < min_cols:
            j = len(docs)
        sel = docs[i:j]
        hi = offsets[sel[-1] + 1]
        work = buf[:, : int(hi - lo)]
        np.multiply(a[:, None], x[None, lo:hi], out=work)
        np.add(work, b[:, None], out=work)
        out[:, sel] = np.minimum.reduceat(work, offsets[sel] - lo, axis=1)
        i = j
    return np.ascontiguousarray((out >> _U64(32)).astype(np.uint32).T)


def band_keys(sigs: np.ndarray, bands: int, rows: int, seed: int) -> np.ndarray:
    """(n, bands) uint64 LSH keys; the key of band i hashes the i-th group of `rows` signature values
    and the band index, so all bands can share one key space."""
    n = sigs.shape[0]
    if bands * rows > sigs.shape[1]:
        raise ValueError(f"bands*rows = {bands * rows} exceeds num_perm = {sigs.shape[1]}")
    rng = np.random.default_rng([seed, 0xBA4D, bands, rows])
    mult = rng.integers(0, 2**63, size=(bands, rows), dtype=np.int64).astype(_U64) * _U64(2) + _U64(1)
    salt = rng.integers(0, 2**63, size=bands, dtype=np.int64).astype(_U64)
    v = sigs[:, : bands * rows].reshape(n, bands, rows).astype(_U64)
    v *= mult[None]
    keys = v.sum(axis=2, dtype=_U64) + salt[None]
    return _splitmix64(keys)


def unique_per_doc(shingle_hash: np.ndarray, offsets: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Each document's shingles sorted and made unique (one sort of doc<<32|hash over the batch)."""
    n = len(offsets) - 1
    return unique_by_doc(shingle_hash, np.repeat(np.arange(n, dtype=_U64), np.diff(offsets)), n)


def unique_by_doc(values: np.ndarray, doc: np.ndarray, n: int) -> tuple[np.ndarray, np.ndarray]:
    """(sorted unique uint32 values of each of n documents, offsets) of values given in any order
    with their documents: one sort of doc<<32|value codes."""
    if len(values) == 0:
        return values.astype(np.uint32), np.zeros(n + 1, dtype=np.int64)
    key = (doc.astype(_U64) << _U64(32)) | values.astype(_U64)
    key.sort()
    keep = np.ones(len(key), dtype=bool)
    keep[1:] = key[1:] != key[:-1]
    key = key[keep]
    # each document's first key: a binary search per document instead of a count per shingle
    out_off = np.searchsorted(key, np.arange(n + 1, dtype=_U64) << _U64(32)).astype(np.int64)
    return key.astype(np.uint32), out_off  # the cast keeps the low 32 bits: the hash


def featurize(texts: list[str] | pa.Array, shingle_size: int, num_perm: int, seed: int) -> BatchFeatures:
    """Features of a batch; each document's shingles come back sorted and unique (the set that exact
    verification intersects; MinHash of the set equals MinHash of the multiset)."""
    b, starts, lengths, n_words, t_off, cased = _tokenize_cased(*_lower_cased(texts))
    wh = _hash_words(b, starts, lengths)
    dg = content_digests(wh, n_words)
    every, every_off = shingles(wh, n_words, shingle_size, seed)
    quoted = _quote_samples(b, t_off, starts, n_words, shingle_size, every, every_off)
    sh, off = unique_per_doc(every, every_off)
    del every
    sig = signatures(sh, off, num_perm, seed)
    names = name_words(b, starts, lengths, n_words, *cased)
    at = np.flatnonzero(names)
    names[at[np.isin(wh[at], _not_names())]] = False
    fg, fg_off, fg_slots, fg_values = figure_sets(b, starts, lengths, n_words, wh, names, quoted)
    return BatchFeatures(hex_digests(dg).tolist(), n_words, sh, off, sig, dg, fg, fg_off, fg_slots, fg_values)


def figure_sets(
    b: np.ndarray,
    starts: np.ndarray,
    lengths: np.ndarray,
    n_words: np.ndarray,
    word_hash: np.ndarray,
    names: np.ndarray | None = None,
    quoted: tuple[np.ndarray, np.ndarray] | None = None,
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Each document's figure slots, filled slots and figures, for the story level's templated-text
    rule and its rewrite rule (facts.py).

    A figure is a word holding a digit (amounts, dates, scores). Its slot is the pair of words around
    it, figures masked ("rose # mln"); its filled slot is the slot with the figure. Two issues of a
    weekly template share their slots but fill them differently; a rewrite of one text fills the
    slots it shares the same way, and a passage from another text (a new lead) brings slots the
    other document lacks, which the rule ignores. A rewrite in other words (a paraphrase, a brief, a
    translation) keeps the figures but not the words around them: the figures alone are its evidence.
    Returns (values, offsets, slots per doc, figures per doc): document i owns values[off[i]:off[i + 1]],
    its sorted unique slot hashes (the first slots[i]), its sorted unique filled-slot hashes, then its
    sorted unique figure hashes (the last figures[i]; high 32 bits of 64-bit hashes).

    The last section also holds the document's name words (names: bool per word, names.py) and
    samples of its quoted speech (quoted: (keys, document), _quote_samples; quotes.py) as *facts*
    of the rewrite rule: the low two bits of a figure's key are 00, a name's 01, a quote's 10, so
    facts.py tells them apart by those bits alone."""
    n = len(n_words)
    # only figure words and their neighbours are touched: no per-byte or per-word temporaries beyond
    # one bool per word (a full int64 cumsum over the bytes cost ~50 MB and 0.1 s at 22k docs)
    digit_pos = np.flatnonzero((b >= 0x30) & (b <= 0x39))  # digits are always word bytes
    is_fig = np.zeros(len(starts), dtype=bool)
    digit_word = np.searchsorted(starts, digit_pos, side="right") - 1
    is_fig[digit_word] = True
    idx = np.flatnonzero(is_fig)
    w_off = np.zeros(n + 1, dtype=np.int64)
    np.cumsum(n_words, out=w_off[1:])
    doc = np.searchsorted(w_off, idx, side="right") - 1
    doc_first, doc_last = idx == w_off[doc], idx == w_off[doc + 1] - 1
    # "50.08" is one figure, not "50" and "08": figure words written digit-dot-digit are joined (the
    # fragments alone coincide between weeks far too often: "1.1" and "1.3" both hold "1")
    end = starts[idx] + lengths[idx]
    join = np.zeros(len(idx), dtype=bool)  # joined to the next figure word
    if len(idx) > 1:
        join[:-1] = (
            (idx[1:] == idx[:-1] + 1)
            & ~doc_last[:-1]
            & (starts[idx[1:]] == end[:-1] + 1)
            & (b[np.minimum(end[:-1], len(b) - 1)] == 0x2E)
        )
    head = np.ones(len(idx), dtype=bool)
    head[1:] = ~join[:-1]
    first = np.flatnonzero(head)
    last = np.r_[first[1:], len(idx)][: len(first)] - 1  # (a text without figures has no runs)
    pos = np.arange(len(idx)) - np.repeat(first, np.diff(np.r_[first, len(idx)]))
    value = (
        np.add.reduceat(_splitmix64(word_hash[idx] + pos.astype(_U64) * _SLOT_C[2]), first)
        if len(idx)
        else idx.astype(_U64)
    )

    def context(at: np.ndarray, edge: np.ndarray) -> np.ndarray:
        """Hash of the words at `at` with figures masked, _EDGE past a text's ends."""
        at = np.clip(at, 0, max(len(word_hash) - 1, 0))
        out = np.where(is_fig[at], _FIGURE, word_hash[at]) if len(at) else at.astype(_U64)
        out[edge] = _EDGE
        return out

    before = context(idx[first] - 1, doc_first[first])
    after = context(idx[last] + 1, doc_last[last])
    slot = _splitmix64(before * _SLOT_C[0] + after * _SLOT_C[1])
    filled = _splitmix64(slot * _SLOT_C[2] + value)
    per_doc = np.zeros(n + 1, dtype=np.int64)
    np.cumsum(np.bincount(doc[first], minlength=n), out=per_doc[1:])
    s_vals, s_off = unique_per_doc((slot >> _U64(32)).astype(np.uint32), per_doc)
    f_vals, f_off = unique_per_doc((filled >> _U64(32)).astype(np.uint32), per_doc)
    v_vals, v_off = _facts(
        (_digits_value(b, digit_pos, digit_word, first, pos) >> _U64(32)).astype(np.uint32),
        doc[first],
        word_hash,
        w_off,
        names if names is None else names & ~is_fig,
        quoted,
    )
    s_len, f_len, v_len = np.diff(s_off), np.diff(f_off), np.diff(v_off)
    off = np.zeros(n + 1, dtype=np.int64)
    np.cumsum(s_len + f_len + v_len, out=off[1:])
    out = np.empty(int(off[-1]), dtype=np.uint32)
    out[ranges(off[:-1], s_len)] = s_vals
    out[ranges(off[:-1] + s_len, f_len)] = f_vals
    out[ranges(off[:-1] + s_len + f_len, v_len)] = v_vals
    return out, off, s_len, v_len


def _facts(
    figures: np.ndarray,
    fig_doc: np.ndarray,
    word_hash: np.ndarray,
    w_off: np.ndarray,
    names: np.ndarray | None,
    quoted: tuple[np.ndarray, np.ndarray] | None = None,
) -> tuple[np.ndarray, np.ndarray]:
    """Each document's sorted unique facts (low two bits: figures 00, name words 01, quote samples
    10) and their offsets. A name is its lower-cased word's hash: "Dunmore" at a sentence's start is
    not a name word, but the same word later is the same name."""
    n = len(w_off) - 1
    vals, docs = [figures & np.uint32(0xFFFFFFFC)], [fig_doc]
    if names is not None and names.any():
        at = np.flatnonzero(names)
        named = (_splitmix64(word_hash[at] ^ _NAME) >> _U64(32)).astype(np.uint32)
        vals.append((named & np.uint32(0xFFFFFFFC)) | np.uint32(1))
        docs.append(np.searchsorted(w_off, at, side="right") - 1)
    if quoted is not None and len(quoted[0]):
        vals.append(quoted[0])
        docs.append(quoted[1])
    if len(vals) == 1:
        return unique_by_doc(vals[0], docs[0], n)
    return unique_by_doc(np.concatenate(vals), np.concatenate(docs), n)


def _quote_samples(
    b: np.ndarray,
    t_off: np.ndarray,
    starts: np.ndarray,
    n_words: np.ndarray,
    k: int,
    every: np.ndarray,
    every_off: np.ndarray,
) -> tuple[np.ndarray, np.ndarray]:
    """(key, document) of the sampled 5-grams of each document's quotes (quotes.py): a shingle
    whose words all lie inside one quote of >= MIN_QUOTE_WORDS words, kept when bits 2.. of its hash
    are zero (the same shingle is kept or not in every text), low bits set to the quote tag 10.
    Only the quotes' windows are made (a quote of >= MIN_QUOTE_WORDS >= k words lies in a text
    with >= k words, whose shingles are its windows in order)."""
    first, n = quote_spans(b, t_off, starts)
    if len(first) == 0:
        return np.zeros(0, dtype=np.uint32), np.zeros(0, dtype=np.int64)
    w_off = np.zeros(len(n_words) + 1, dtype=np.int64)
    np.cumsum(n_words, out=w_off[1:])
    win = ranges(first, np.maximum(n - k + 1, 0))
    doc = np.searchsorted(w_off, win, side="right") - 1
    h = every[every_off[doc] + (win - w_off[doc])]
    kept = ((h >> np.uint32(2)) & np.uint32(QUOTE_SAMPLE - 1)) == 0
    return (h[kept] & np.uint32(0xFFFFFFFC)) | np.uint32(2), doc[kept]


_NOT_NAMES: list[np.ndarray] = []


def _not_names() -> np.ndarray:
    """Sorted hashes of names.NOT_NAMES as words (made once)."""
    if not _NOT_NAMES:
        b, starts, lengths, _ = _tokenize(_lower([" ".join(NOT_NAMES)]))
        _NOT_NAMES.append(np.unique(_hash_words(b, starts, lengths)))
    return _NOT_NAMES[0]


def _digits_value(
    b: np.ndarray, digit_pos: np.ndarray, digit_word: np.ndarray, first: np.ndarray, pos: np.ndarray
) -> np.ndarray:
    """Hash of each figure's digits alone (one value per run of joined figure words, like `value`
    in figure_sets). A rewrite writes a figure's unit its own way ("6.2p" / "6.2 pence", "£412.6
    million" / "412.6m", "the 8th" / "8 October", "B4411" / "4411"): the number is the fact, so the
    rewrite rule (facts.py) compares each figure word's span from its first to its last digit, and
    which joined word holds it ("6.2" is not "62"). One hash per figure word, not per digit: the
    spans are hashed like words (a per-digit version cost +15% of featurize)."""
    if len(first) == 0:
        return np.zeros(0, dtype=_U64)
    new_word = np.flatnonzero(np.r_[True, digit_word[1:] != digit_word[:-1]])  # one per figure word
    last = np.r_[new_word[1:], len(digit_word)] - 1
    span_start = digit_pos[new_word]
    h = _hash_words(b, span_start, digit_pos[last] - span_start + 1)
    h += pos.astype(_U64) * _SLOT_C[2]
    return _splitmix64(np.add.reduceat(_splitmix64(h), first))


def shingle_set(shingle_hash: np.ndarray) -> np.ndarray:
    return np.unique(shingle_hash)


def ranges(starts: np.ndarray, lengths: np.ndarray) -> np.ndarray:
    """Concatenation of arange(s, s + k) for every (s, k), without a Python loop; one int64 array
    of the output's size is the only large allocation (a cumsum of steps, in place)."""
    lengths = np.asarray(lengths, dtype=np.int64)
    starts = np.asarray(starts, dtype=np.int64)
    nz = lengths > 0
    if not nz.all():
        starts, lengths = starts[nz], lengths[nz]
    total = int(lengths.sum())
    if total == 0:
        return np.zeros(0, dtype=np.int64)
    out = np.ones(total, dtype=np.int64)
    out[0] = starts[0]
    if len(lengths) > 1:
        ends = np.cumsum(lengths[:-1])
        out[ends] = starts[1:] - (starts[:-1] + lengths[:-1] - 1)
    np.cumsum(out, out=out)
    return out


def pair_intersections(
    a_sets: np.ndarray, a_len: np.ndarray, b_sets: np.ndarray, b_len: np.ndarray
) -> np.ndarray:
    """|A_p & B_p| for many pairs at once. a_sets/b_sets are the concatenated sorted unique sets of the
    pairs' two sides (pair p owns a_len[p] / b_len[p] values). Each side keyed p<<32|value is already
    globally sorted, so the two key arrays side by side are two sorted runs: a stable sort (timsort)
    merges them in linear time, and a value of pair p held by both sides shows up as two equal
    neighbours. No Python loop per pair. Measured against one binary search per A key into B's keys
    (the previous version): 0.027 vs 0.044 s per 2M keys of similar-sized sets, equal for a short set
    against a long one. Temporaries: ~21 bytes per value of either side."""
    P = len(a_len)
    if P == 0:
        return np.zeros(0, dtype=np.int64)
    if len(a_sets) == 0 or len(b_sets) == 0:
        return np.zeros(P, dtype=np.int64)
    na = len(a_sets)
    keys = np.empty(na + len(b_sets), dtype=_U64)
    for part, values, lens in ((keys[:na], a_sets, a_len), (keys[na:], b_sets, b_len)):
        part[:] = np.repeat(np.arange(P, dtype=_U64), lens)
        part <<= _U64(32)
        part |= values
    keys.sort(kind="stable")
    found = keys[1:][keys[1:] == keys[:-1]]
    found >>= _U64(32)
    return np.bincount(found.astype(np.int64), minlength=P)


def jaccard(a: np.ndarray, b: np.ndarray) -> float:
    """Exact Jaccard of two sorted unique uint32 arrays (see shingle_set)."""
    if len(a) == 0 or len(b) == 0:
        return 0.0
    if len(a) > len(b):
        a, b = b, a
    idx = np.searchsorted(b, a)
    idx[idx == len(b)] = 0
    inter = int(np.count_nonzero(b[idx] == a))
    return inter / (len(a) + len(b) - inter)

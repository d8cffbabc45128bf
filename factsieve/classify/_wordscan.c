/* The classifier's per-sentence word scan in C (factsieve.classify.prefilter uses it when built).

   words_of(text) returns what prefilter._py_words_of returns: for an ASCII str a prefilter.Words (a
   frozenset subclass) of the maximal runs of a-z letters of text.lower(), with ``gates`` set to the
   OR of the trigger-table bits (prefilter._WORD_BITS) of its words; text that is not ASCII goes to
   the Python function itself (a regex over the Unicode lower-casing). match_at(...) is the inner
   loop of prefilter.scan.

   Why C: the Python version is translate + split + frozenset + a loop of dict lookups and int ORs,
   ~5 us a sentence and about a fifth of classify's time; here it is one pass over the bytes and one
   dict lookup per new word. The semantics are the Python version's (tests/classify/test_wordscan.py
   compares the two on every sentence it can find), so nothing else in the classifier changes. */

#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <structmember.h> /* T_OBJECT_EX: the member type of a __slots__ slot */

static PyObject *words_type = NULL; /* prefilter.Words */
static PyObject *word_bits = NULL;  /* prefilter._WORD_BITS: word -> int, the same dict object */
static PyObject *gates_name = NULL; /* interned "gates" */
static PyObject *end_name = NULL;   /* interned "end" */
static PyObject *match_name = NULL; /* interned "match" */
static PyObject *finditer_name = NULL; /* interned "finditer" */
static PyObject *lower_name = NULL; /* interned "lower" */
static PyObject *fallback = NULL;   /* prefilter._py_words_of, for text that is not ASCII */

static inline int
is_lower(Py_UCS1 c)
{
    return c >= 'a' && c <= 'z';
}

/* Words seen before, by their bytes: the str object (its hash already computed) and its bits in
   word_bits (NULL: none). News vocabulary is Zipfian, so most words of a sentence are found here
   and cost no allocation, no string hash and no dict lookup. Open addressing, at most half full;
   once full, new words are made the plain way. Emptied by reset() whenever word_bits changes
   (prefilter.trigger_gate registers a table), so a cached bit is never stale. */
#define CACHE_BITS 16
#define CACHE_SIZE (1 << CACHE_BITS)
#define CACHE_MAX_WORD 32
typedef struct {
    uint64_t h;
    PyObject *word; /* NULL: empty slot */
    PyObject *bits;
} entry;
static entry *cache = NULL;
static Py_ssize_t cache_used = 0;

static void
cache_clear(void)
{
    if (cache == NULL || cache_used == 0)
        return; /* (the common case: tables are registered at import, before any sentence) */
    for (Py_ssize_t k = 0; k < CACHE_SIZE; k++) {
        Py_CLEAR(cache[k].word);
        Py_CLEAR(cache[k].bits);
    }
    cache_used = 0;
}

static PyObject *
reset(PyObject *self, PyObject *unused)
{
    cache_clear();
    Py_RETURN_NONE;
}

static PyObject *
configure(PyObject *self, PyObject *args)
{
    PyObject *wtype, *bits, *fall;
    if (!PyArg_ParseTuple(args, "O!O!O:configure", &PyType_Type, &wtype, &PyDict_Type, &bits, &fall))
        return NULL;
    if (!PyCallable_Check(fall)) {
        PyErr_SetString(PyExc_TypeError, "configure: the fallback must be callable");
        return NULL;
    }
    if (!PyType_IsSubtype((PyTypeObject *)wtype, &PyFrozenSet_Type)) {
        PyErr_SetString(PyExc_TypeError, "configure: the words type must subclass frozenset");
        return NULL;
    }
    if (cache == NULL) {
        cache = PyMem_Calloc(CACHE_SIZE, sizeof(entry));
        if (cache == NULL)
            return PyErr_NoMemory();
    }
    cache_clear();
    Py_INCREF(wtype);
    Py_XSETREF(words_type, wtype);
    Py_INCREF(bits);
    Py_XSETREF(word_bits, bits);
    Py_INCREF(fall);
    Py_XSETREF(fallback, fall);
    Py_RETURN_NONE;
}

/* A new reference to the word's str, and its bits (borrowed; *bits NULL when it is in no table);
   NULL on error. */
static PyObject *
lookup(const char *buf, Py_ssize_t len, PyObject **bits)
{
    uint64_t h = 1469598103934665603ULL; /* FNV-1a */
    for (Py_ssize_t k = 0; k < len; k++)
        h = (h ^ (unsigned char)buf[k]) * 1099511628211ULL;
    size_t slot = (size_t)(h >> (64 - CACHE_BITS));
    if (len <= CACHE_MAX_WORD) {
        for (;;) {
            entry *e = &cache[slot];
            if (e->word == NULL)
                break;
            if (e->h == h && PyUnicode_GET_LENGTH(e->word) == len &&
                memcmp(PyUnicode_1BYTE_DATA(e->word), buf, len) == 0) {
                *bits = e->bits;
                Py_INCREF(e->word);
                return e->word;
            }
            slot = (slot + 1) & (CACHE_SIZE - 1);
        }
    }
    PyObject *w = PyUnicode_FromStringAndSize(buf, len); /* ASCII: a compact 1-byte str */
    if (w == NULL)
        return NULL;
    PyObject *b = PyDict_GetItemWithError(word_bits, w); /* borrowed */
    if (b == NULL && PyErr_Occurred()) {
        Py_DECREF(w);
        return NULL;
    }
    *bits = b;
    if (len <= CACHE_MAX_WORD && cache_used < CACHE_SIZE / 2) {
        /* cache[slot] is the empty slot the probe above stopped at */
        entry *e = &cache[slot];
        e->h = h;
        Py_INCREF(w);
        e->word = w;
        Py_XINCREF(b);
        e->bits = b;
        cache_used++;
    }
    return w;
}

/* 0 when ``text`` is a str ready to read and configure() was called; else -1 with the error set. */
static int
ready_text(PyObject *text, const char *fn)
{
    if (!PyUnicode_Check(text)) {
        PyErr_Format(PyExc_TypeError, "%s: text must be str", fn);
        return -1;
    }
    if (words_type == NULL) {
        PyErr_Format(PyExc_RuntimeError, "%s: configure() was not called", fn);
        return -1;
    }
    return PyUnicode_READY(text);
}

static PyObject *
words_of(PyObject *self, PyObject *text)
{
    if (ready_text(text, "words_of") < 0)
        return NULL;
    if (!PyUnicode_IS_ASCII(text))
        return PyObject_CallOneArg(fallback, text);
    const Py_UCS1 *s = PyUnicode_1BYTE_DATA(text);
    Py_ssize_t n = PyUnicode_GET_LENGTH(text);

    PyObject *words = PyObject_CallNoArgs(words_type);
    if (words == NULL)
        return NULL;
    PyObject *gates = PyLong_FromLong(0);
    if (gates == NULL)
        goto fail;

    /* A word is at most as long as the sentence; short ones fit the stack buffer. */
    char stack_buf[256];
    char *buf = stack_buf;
    if (n > (Py_ssize_t)sizeof(stack_buf)) {
        buf = PyMem_Malloc(n);
        if (buf == NULL) {
            PyErr_NoMemory();
            goto fail;
        }
    }
    Py_ssize_t i = 0;
    while (i < n) {
        Py_UCS1 c = s[i];
        if (!(is_lower(c) || (c >= 'A' && c <= 'Z'))) {
            i++;
            continue;
        }
        Py_ssize_t len = 0;
        while (i < n) {
            c = s[i];
            if (is_lower(c))
                buf[len++] = (char)c;
            else if (c >= 'A' && c <= 'Z')
                buf[len++] = (char)(c + 32);
            else
                break;
            i++;
        }
        PyObject *bit;
        PyObject *w = lookup(buf, len, &bit);
        if (w == NULL)
            goto fail_buf;
        Py_ssize_t before = PySet_GET_SIZE(words);
        int rc = PySet_Add(words, w);
        Py_DECREF(w);
        if (rc < 0)
            goto fail_buf;
        if (bit != NULL && PySet_GET_SIZE(words) != before) { /* a new word of some table */
            PyObject *ored = PyNumber_Or(gates, bit);
            if (ored == NULL)
                goto fail_buf;
            Py_SETREF(gates, ored);
        }
    }
    if (buf != stack_buf)
        PyMem_Free(buf);
    if (PyObject_SetAttr(words, gates_name, gates) < 0)
        goto fail;
    Py_DECREF(gates);
    return words;

fail_buf:
    if (buf != stack_buf)
        PyMem_Free(buf);
fail:
    Py_XDECREF(gates);
    Py_DECREF(words);
    return NULL;
}

/* prefilter.scan's inner part: the matches of ``match`` (a compiled pattern's bound .match) tried
   at the starts of the whole a-z tokens of ``present`` in ``low`` (``target`` lower-cased, same
   length) that follow no alphanumeric character of ``target``, left to right, skipping starts inside
   the previous match: exactly prefilter._py_match_at (and so ``finditer``'s matches). */

static int
cmp_ssize(const void *a, const void *b)
{
    Py_ssize_t x = *(const Py_ssize_t *)a, y = *(const Py_ssize_t *)b;
    return (x > y) - (x < y);
}

static int
add_pos(Py_ssize_t **pos, Py_ssize_t *n, Py_ssize_t *cap, Py_ssize_t *stack, Py_ssize_t p)
{
    if (*n == *cap) {
        Py_ssize_t ncap = *cap * 2;
        Py_ssize_t *np;
        if (*pos == stack) {
            np = PyMem_Malloc(ncap * sizeof(Py_ssize_t));
            if (np != NULL)
                memcpy(np, stack, *n * sizeof(Py_ssize_t));
        }
        else
            np = PyMem_Realloc(*pos, ncap * sizeof(Py_ssize_t));
        if (np == NULL) {
            PyErr_NoMemory();
            return -1;
        }
        *pos = np;
        *cap = ncap;
    }
    (*pos)[(*n)++] = p;
    return 0;
}

static PyObject *
match_at_impl(PyObject *match, PyObject *target, PyObject *low, PyObject *present)
{
    if (!PyUnicode_Check(target) || !PyUnicode_Check(low) || !PyAnySet_Check(present)) {
        PyErr_SetString(PyExc_TypeError, "match_at: target and low must be str, present a set");
        return NULL;
    }
    if (PyUnicode_READY(target) < 0 || PyUnicode_READY(low) < 0)
        return NULL;
    Py_ssize_t n_low = PyUnicode_GET_LENGTH(low);
    if (PyUnicode_GET_LENGTH(target) != n_low) {
        PyErr_SetString(PyExc_ValueError, "match_at: target and low differ in length");
        return NULL;
    }
    int tkind = PyUnicode_KIND(target), lkind = PyUnicode_KIND(low);
    const void *tdata = PyUnicode_DATA(target), *ldata = PyUnicode_DATA(low);

    Py_ssize_t stack[64];
    Py_ssize_t *pos = stack, npos = 0, cap = 64;
    PyObject *out = NULL;
    Py_ssize_t it = 0;
    PyObject *w;
    Py_hash_t h;
    while (_PySet_NextEntry(present, &it, &w, &h)) {
        if (!PyUnicode_Check(w)) {
            PyErr_SetString(PyExc_TypeError, "match_at: present must hold str");
            goto done;
        }
        Py_ssize_t n = PyUnicode_GET_LENGTH(w);
        Py_ssize_t i = n == 0 ? -1 : PyUnicode_Find(low, w, 0, n_low, 1);
        while (i >= 0) {
            Py_ssize_t j = i + n;
            Py_UCS4 after = j < n_low ? PyUnicode_READ(lkind, ldata, j) : 0;
            if ((i == 0 || !Py_UNICODE_ISALNUM(PyUnicode_READ(tkind, tdata, i - 1))) &&
                (j == n_low || !(after >= 'a' && after <= 'z'))) {
                if (add_pos(&pos, &npos, &cap, stack, i) < 0)
                    goto done;
            }
            i = PyUnicode_Find(low, w, j, n_low, 1);
        }
        if (i == -2)
            goto done;
    }
    if (npos > 1)
        qsort(pos, npos, sizeof(Py_ssize_t), cmp_ssize);
    out = PyList_New(0);
    if (out == NULL)
        goto done;
    Py_ssize_t end = 0;
    for (Py_ssize_t k = 0; k < npos; k++) {
        if (pos[k] < end)
            continue;
        PyObject *p = PyLong_FromSsize_t(pos[k]);
        if (p == NULL)
            goto fail;
        PyObject *call_args[2] = {target, p};
        PyObject *m = PyObject_Vectorcall(match, call_args, 2, NULL);
        Py_DECREF(p);
        if (m == NULL)
            goto fail;
        if (m == Py_None) {
            Py_DECREF(m);
            continue;
        }
        int rc = PyList_Append(out, m);
        if (rc == 0) {
            PyObject *e = PyObject_CallMethodNoArgs(m, end_name);
            if (e == NULL)
                rc = -1;
            else {
                end = PyLong_AsSsize_t(e);
                Py_DECREF(e);
                if (end == -1 && PyErr_Occurred())
                    rc = -1;
            }
        }
        Py_DECREF(m);
        if (rc < 0)
            goto fail;
    }
    goto done;
fail:
    Py_CLEAR(out);
done:
    if (pos != stack)
        PyMem_Free(pos);
    return out;
}

static PyObject *
match_at(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    if (nargs != 4) {
        PyErr_SetString(PyExc_TypeError, "match_at(match, target, low, present) takes 4 arguments");
        return NULL;
    }
    return match_at_impl(args[0], args[1], args[2], args[3]);
}

/* bool(a & b) for two ints (trigger bits) */
static int
bits_meet(PyObject *a, PyObject *b)
{
    PyObject *x = PyNumber_And(a, b);
    if (x == NULL)
        return -1;
    int t = PyObject_IsTrue(x);
    Py_DECREF(x);
    return t;
}

/* present less the start tokens whose required words (a trigger bit in ``requires``) are all absent
   from the sentence: a new reference, or NULL on error. */
static PyObject *
unblocked(PyObject *present, PyObject *words, PyObject *requires)
{
    PyObject *gates = NULL, *kept = NULL, *w;
    Py_ssize_t it = 0, nblocked = 0;
    Py_hash_t h;
    while (_PySet_NextEntry(present, &it, &w, &h)) {
        PyObject *req = PyDict_GetItemWithError(requires, w); /* borrowed */
        if (req == NULL) {
            if (PyErr_Occurred())
                goto fail;
            continue;
        }
        if (gates == NULL && (gates = PyObject_GetAttr(words, gates_name)) == NULL)
            goto fail;
        int meet = bits_meet(gates, req);
        if (meet < 0)
            goto fail;
        nblocked += !meet;
    }
    if (nblocked == 0) {
        Py_XDECREF(gates);
        Py_INCREF(present);
        return present;
    }
    kept = PySet_New(NULL); /* (the order of the tokens is sorted out by position later) */
    if (kept == NULL)
        goto fail;
    it = 0;
    while (_PySet_NextEntry(present, &it, &w, &h)) {
        PyObject *req = PyDict_GetItemWithError(requires, w);
        int meet = 1;
        if (req == NULL && PyErr_Occurred())
            goto fail;
        if (req != NULL && (meet = bits_meet(gates, req)) < 0)
            goto fail;
        if (meet && PySet_Add(kept, w) < 0)
            goto fail;
    }
    Py_DECREF(gates);
    return kept;
fail:
    Py_XDECREF(gates);
    Py_XDECREF(kept);
    return NULL;
}

/* prefilter.scan(rx, starts, target, low, words, requires): the start tokens present, less those
   whose required words are all absent, then match_at. */
static PyObject *
scan_impl(PyObject *rx, PyObject *starts, PyObject *target, PyObject *low, PyObject *words,
          PyObject *requires)
{
    PyObject *present = PyNumber_And(words, starts);
    if (present == NULL)
        return NULL;
    if (!PyAnySet_Check(present)) {
        Py_DECREF(present);
        PyErr_SetString(PyExc_TypeError, "scan: words & starts must be a set");
        return NULL;
    }
    if (PySet_GET_SIZE(present) > 0 && requires != NULL && requires != Py_None) {
        if (!PyDict_Check(requires)) {
            Py_DECREF(present);
            PyErr_SetString(PyExc_TypeError, "scan: requires must be a dict");
            return NULL;
        }
        if (PyDict_GET_SIZE(requires) > 0) {
            Py_SETREF(present, unblocked(present, words, requires));
            if (present == NULL)
                return NULL;
        }
    }
    if (PySet_GET_SIZE(present) == 0) {
        Py_DECREF(present);
        return PyList_New(0);
    }
    PyObject *match = PyObject_GetAttr(rx, match_name);
    if (match == NULL) {
        Py_DECREF(present);
        return NULL;
    }
    PyObject *out = match_at_impl(match, target, low, present);
    Py_DECREF(match);
    Py_DECREF(present);
    return out;
}

static PyObject *
scan(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    if (nargs < 5 || nargs > 6) {
        PyErr_SetString(PyExc_TypeError,
                        "scan(rx, starts, target, low, words, requires=None) takes 5 or 6 arguments");
        return NULL;
    }
    return scan_impl(args[0], args[1], args[2], args[3], args[4], nargs == 6 ? args[5] : NULL);
}

/* CaseFreeRe.find, as a method of the class (configure_case_free gives the descriptor): its slots
   read by offset, then the Python method's steps. */
enum { CF_LOW, CF_IC, CF_STARTS, CF_STARTS_GATE, CF_REQUIRES, CF_FIELDS };
static const char *const cf_names[CF_FIELDS] = {"low", "ic", "starts", "starts_gate", "requires"};
static Py_ssize_t cf_offsets[CF_FIELDS];

static PyObject *lowered(PyObject *self, PyObject *text);

static PyObject *
finditer_list(PyObject *pattern, PyObject *text)
{
    PyObject *it = PyObject_CallMethodOneArg(pattern, finditer_name, text);
    if (it == NULL)
        return NULL;
    PyObject *out = PySequence_List(it);
    Py_DECREF(it);
    return out;
}

static PyObject *
case_free_find(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    if (nargs != 2) {
        PyErr_SetString(PyExc_TypeError, "find(text, words) takes 2 arguments");
        return NULL;
    }
    PyObject *text = args[0], *words = args[1];
    if (!PyUnicode_Check(text)) {
        PyErr_SetString(PyExc_TypeError, "find: text must be str");
        return NULL;
    }
    PyObject *f[CF_FIELDS];
    for (int k = 0; k < CF_FIELDS; k++) {
        f[k] = *(PyObject **)((char *)self + cf_offsets[k]);
        if (f[k] == NULL) {
            PyErr_Format(PyExc_AttributeError, "CaseFreeRe.%s is not set", cf_names[k]);
            return NULL;
        }
    }
    if (PyUnicode_READY(text) < 0)
        return NULL;
    if (f[CF_STARTS] != Py_None && PyUnicode_IS_ASCII(text)) {
        /* no start token in the sentence: what scan returns first */
        PyObject *gates = PyObject_GetAttr(words, gates_name);
        if (gates == NULL)
            return NULL;
        int meet = bits_meet(gates, f[CF_STARTS_GATE]);
        Py_DECREF(gates);
        if (meet < 0)
            return NULL;
        if (!meet)
            return PyList_New(0);
    }
    PyObject *low = lowered(NULL, text);
    if (low == NULL)
        return NULL;
    PyObject *out;
    if (PyUnicode_GET_LENGTH(low) == PyUnicode_GET_LENGTH(text)) {
        if (f[CF_STARTS] != Py_None)
            out = scan_impl(f[CF_LOW], f[CF_STARTS], low, low, words, f[CF_REQUIRES]);
        else
            out = finditer_list(f[CF_LOW], low);
    }
    else
        out = finditer_list(f[CF_IC], text);
    Py_DECREF(low);
    return out;
}

static PyMethodDef case_free_find_def = {
    "find",
    (PyCFunction)(void (*)(void))case_free_find,
    METH_FASTCALL,
    "find(text, words): finditer(text) by candidate scanning; words must be words_of(text).",
};

static PyObject *
configure_case_free(PyObject *self, PyObject *cls)
{
    if (!PyType_Check(cls)) {
        PyErr_SetString(PyExc_TypeError, "configure_case_free: a class is expected");
        return NULL;
    }
    for (int k = 0; k < CF_FIELDS; k++) {
        PyObject *d = PyObject_GetAttrString(cls, cf_names[k]);
        if (d == NULL)
            return NULL;
        if (!Py_IS_TYPE(d, &PyMemberDescr_Type) || ((PyMemberDescrObject *)d)->d_member->type != T_OBJECT_EX) {
            Py_DECREF(d);
            PyErr_Format(PyExc_TypeError, "configure_case_free: %s is not a slot", cf_names[k]);
            return NULL;
        }
        cf_offsets[k] = ((PyMemberDescrObject *)d)->d_member->offset;
        Py_DECREF(d);
    }
    return PyDescr_NewMethod((PyTypeObject *)cls, &case_free_find_def);
}

/* first_word's rare case: a first word longer than the cache's words, from ``start``. */
static PyObject *
first_word_long(PyObject *text, Py_ssize_t start)
{
    int kind = PyUnicode_KIND(text);
    const void *data = PyUnicode_DATA(text);
    Py_ssize_t n = PyUnicode_GET_LENGTH(text), end = start;
    while (end < n) {
        Py_UCS4 c = PyUnicode_READ(kind, data, end);
        if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')))
            break;
        end++;
    }
    PyObject *word = PyUnicode_Substring(text, start, end);
    if (word == NULL)
        return NULL;
    PyObject *low = PyObject_CallMethodNoArgs(word, lower_name);
    Py_DECREF(word);
    return low;
}

/* prefilter.first_word: the maximal run of ASCII letters after leading whitespace (\s of re: Unicode
   whitespace), lower-cased, "" when the text opens on anything else. */
static PyObject *
first_word(PyObject *self, PyObject *text)
{
    if (ready_text(text, "first_word") < 0)
        return NULL;
    int kind = PyUnicode_KIND(text);
    const void *data = PyUnicode_DATA(text);
    Py_ssize_t n = PyUnicode_GET_LENGTH(text), i = 0;
    while (i < n && Py_UNICODE_ISSPACE(PyUnicode_READ(kind, data, i)))
        i++;
    char buf[CACHE_MAX_WORD];
    Py_ssize_t len = 0;
    while (i < n) {
        Py_UCS4 c = PyUnicode_READ(kind, data, i);
        if (c >= 'A' && c <= 'Z')
            c += 32;
        else if (!(c >= 'a' && c <= 'z'))
            break;
        if (len == CACHE_MAX_WORD) /* a long word: made by str.lower, not cached */
            return first_word_long(text, i - len);
        buf[len++] = (char)c;
        i++;
    }
    PyObject *bits;
    return lookup(buf, len, &bits);
}

/* classifier._label and cue.new_cue: a SentenceLabel / Cue (frozen slots dataclasses) with its slots
   written directly, as the Python versions do through the slots' member descriptors, without the
   dataclass __init__ (whose frozen __setattr__ path costs ~3.5 us a label). configure_maker reads
   each field's slot offset from its member descriptor, in the order given (the dataclass's fields),
   so the objects are the ones the dataclass makes: equal, hashing and printing alike, still frozen. */

#define MAX_FIELDS 12
typedef struct {
    PyTypeObject *type;
    int n;
    Py_ssize_t offsets[MAX_FIELDS];
} maker;
static maker makers[2]; /* 0: SentenceLabel, 1: Cue */

static PyObject *
configure_maker(PyObject *self, PyObject *args)
{
    int which;
    PyObject *cls, *names;
    if (!PyArg_ParseTuple(args, "iO!O!:configure_maker", &which, &PyType_Type, &cls, &PyTuple_Type, &names))
        return NULL;
    Py_ssize_t n = PyTuple_GET_SIZE(names);
    if (which < 0 || which > 1 || n < 1 || n > MAX_FIELDS) {
        PyErr_SetString(PyExc_ValueError, "configure_maker: which is 0 or 1, with 1 to 12 field names");
        return NULL;
    }
    maker m = {NULL, (int)n, {0}};
    for (Py_ssize_t k = 0; k < n; k++) {
        PyObject *d = PyObject_GetAttr(cls, PyTuple_GET_ITEM(names, k));
        if (d == NULL)
            return NULL;
        if (!Py_IS_TYPE(d, &PyMemberDescr_Type) ||
            ((PyMemberDescrObject *)d)->d_member->type != T_OBJECT_EX) {
            Py_DECREF(d);
            PyErr_Format(PyExc_TypeError, "configure_maker: %R is not a slot", PyTuple_GET_ITEM(names, k));
            return NULL;
        }
        m.offsets[k] = ((PyMemberDescrObject *)d)->d_member->offset;
        Py_DECREF(d);
    }
    Py_INCREF(cls);
    m.type = (PyTypeObject *)cls;
    Py_XDECREF(makers[which].type);
    makers[which] = m;
    Py_RETURN_NONE;
}

static PyObject *
make(maker *m, const char *name, PyObject *const *args, Py_ssize_t nargs)
{
    if (m->type == NULL) {
        PyErr_Format(PyExc_RuntimeError, "%s: configure_maker() was not called", name);
        return NULL;
    }
    if (nargs != m->n) {
        PyErr_Format(PyExc_TypeError, "%s takes %d arguments (%zd given)", name, m->n, nargs);
        return NULL;
    }
    PyObject *obj = m->type->tp_alloc(m->type, 0);
    if (obj == NULL)
        return NULL;
    for (Py_ssize_t k = 0; k < nargs; k++) {
        Py_INCREF(args[k]);
        *(PyObject **)((char *)obj + m->offsets[k]) = args[k];
    }
    return obj;
}

static PyObject *
make_label(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    return make(&makers[0], "make_label", args, nargs);
}

static PyObject *
make_cue(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    return make(&makers[1], "make_cue", args, nargs);
}

/* prefilter.lowered: text.lower(), remembered for the last text asked (every finder of a sentence
   asks for the same copy). */
static PyObject *last_text = NULL, *last_lower = NULL;

static PyObject *
lowered(PyObject *self, PyObject *text)
{
    if (text == last_text) {
        Py_INCREF(last_lower);
        return last_lower;
    }
    PyObject *low = PyObject_CallMethodNoArgs(text, lower_name);
    if (low == NULL)
        return NULL;
    Py_INCREF(text);
    Py_XSETREF(last_text, text);
    Py_INCREF(low);
    Py_XSETREF(last_lower, low);
    return low;
}

static PyMethodDef methods[] = {
    {"match_at", (PyCFunction)(void (*)(void))match_at, METH_FASTCALL,
     "match_at(match, target, low, present): prefilter.scan's matches at the present tokens."},
    {"configure_maker", configure_maker, METH_VARARGS,
     "configure_maker(which, cls, field_names): the class (0: label, 1: cue) whose slots make_* write."},
    {"make_label", (PyCFunction)(void (*)(void))make_label, METH_FASTCALL,
     "make_label(*fields): a SentenceLabel with its slots set in field order, without __init__."},
    {"make_cue", (PyCFunction)(void (*)(void))make_cue, METH_FASTCALL,
     "make_cue(kind, text, start, end): a Cue with its slots set, without __init__."},
    {"first_word", first_word, METH_O, "first_word(text): prefilter.first_word."},
    {"lowered", lowered, METH_O, "lowered(text): text.lower(), remembered for the last text."},
    {"scan", (PyCFunction)(void (*)(void))scan, METH_FASTCALL,
     "scan(rx, starts, target, low, words, requires=None): prefilter.scan."},
    {"configure_case_free", configure_case_free, METH_O,
     "configure_case_free(cls): CaseFreeRe.find as a method descriptor of cls."},
    {"reset", reset, METH_NOARGS, "reset(): forget the cached words (call when word_bits changes)."},
    {"configure", configure, METH_VARARGS,
     "configure(words_type, word_bits, fallback): the Words class, the word -> bits dict (kept, not\n"
     "copied) and the function for text that is not ASCII."},
    {"words_of", words_of, METH_O,
     "words_of(text): prefilter.words_of (ASCII text here, other text by the configured fallback)."},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef module = {
    PyModuleDef_HEAD_INIT, "_wordscan", "The classifier's per-sentence word scan in C.", -1, methods,
};

PyMODINIT_FUNC
PyInit__wordscan(void)
{
    gates_name = PyUnicode_InternFromString("gates");
    end_name = PyUnicode_InternFromString("end");
    lower_name = PyUnicode_InternFromString("lower");
    match_name = PyUnicode_InternFromString("match");
    finditer_name = PyUnicode_InternFromString("finditer");
    if (gates_name == NULL || end_name == NULL || lower_name == NULL || match_name == NULL ||
        finditer_name == NULL)
        return NULL;
    return PyModule_Create(&module);
}

/* unwrap (factsieve/text/unwrap.py) in C: join the lines of hard-wrapped paragraphs.

   unwrap(text, is_block_line) returns what unwrap.unwrap(text) returns, the same object when
   nothing is joined. ``is_block_line`` is unwrap._is_block_line (its two regexes): it is called only
   for a line that passes the same cheap necessary conditions the Python function checks first, so
   the regexes themselves stay in one place.

   Why C: unwrap is a handful of passes over each document's lines (strip, lengths, indents, the
   width test, the joins), ~16 µs per document in Python and the largest piece of clean_text on
   wire copy; here it is one pass over the characters plus one over the lines. The semantics are the
   Python version's, step by step (tests/text/test_unwrap.py compares both on every text it reads):
   str.rstrip/lstrip whitespace is Py_UNICODE_ISSPACE, lengths are code points, str.isalpha is
   Py_UNICODE_ISALPHA and str.isdecimal is Py_UNICODE_ISDECIMAL. */

#define PY_SSIZE_T_CLEAN
#include <Python.h>

#define MIN_WRAP_WIDTH 40
#define MAX_WRAP_WIDTH 100

typedef struct {
    Py_ssize_t start;  /* first character of the line in the text */
    Py_ssize_t len;    /* length once trailing whitespace is stripped (ln.rstrip()) */
    Py_ssize_t indent; /* leading whitespace; -1: blank (nothing but whitespace) */
    int block;         /* unwrap._is_block_line: -1 not yet known, 0 or 1 */
} line_t;

/* The line's characters after its indent; ``is_block_line`` only when a cheap test passes. */
static int
block_line(PyObject *text, int kind, const void *data, line_t *ln, PyObject *is_block_line)
{
    if (ln->block >= 0)
        return ln->block;
    Py_ssize_t b = ln->start + ln->indent, e = ln->start + ln->len;
    int maybe = 0;
    if (b < e) {
        Py_UCS4 c0 = PyUnicode_READ(kind, data, b);
        /* unwrap._ITEM_STARTS: - * • – — ( */
        if (c0 == '-' || c0 == '*' || c0 == 0x2022 || c0 == 0x2013 || c0 == 0x2014 || c0 == '(' ||
            Py_UNICODE_ISDECIMAL(c0))
            maybe = 1;
        else if (b + 1 < e) {
            Py_UCS4 c1 = PyUnicode_READ(kind, data, b + 1);
            maybe = c1 == '.' || c1 == ')';
        }
        for (Py_ssize_t k = b; !maybe && k < e; k++) {
            Py_UCS4 c = PyUnicode_READ(kind, data, k);
            if (c == '\t' || (c == ' ' && k + 2 < e && PyUnicode_READ(kind, data, k + 1) == ' ' &&
                              PyUnicode_READ(kind, data, k + 2) == ' '))
                maybe = 1;
        }
    }
    if (!maybe) {
        ln->block = 0;
        return 0;
    }
    /* The whole line as the Python function gets it (rstripped; it strips the indent itself). */
    PyObject *line = PyUnicode_Substring(text, ln->start, ln->start + ln->len);
    if (line == NULL)
        return -1;
    PyObject *res = PyObject_CallOneArg(is_block_line, line);
    Py_DECREF(line);
    if (res == NULL)
        return -1;
    int truth = PyObject_IsTrue(res);
    Py_DECREF(res);
    if (truth < 0)
        return -1;
    ln->block = truth;
    return truth;
}

static PyObject *
unwrap(PyObject *self, PyObject *args)
{
    PyObject *text, *is_block_line;
    if (!PyArg_ParseTuple(args, "UO:unwrap", &text, &is_block_line))
        return NULL;
    int kind = PyUnicode_KIND(text);
    const void *data = PyUnicode_DATA(text);
    Py_ssize_t n = PyUnicode_GET_LENGTH(text);
    Py_ssize_t nlines = 1;
    for (Py_ssize_t k = 0; k < n; k++)
        if (PyUnicode_READ(kind, data, k) == '\n')
            nlines++;
    if (nlines == 1)
        return Py_NewRef(text); /* no "\n" */

    line_t *lines = PyMem_Malloc(nlines * sizeof(line_t));
    char *joins = PyMem_Calloc(nlines, 1);
    Py_UCS4 *out = NULL;
    PyObject *result = NULL;
    if (lines == NULL || joins == NULL) {
        PyErr_NoMemory();
        goto done;
    }
    /* lines = [ln.rstrip() for ln in text.split("\n")]; width = max(len(ln)) */
    Py_ssize_t width = 0, start = 0, i = 0;
    for (Py_ssize_t k = 0; k <= n; k++) {
        if (k < n && PyUnicode_READ(kind, data, k) != '\n')
            continue;
        Py_ssize_t e = k;
        while (e > start && Py_UNICODE_ISSPACE(PyUnicode_READ(kind, data, e - 1)))
            e--;
        Py_ssize_t b = start;
        while (b < e && Py_UNICODE_ISSPACE(PyUnicode_READ(kind, data, b)))
            b++;
        lines[i] = (line_t){start, e - start, e > start ? b - start : -1, -1};
        if (e - start > width)
            width = e - start;
        i++;
        start = k + 1;
    }
    if (width < MIN_WRAP_WIDTH || width > MAX_WRAP_WIDTH) {
        result = Py_NewRef(text);
        goto done;
    }
    /* at least two lines near the width (len(ln) >= 0.85 * width, compared as Python does) */
    int near = 0;
    for (i = 0; i < nlines && near < 2; i++)
        if ((double)lines[i].len >= 0.85 * (double)width)
            near++;
    if (near < 2) {
        result = Py_NewRef(text);
        goto done;
    }

    /* unwrap._wrap_breaks */
    Py_ssize_t base = PY_SSIZE_T_MAX, first = -1;
    for (i = 0; i < nlines; i++) {
        if (lines[i].indent < 0)
            continue;
        if (first < 0)
            first = i;
        if (lines[i].indent < base)
            base = lines[i].indent;
    }
    int indented = 0;
    for (i = 0; i < nlines; i++)
        if (lines[i].indent > base)
            indented = 1;
    Py_ssize_t candidates = 0, njoins = 0, first_joined = 0;
    for (i = 0; i < nlines; i++) {
        if (lines[i].indent < 0)
            continue;
        Py_ssize_t j = i + 1;
        if (j >= nlines || lines[j].indent != base)
            continue; /* blank line, end of text, or a new (indented) paragraph */
        int bi = block_line(text, kind, data, &lines[i], is_block_line);
        if (bi < 0)
            goto done;
        if (bi)
            continue;
        int bj = block_line(text, kind, data, &lines[j], is_block_line);
        if (bj < 0)
            goto done;
        if (bj)
            continue;
        /* the next line's first word: up to its first " " after the indent */
        Py_ssize_t b = lines[j].start + lines[j].indent, e = lines[j].start + lines[j].len, w = 0;
        while (b + w < e && PyUnicode_READ(kind, data, b + w) != ' ')
            w++;
        if (lines[i].len + 1 + w > width) {
            joins[i] = 1;
            njoins++;
            first_joined |= i == first;
            candidates++;
        }
        else if (i == first && indented) {
            joins[i] = 1;
            njoins++;
            first_joined = 1;
        }
        else
            candidates++;
    }
    Py_ssize_t wraps = indented ? njoins - first_joined : njoins;
    if (wraps < (indented ? 1 : 2) || (double)wraps < 0.5 * (double)candidates) {
        result = Py_NewRef(text);
        goto done;
    }

    /* The joined text: at most the text's length (lines only lose characters; a join puts one
       space where a "\n" was). */
    out = PyMem_Malloc((n > 0 ? n : 1) * sizeof(Py_UCS4));
    if (out == NULL) {
        PyErr_NoMemory();
        goto done;
    }
    Py_ssize_t o = 0, para = 0; /* para: where the current output line (``cur``) starts */
    for (i = 0; i < nlines; i++) {
        Py_ssize_t b = lines[i].start, e = lines[i].start + lines[i].len;
        if (i > 0 && joins[i - 1]) {
            b += lines[i].indent < 0 ? lines[i].len : lines[i].indent; /* lines[i].lstrip() */
            /* "mid-" + "February": cur ends "-" after a letter and the next part starts with one */
            int hyphen = o - para > 1 && out[o - 1] == '-' && Py_UNICODE_ISALPHA(out[o - 2]) && b < e &&
                         Py_UNICODE_ISALPHA(PyUnicode_READ(kind, data, b));
            if (!hyphen)
                out[o++] = ' ';
        }
        else if (i > 0) {
            out[o++] = '\n';
            para = o;
        }
        for (Py_ssize_t k = b; k < e; k++)
            out[o++] = PyUnicode_READ(kind, data, k);
    }
    result = PyUnicode_FromKindAndData(PyUnicode_4BYTE_KIND, out, o);

done:
    PyMem_Free(lines);
    PyMem_Free(joins);
    PyMem_Free(out);
    return result;
}

static PyMethodDef methods[] = {
    {"unwrap", unwrap, METH_VARARGS, "unwrap(text, is_block_line): factsieve.text.unwrap.unwrap in C."},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef module = {PyModuleDef_HEAD_INIT, "_unwrap", NULL, -1, methods};

PyMODINIT_FUNC
PyInit__unwrap(void)
{
    return PyModule_Create(&module);
}

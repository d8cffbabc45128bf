"""Build script for the C extensions; everything else about the package is in pyproject.toml.

factsieve.classify._wordscan is the classifier's per-sentence word scan and the inner loop of its
candidate scan (docs/EVALUATION.md, "Classifier speed, round 10"). factsieve.classify.prefilter
falls back to the same functions in Python when it is not built; tests/classify/test_wordscan.py
checks that the built one is the one in use and that both give the same results.

factsieve.text._unwrap is ``unwrap`` (the hard-wrap joiner inside clean_text) in C
(docs/BENCHMARKS.md, "Batch stage CPU, round 10"); factsieve.text.unwrap falls back to its Python
version when it is not built, and tests/text/test_unwrap.py compares the two.
"""

from setuptools import Extension, setup

setup(
    ext_modules=[
        Extension("factsieve.classify._wordscan", ["factsieve/classify/_wordscan.c"]),
        Extension("factsieve.text._unwrap", ["factsieve/text/_unwrap.c"]),
    ]
)

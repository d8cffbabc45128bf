"""Build script for the one C extension; everything else about the package is in pyproject.toml.

factsieve.classify._wordscan is the classifier's per-sentence word scan and the inner loop of its
candidate scan (docs/EVALUATION.md, "Classifier speed, round 10"). factsieve.classify.prefilter
falls back to the same functions in Python when it is not built; tests/classify/test_wordscan.py
checks that the built one is the one in use and that both give the same results.
"""

from setuptools import Extension, setup

setup(ext_modules=[Extension("factsieve.classify._wordscan", ["factsieve/classify/_wordscan.c"])])

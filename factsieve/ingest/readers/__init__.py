"""One module per input format: the wrapper that turns a parser's output (``factsieve.ingest.feeds``,
``mail``, ``trec_sgml``, ``columnar`` …) into documents and rejects. The parsers stay free of
``RawDoc``/``Reject`` and limits (``parts`` and ``sniff`` use them to cut and recognise files); the
dispatcher, ``factsieve.ingest.read``, picks a reader and imports these modules, never the reverse."""

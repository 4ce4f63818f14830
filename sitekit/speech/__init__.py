"""Recorded speech of every page (the Listen player), made at build time.

- ``lexicon``: how a language says what is written (abbreviations, signs, numbers, dates,
  the phone number), read from the ``speech:`` section of ``i18n/<language>.yml``.
- ``numbers``: numbers in words, with the word tables of a lexicon.
- ``reading``: a rendered page's main text, in reading order, as passages in their language.
- ``engine``: eSpeak NG and opusenc, the cache of recordings, whether the tools are installed.
- ``ogg``: the length of an Ogg Opus recording, read from the file.

The hook ``overrides/hooks/listen.py`` ties them to the build.
"""

"""How Listen says a text: the words the speech lexicon makes of it, and eSpeak NG's phonemes.

usage: python scripts/say.py --lang uz|uz-cyrl|ru|en TEXT... [--out FILE.opus]

Prints the spoken words (i18n/<lang>.yml, speech:), then the phonemes eSpeak NG reads them
with (`espeak-ng -x`). With --out, also records them, as the build would, into FILE.opus.

A word read wrongly on the site is fixed in the lexicon, not in the page: add it under
`speech: words:` in i18n/<lang>.yml (written form: spoken words), run this again, then
`make test`. Example:

  .venv/bin/python scripts/say.py --lang uz "«Olmaliq KMK» AJ, PQ-5159-son qaror"
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="say.py", description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter,
                                     usage=argparse.SUPPRESS)
    parser.add_argument("--lang", required=True, help="a language of the site: uz, uz-cyrl, ru, en")
    parser.add_argument("--out", type=Path, help="record into this .opus file too")
    parser.add_argument("text", nargs="+")
    args = parser.parse_args(argv)

    from sitekit.speech.engine import Job, Recorder, missing_message, missing_tools
    from sitekit.speech.lexicon import LexiconError, load_lexicon
    from sitekit.speech.reading import script
    from sitekit.strings import StringsError

    try:
        lexicon = load_lexicon(ROOT, args.lang)
    except (LexiconError, StringsError) as error:
        print(f"say.py: {error}")
        return 1
    text = " ".join(args.text)
    words = lexicon.spoken(text)
    print(f"words:    {words}")
    missing = missing_tools()
    if missing:
        print(f"say.py: {missing_message(missing)}")
        return 1
    phonemes = subprocess.run(["espeak-ng", "-v", lexicon.voice, "-q", "-x", words], capture_output=True, text=True).stdout
    print(f"phonemes: {' '.join(phonemes.split())}  (eSpeak NG, voice {lexicon.voice})")
    if args.out:
        from xml.sax.saxutils import escape

        with tempfile.TemporaryDirectory() as cache:
            recorder = Recorder(Path(cache))
            spoken = script(f"<p>{escape(text)}</p>", args.lang, lambda lang: lexicon)
            recording = recorder.submit(Job(spoken, lexicon.rate, text[:60], "say.py")).result()
            recorder.close()
            shutil.copyfile(recording.path, args.out)
        print(f"recorded: {args.out} ({recording.seconds:.1f} s, {recording.size} bytes)")
    return 0


if __name__ == "__main__":
    sys.exit(main())

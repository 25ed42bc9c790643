"""German and English text normalization for matching: folding, stop words, stems, compounds.

A mail writes "Förderhöhe", "Foerderhoehe" or "förderhöhe?"; the catalogue may say "Höhe der
Förderung". Matching works on stems of folded tokens: lower case, umlauts and ß folded to
ae/oe/ue/ss, accents dropped, then the Snowball stemmer of the text's language. German compounds
are also split into known parts ("Förderhöchstbetrag" → "foerder", "hoechstbetrag"), so a mail
can use a compound the catalogue only has as separate words, and vice versa.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

import snowballstemmer

_FOLD = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss", "ẞ": "ss"})
_TOKEN = re.compile(r"[a-z0-9]+")
_STEMMERS = {"de": snowballstemmer.stemmer("german"), "en": snowballstemmer.stemmer("english")}
# No word is longer than this (the longest German compounds have about 70 letters). A longer
# token — a hash, base64, a key held down — is left as it is: the Snowball stemmer's time grows
# with the square of a token's length (a 1 MB token took minutes).
MAX_WORD = 100

STOPWORDS = frozenset("""
aber alle allem allen aller alles als also am an andere anderen anderer anderes auch auf aus bei
beim bin bis bitte bzw da dabei dadurch dafuer daher damit dann daran darauf daraus darf darueber
das dass dazu dein deine dem den denen der deren des dessen dich die dies diese diesem diesen
dieser dieses dir doch dort du durch ein eine einem einen einer eines einige einigen einiges er
es etwa etwas euch euer eure fuer gegen hab habe haben hat hatte hatten hier hin hinter ich ihm
ihn ihnen ihr ihre ihrem ihren ihrer ihres im in ins ist ja jede jedem jeden jeder jedes jetzt
kann koennen koennte koennten man manche mich mir mit muss muessen noch nun nur ob oder ohne
schon sehr sein seine seinem seinen seiner sich sie sind so solche soll sollen sollte sondern
sonst ueber um und uns unser unsere unserem unseren unserer unter  vom von vor war waere
waren warum was weil welche welchem welchen welcher welches wenn wer werde werden wie wieder wir
wird wo wollen wollte wuerde wuerden zu zum zur zwar gibt gerne gern mal eigentlich denn genau
the a an and or of to in on at for with by from as is are was were be been being it its this
that these those we our us you your i me my he she they them their there here what which who
whom how when where why whether if can could would should will shall may might must do does did
have has had not no so also just about into than then please any some such very
yet
sehr geehrte geehrter damen herren hallo liebe lieber dear sir madam thanks thank danke dank
vielen herzlichen

frage fragen anfrage question questions inquiry enquiry
""".split())


def fold(text: str) -> str:
    """Lower case, umlauts and ß as ae/oe/ue/ss, other accents removed."""
    text = text.lower().translate(_FOLD)
    if text.isascii():
        return text
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")


def tokens(text: str) -> list[str]:
    return _TOKEN.findall(fold(text))


def stem(token: str, language: str) -> str:
    """The Snowball stem of a folded token; a token longer than ``MAX_WORD`` unchanged (and
    not cached, so that the cache stays small)."""
    if len(token) > MAX_WORD:
        return token
    return _stem(token, language)


@lru_cache(maxsize=65536)
def _stem(token: str, language: str) -> str:
    return str(_STEMMERS.get(language, _STEMMERS["de"]).stemWord(token))


def content_tokens(text: str) -> list[str]:
    """Folded tokens without stop words and bare numbers."""
    return [t for t in tokens(text) if t not in STOPWORDS and not t.isdigit() and len(t) > 1]

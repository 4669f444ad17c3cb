"""Korean particles chosen by the word they follow, and a checker for wrong pairs.

A particle such as 이/가, 을/를 or 이에요/예요 depends on whether the last syllable of the
word before it ends in a consonant (받침); 으로/로 also treats a final ㄹ as a vowel. Every
place that joins a word and a particle goes through :func:`josa`, or through
:data:`formatter`, whose format specs name the particle: ``"{card:이/가} 나왔어요"``.

:func:`particle_errors` scans composed text for pairs that do not fit (``판단예요``,
``자유이에요``, ``소드 3를``) and is what the reading-quality test runs.
"""

import functools
import re
import string

_HANGUL_FIRST, _HANGUL_LAST = 0xAC00, 0xD7A3
# Marks that may follow a word without changing how it is read: brackets, quotes, dots.
_TRAILING = " \t\n]}>\"'’”」』》〉」…·.,!?~"
_BRACKETS = {")": "(", "）": "（"}
# Sino-Korean readings of a last digit: 영 일 이 삼 사 오 육 칠 팔 구.
_DIGIT_FINAL = {"0": "ㅇ", "1": "ㄹ", "2": "", "3": "ㅁ", "4": "", "5": "",
                "6": "ㄱ", "7": "ㄹ", "8": "ㄹ", "9": ""}
# Letters read one by one (an acronym such as "PC" or "ATM"): 엘, 엠, 엔, 알 end in a consonant.
_LETTER_FINAL = {"L": "ㄹ", "M": "ㅁ", "N": "ㄴ", "R": "ㄹ"}
# A lowercase English word, by how its end is usually written in Hangul (a heuristic):
# m, n, ng and l close a syllable (팀, 폰, 링, 필); k, p and t do after a vowel (북, 컵, 캣)
# but not after a consonant (밀크, 헬프, 테스트).
_WORD_ENDINGS = (("ng", "ㅇ"), ("ck", "ㄱ"), ("m", "ㅁ"), ("n", "ㄴ"), ("l", "ㄹ"))
_STOP_ENDINGS = {"k": "ㄱ", "p": "ㅂ", "t": "ㅅ"}


def final_consonant(word):
    """The last syllable's final consonant: "" for none, a jamo such as "ㄴ" or "ㄹ",
    or None when the word gives no clue (empty, emoji, Chinese characters …).

    Quotes and brackets after the word are skipped ("“탑”이"); a note in brackets after a
    word is too, as Korean particles follow the word outside the note ("컵 2(역방향)가").
    """
    text = _spoken_end(str(word))
    if not text:
        return None
    last = text[-1]
    code = ord(last)
    if _HANGUL_FIRST <= code <= _HANGUL_LAST:
        index = (code - _HANGUL_FIRST) % 28
        return "" if index == 0 else "ㄱㄲㄳㄴㄵㄶㄷㄹㄺㄻㄼㄽㄾㄿㅀㅁㅂㅄㅅㅆㅇㅈㅊㅋㅌㅍㅎ"[index - 1]
    if last.isdigit() and last.isascii():
        # 10, 100, 1000, 10000 … are read 십, 백, 천, 만: all end in a consonant.
        return _DIGIT_FINAL[last] if last != "0" or len(text) == 1 else "ㅂ"
    if last.isascii() and last.isalpha():
        return _latin_final(re.search(r"[A-Za-z]+$", text).group(0))
    return None


def _spoken_end(text):
    text = text.rstrip(_TRAILING)
    while text[-1:] in _BRACKETS:
        opening = text.rfind(_BRACKETS[text[-1]])
        before = text[:opening].rstrip(_TRAILING) if opening > 0 else ""
        text = before or text[opening + 1:-1].rstrip(_TRAILING)
    return text


def _latin_final(word):
    if word.isupper():
        return _LETTER_FINAL.get(word[-1], "")
    lower = word.lower()
    for ending, jamo in _WORD_ENDINGS:
        if lower.endswith(ending):
            return jamo
    if lower[-1] in _STOP_ENDINGS and len(lower) > 1 and lower[-2] in "aeiou":
        return _STOP_ENDINGS[lower[-1]]
    return ""


def _split_spec(spec):
    """(after a consonant, after a vowel, is_euro) for "을/를", "(이)라", "(으)로"."""
    if "/" in spec:
        with_final, without_final = spec.split("/", 1)
    else:
        match = re.fullmatch(r"\((.+?)\)(.*)", spec)
        if not match:
            raise ValueError(f"not a particle spec: {spec!r}")
        with_final, without_final = match.group(1) + match.group(2), match.group(2)
    return with_final, without_final, with_final.startswith("으")


def particle(word, spec):
    """The particle of ``spec`` that fits ``word``: particle("판단", "이에요/예요") == "이에요".

    ``spec`` is "after-consonant/after-vowel" (이/가, 은/는, 을/를, 과/와, 이에요/예요) or a
    part in brackets that only a consonant keeps ((이)라, (이)나, (으)로). 으로 follows ㄹ as
    it follows a vowel (서울로). When the word gives no clue, both are shown: 을(를).
    """
    with_final, without_final, euro = _split_spec(spec)
    final = final_consonant(word)
    if final is None:
        return f"{with_final}({without_final})" if "/" in spec else spec
    if not final or (euro and final == "ㄹ"):
        return without_final
    return with_final


def josa(word, spec):
    """``word`` followed by the particle of ``spec`` that fits it: josa("컵 3", "을/를") == "컵 3을"."""
    return f"{word}{particle(word, spec)}"


class _ParticleFormatter(string.Formatter):
    """str.format where a spec made of Hangul names a particle: "{name:이/가}".

    It also knows the conversion "!c": the value with its first letter in capitals, for a
    field that starts an English sentence ("{card!c} is here" → "The Hermit is here",
    "“healing” and …" → "“Healing” and …").
    """

    def convert_field(self, value, conversion):
        if conversion == "c":  # the first letter, after any opening quote
            return re.sub(r"^(\W*)(\w)", lambda m: m.group(1) + m.group(2).upper(), str(value), count=1)
        return super().convert_field(value, conversion)

    def format_field(self, value, format_spec):
        if format_spec and re.search(r"[가-힣]", format_spec):
            return josa(value, format_spec)
        return super().format_field(value, format_spec)


formatter = _ParticleFormatter()


# ---- the checker ----------------------------------------------------------------------------

# (after a consonant, after a vowel) pairs the checker knows.
PAIRS = (
    ("이에요", "예요"), ("이었", "였"), ("이라고", "라고"), ("이라는", "라는"), ("이라면", "라면"),
    ("이라", "라"), ("이나", "나"), ("이랑", "랑"), ("이지만", "지만"), ("이고", "고"),
    ("으로", "로"), ("이", "가"), ("은", "는"), ("을", "를"), ("과", "와"),
)
# After a vowel these keep their 이 in careful writing (바보이고, 바보이지만, 바보이었다), so
# only the short form after a consonant is wrong.
_LOOSE = {"이었", "이지만", "이고"}
# Particles too short to tell from a verb after a known word (끝나다, 바닥나다 …): the checker
# does not look for them after the words it is given.
_AMBIGUOUS = {"나", "이나", "고", "이고"}
_BOUNDARY = r"(?=$|[\s.,!?…:;)\]’”'\"」』》〉~])"
# Junctions that are wrong whatever the word: a syllable with a final consonant before 예요
# or 를, or one without before 이에요 (Korean has no word that ends in those sounds).
_ANY_WORD = re.compile(r"([가-힣])(예요|를|이에요)" + _BOUNDARY)


def _fits(word, used):
    for with_final, without_final in PAIRS:
        if used in (with_final, without_final):
            spec = "(으)로" if with_final == "으로" else f"{with_final}/{without_final}"
            expected = particle(word, spec)
            if used == with_final and with_final in _LOOSE:
                return True
            return expected == used or "(" in expected
    return True


@functools.lru_cache(maxsize=8)
def _words_pattern(words):
    particles = "|".join(sorted({p for pair in PAIRS for p in pair} - _AMBIGUOUS, key=len, reverse=True))
    names = "|".join(re.escape(word) for word in sorted(words, key=len, reverse=True))
    return re.compile(rf"(?<![가-힣])({names})({particles}){_BOUNDARY}")


def particle_errors(text, words=()):
    """Wrong word-particle pairs in ``text``, as the snippets found ("판단예요").

    Every Hangul syllable is checked before 예요, 이에요 and 를. Each of ``words`` (card names,
    keywords, topic labels …) is also checked wherever a known particle follows it.
    """
    errors = [m.group(0) for m in _ANY_WORD.finditer(text) if not _fits(m.group(1), m.group(2))]
    words = tuple(sorted({w for w in words if w}))
    if words:
        for match in _words_pattern(words).finditer(text):
            if not _fits(match.group(1), match.group(2)):
                errors.append(match.group(0))
    return errors

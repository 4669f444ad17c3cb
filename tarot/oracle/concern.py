"""What a written concern asks: the kind of question, its subject, and whether it is about
another person. A small, honest reader of Korean and English, not a language model: it looks
for the words people use, and when it finds none it says so (kind "open", no subject).
"""

import re
from dataclasses import dataclass

from ..topics import DECK_TOPIC

KINDS = ("yes_no", "when", "how", "what", "open", "none")


@dataclass(frozen=True)
class Subject:
    """A subject a concern can be about: the words that show it, and the deck topic whose
    meanings fit it (None when no one area does)."""

    key: str
    area: str | None
    ko: str  # a pattern over Korean text
    en: str  # a pattern over English text


# In priority order: an act the person asks about (getting in touch, quitting) comes before
# the wider ground it stands on (a break-up, a relationship).
SUBJECTS = (
    Subject("contact", "love", r"연락|문자|카톡|톡을|톡 |전화|답장|메시지|디엠|DM",
            r"\b(text|texting|call|message|reach out|get in touch|contact|reply|dm|talk again|hear from)\b"),
    Subject("confession", "love", r"고백|마음을 전|좋아한다고 말|사귀자고",
            r"\b(confess|ask (him|her|them) out|tell (him|her|them) how i feel)\b"),
    Subject("reunion", "love", r"재회|다시 만나|돌아올|돌아와|다시 시작|헤어진|헤어졌|이별|전 ?애인|전남친|전여친",
            r"\b(get back together|reunite|my ex|broke up|break ?up|come back)\b"),
    Subject("feelings", "love", r"속마음|마음이 궁금|나를 좋아|날 좋아|좋아할까|사랑할까|좋아하는지|미련",
            r"\b(love me|like me|miss me|feel about me|think of me|his feelings|her feelings|their feelings)\b"),
    Subject("job_change", "work", r"이직|퇴사|그만두|그만둬|회사를 옮|직장을 옮|창업|사업",
            r"\b(quit|change jobs?|new job|resign|leave my job|my own business|switch careers?|job offer)\b"),
    Subject("job_search", "work", r"취업|취직|면접|입사|구직",
            r"\b(job hunt|interview|get the job|get hired|apply for|job search)\b"),
    Subject("exam", "study", r"시험|수능|자격증|합격|성적|입시|편입|대학원|공부",
            r"\b(exams?|test|pass|grades?|university|college|studies|study)\b"),
    Subject("money", "money", r"투자|주식|코인|대출|저축|부동산|재테크|월급|빚|돈",
            r"\b(invest\w*|stocks?|crypto|money|loan|debt|savings?|salary|mortgage)\b"),
    Subject("health", "health", r"건강|병원|수술|아프|아파|다이어트|운동|수면|불면|잠을|잠이|스트레스|몸이|몸을",
            r"\b(health|doctor|surgery|sick|ill|diet|sleep|exercise|stress|pain)\b"),
    Subject("career", "work", r"회사|직장|업무|상사|팀장|승진|커리어|일이 |일을 |일에",
            r"\b(work|job|career|office|boss|promotion|colleagues?)\b"),
    Subject("move", None, r"이사|이민|유학", r"\b(move|moving|relocat\w+|emigrat\w+)\b"),
    Subject("relationship", "love",
            r"연애|사귀|썸|결혼|애인|남자 ?친구|여자 ?친구|남친|여친|짝사랑|인연|소개팅|만남|관계",
            r"\b(relationship|dating|date|boyfriend|girlfriend|partner|marr\w+|crush|love|meet someone)\b"),
    Subject("friendship", None, r"친구|우정", r"\b(friends?|friendship)\b"),
    Subject("family", None, r"가족|부모|엄마|아빠|형제|자매|남편|아내",
            r"\b(family|mother|father|mom|mum|dad|parents?|sister|brother|husband|wife)\b"),
)
SUBJECT_KEYS = tuple(subject.key for subject in SUBJECTS)

_OTHER = {
    "ko": r"그 ?사람|그분|그 ?애|걔|상대|남친|여친|남자 ?친구|여자 ?친구|애인|전남친|전여친|썸남|썸녀|"
          r"짝사랑|그녀|그가|그는|그를|그에게|부모님|엄마|아빠|친구|동료|상사|팀장|남편|아내",
    "en": r"\b(he|she|him|her|his|my ex|partner|boyfriend|girlfriend|husband|wife|crush|friend|boss|"
          r"mom|mum|dad|parents|this person|that person|someone)\b",
}
# Asking what the other person feels or thinks ("그 사람 마음이 궁금해요", "Does he miss me?").
_THEIR_MIND = {
    "ko": r"(?<!내 )(?<!제 )(?<!나의 )(속마음|마음이|마음은|마음을|마음도)|생각할까|생각하는지|"
          r"좋아할까|좋아하는지|사랑할까|사랑하는지|관심이 있|미련이|그리워할",
    "en": r"\b(does|do|will|would|is|are|did)\s+(he|she|they|my \w+)\s+(still\s+)?"
          r"(feel|think|like|love|miss|want|care)|\b(his|her|their) (feelings|heart|mind)\b|"
          r"\bhow (he|she|they) feels?\b",
}
_KIND_PATTERNS = {
    "ko": (
        ("when", r"언제|몇 ?월|몇 ?년|시기|타이밍|얼마나 (걸|기다)|며칠"),
        ("how", r"어떻게|어떡|방법"),
        ("what", r"무엇|뭘|뭐가|뭐를|무슨|어떤|어느|뭐"),
        ("open", r"왜"),
        ("yes_no", r"(까요|까|나요|는지요|는지|인가요|일까|어때요|되나|돼요|돼\?|해도 돼|맞나|맞죠|죠\?)\s*[?？.!]*\s*$|[?？]\s*$"),
    ),
    "en": (
        ("when", r"\b(when|how long|how soon|what time)\b"),
        ("how", r"\bhow\b"),
        ("what", r"\b(what|which)\b"),
        ("open", r"\bwhy\b"),
        ("yes_no", r"^\s*(should|will|can|could|would|is|are|am|do|does|did|was|were|may|might|"
                   r"have|has|shall)\b|\?\s*$"),
    ),
}


@dataclass(frozen=True)
class Concern:
    """What the concern asks. ``kind`` is one of KINDS; ``subject`` a SUBJECTS key or None."""

    text: str
    kind: str
    subject: str | None
    subjects: tuple
    about_other: bool
    their_mind: bool

    @property
    def area(self):
        """The deck topic this concern is about, when its subject names one."""
        return next((s.area for s in SUBJECTS if s.key == self.subject), None)


def _language(text):
    return "ko" if re.search(r"[가-힣]", text) else "en"


def analyse(text):
    """Read a concern in Korean or English (by its script) into a :class:`Concern`."""
    text = " ".join((text or "").split())
    if not text:
        return Concern("", "none", None, (), False, False)
    lang = _language(text)
    flags = re.IGNORECASE if lang == "en" else 0
    found = tuple(s.key for s in SUBJECTS if re.search(getattr(s, lang), text, flags))
    kind = next((k for k, pattern in _KIND_PATTERNS[lang] if re.search(pattern, text, flags)), "open")
    about_other = bool(re.search(_OTHER[lang], text, flags))
    their_mind = about_other and bool(re.search(_THEIR_MIND[lang], text, flags))
    return Concern(text, kind, found[0] if found else None, found, about_other, their_mind)


def reading_area(topic, concern):
    """The deck topic whose meanings a reading uses.

    A topic about one area (애정운 → love) uses that area. The general topics, 신년운 and
    오늘의 운세, are about life as a whole: when the concern names an area ("올해 이직해도
    될까요?" → work) that area's meanings answer it best; otherwise there is none, and the
    card is read by its place and orientation alone, since one area picked at random would
    narrow a general question to it.
    """
    return DECK_TOPIC.get(topic) or concern.area

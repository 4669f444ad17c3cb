"""The offline interpreter: a complete six-part reading composed from the deck's own text.

Used when no Gemini key is set. Sentences are drawn from small pools by a seed taken from
the reading, so the same reading always reads the same, and different readings vary.
"""

import random
import re

from ..topics import DECK_TOPIC, topic_label
from .prompt import TOPIC_NAMES_EN
from .sections import format_answer

GENERAL_TOPIC_FALLBACK = "work"


def _has_final_consonant(word):
    last = word.strip()[-1:] if word.strip() else ""
    if not last:
        return False
    code = ord(last) - 0xAC00
    if 0 <= code < 11172:
        return code % 28 != 0
    return last.isdigit() and last in "013678"


def josa(word, with_final, without_final):
    """Pick the Korean particle that fits the word's last syllable (을/를, 이/가, 은/는…)."""
    return word + (with_final if _has_final_consonant(word) else without_final)


def _first_sentence(paragraph):
    match = re.match(r"(.+?[.!?])(\s|$)", paragraph.strip())
    return match.group(1) if match else paragraph.strip()


def future_lean(future):
    """The Future card's yes/no lean; reversed, it leans one step further towards no."""
    lean = future.card.yes_no()
    if future.reversed:
        lean = {"yes": "maybe", "maybe": "no"}.get(lean, lean)
    return lean


class _Writer:
    """Composes one reading; ``pick`` chooses among phrasings with the reading's seed."""

    def __init__(self, request):
        self.request = request
        self.random = random.Random(request.seed)
        self.lang = "en" if request.lang == "en" else "ko"
        self.deck_topic = DECK_TOPIC.get(request.topic)

    def pick(self, options):
        return self.random.choice(options)

    def meaning(self, spread_card):
        card, rev = spread_card.card, spread_card.reversed
        topic = self.deck_topic
        if topic:
            return card.topic_meaning(topic, self.lang, rev)
        if rev:
            return card.topic_meaning(GENERAL_TOPIC_FALLBACK, self.lang, True)
        return _first_sentence(card.t(self.lang)["explanation"][0])


class _Korean(_Writer):
    POSITION_OPEN = {
        "past": (
            "지나온 시간을 비추는 과거 자리에는 {name}{orient} 놓였어요.",
            "먼저 과거 자리부터 볼게요. {name}{orient} 나왔네요.",
            "이 고민의 뿌리를 보여 주는 과거 자리에는 {name}{orient} 자리 잡았어요.",
        ),
        "present": (
            "지금 이 순간을 보여 주는 현재 자리에는 {name}{orient} 나왔어요.",
            "현재 자리의 카드는 {name}, {orient_plain}이에요.",
            "요즘의 {nick}님을 비추는 현재 자리에는 {name}{orient} 놓였네요.",
        ),
        "future": (
            "앞으로의 흐름을 보여 주는 미래 자리에는 {name}{orient} 나왔어요.",
            "미래 자리에는 {name}{orient} 찾아왔어요.",
            "이대로 걸어갈 때 만날 풍경, 미래 자리의 카드는 {name}, {orient_plain}이에요.",
        ),
    }
    KEYWORDS = (
        "이 카드에는 {k}의 기운이 담겨 있어요.",
        "{k}. 이 카드가 품고 있는 말들이에요.",
        "카드가 건네는 열쇠말은 {k}예요.",
    )
    POSITION_CLOSE = {
        "past": (
            "지금의 고민은 어쩌면 이 시간에서부터 천천히 자라 왔는지도 몰라요.",
            "그때의 경험이 지금 {nick}님의 선택에 조용히 영향을 주고 있어요.",
            "지나간 일이지만, 그 흔적을 알아차리는 것만으로도 마음이 한결 가벼워질 거예요.",
        ),
        "present": (
            "지금은 이 흐름 한가운데에 서 있는 시기예요.",
            "스스로를 너무 다그치지 말고, 지금의 상태를 있는 그대로 인정해 주세요.",
            "오늘의 마음이 어떤지 한 번 차분히 들여다보면 좋겠어요.",
        ),
        "future": (
            "정해진 결말이라기보다, 지금의 흐름이 이어질 때 만날 수 있는 가능성이에요.",
            "미래는 오늘의 선택에 따라 얼마든지 달라질 수 있다는 것도 잊지 마세요.",
            "조급해하지 않아도 괜찮아요. 흐름은 이미 움직이기 시작했어요.",
        ),
    }

    def _card_bits(self, sc):
        name = sc.card.name("ko")
        orient_plain = "역방향" if sc.reversed else "정방향"
        subject = josa(name, "이", "가")[len(name):]
        return name, orient_plain, f"{subject} {orient_plain}으로"

    def position(self, sc):
        name, orient_plain, orient = self._card_bits(sc)
        nick = self.request.nickname
        words = list(sc.card.keywords("ko", sc.reversed))[:3]
        opening = self.pick(self.POSITION_OPEN[sc.position]).format(
            name=name, orient=orient, orient_plain=orient_plain, nick=nick
        )
        keywords = self.pick(self.KEYWORDS).format(k=", ".join(words))
        close = self.pick(self.POSITION_CLOSE[sc.position]).format(nick=nick)
        return " ".join((opening, keywords, self.meaning(sc), close))

    def greeting(self):
        nick, topic = self.request.nickname, topic_label(self.request.topic)
        hello = self.pick((
            f"{nick}님, 어서 오세요. 따뜻한 밀크티 한 잔 내려 두었어요.",
            f"{nick}님, 반가워요. 잠깐 숨 고르고 차 한 모금 하면서 시작해요.",
            f"어서 오세요, {nick}님. 오늘도 마음속 이야기를 들고 와 주셨네요.",
        ))
        about = f"오늘은 {josa(topic, '을', '를')} 함께 살펴볼게요."
        if self.request.concern:
            concern = self.request.concern.strip().replace("\n", " ")
            if len(concern) > 80:
                concern = concern[:80].rstrip() + "…"
            worry = self.pick((
                f"“{concern}” 하고 적어 주셨죠. 그 마음을 안고 뽑은 다섯 장을 차근차근 읽어 볼게요.",
                f"적어 주신 고민, “{concern}”. 쉽게 꺼내기 어려운 이야기였을 텐데 고마워요. 카드와 함께 천천히 풀어 볼게요.",
            ))
        else:
            worry = "따로 적은 고민은 없으니, 지금 흐르고 있는 기운을 넓게 둘러볼게요."
        return " ".join((hello, about, worry))

    def advice(self, first, second):
        n1, o1, _ = self._card_bits(first)
        n2, o2, _ = self._card_bits(second)
        a1 = first.card.advice("ko", first.reversed)
        a2 = second.card.advice("ko", second.reversed)
        return " ".join((
            f"첫 번째 조언 카드는 {n1}, {o1}이에요. {a1}",
            self.meaning(first),
            f"두 번째 조언 카드 {josa(n2, '은', '는')} {o2}으로 나와 이렇게 덧붙여요. {a2}",
            self.pick((
                "두 장을 함께 놓고 보면, 거창한 결심보다 오늘 할 수 있는 작은 한 걸음이 중요해 보여요.",
                "두 카드 모두 결국 스스로를 믿어 보라고 말하고 있어요. 이번 주 안에 하나만 실천해 보세요.",
                "두 조언을 하나로 엮자면, 마음의 속도와 행동의 속도를 맞춰 보라는 이야기예요.",
            )),
        ))

    def conclusion(self, cards):
        reversed_count = sum(1 for c in cards if c.reversed)
        majors = sum(1 for c in cards if c.card.is_major)
        parts = []
        if reversed_count == 0:
            parts.append("다섯 장이 모두 정방향으로 나왔어요. 흐름이 비교적 순하게 열려 있다는 뜻이에요.")
        elif reversed_count <= 2:
            parts.append(f"다섯 장 가운데 {reversed_count}장이 역방향이에요. 멈추라는 뜻이라기보다, 속도를 조금 늦추고 살펴보라는 신호에 가까워요.")
        else:
            parts.append(f"역방향 카드가 {reversed_count}장이나 나왔어요. 지금은 밖으로 뻗기보다 안으로 힘을 모으는 시기예요.")
        if majors >= 3:
            parts.append(f"메이저 아르카나가 {majors}장 나온 것도 눈에 띄어요. 삶의 큰 흐름이 움직이고 있는 때라는 뜻이에요.")
        parts.append({
            "yes": "고민에 대한 답을 한마디로 하자면, 카드는 ‘그래도 괜찮다’ 쪽으로 기울어 있어요.",
            "maybe": "고민에 대한 답은 아직 정해지지 않았어요. 지금부터의 선택이 방향을 정할 거예요.",
            "no": "고민에 대한 답은 ‘지금 이대로는 조금 어렵다’에 가까워요. 그렇다고 길이 막힌 건 아니에요. 방법을 바꿔 보라는 뜻이에요.",
        }[future_lean(cards[2])])
        parts.append(self.pick((
            f"{self.request.nickname}님의 걱정이 찻잔의 온기처럼 조금은 누그러졌기를 바라요. 언제든 다시 들러 주세요.",
            "카드는 방향을 비춰 줄 뿐, 걸어가는 건 언제나 당신이에요. 오늘 하루도 다정하게 보내세요.",
            "마음이 복잡할 땐 또 차 한 잔 하러 오세요. 타로밀크티는 늘 여기 있을게요.",
        )))
        return " ".join(parts)


class _English(_Writer):
    POSITION_OPEN = {
        "past": (
            "In the Past position, the one that lights up the road behind you, lies {name}, {orient}.",
            "Let's begin with the past. You drew {name}, {orient}.",
            "The root of this worry shows in the Past position: {name}, {orient}.",
        ),
        "present": (
            "In the Present position, showing this very moment, is {name}, {orient}.",
            "Your Present card is {name}, {orient}.",
            "Reflecting you as you are these days, the Present position holds {name}, {orient}.",
        ),
        "future": (
            "In the Future position, where the current flows on ahead, is {name}, {orient}.",
            "{name} has come to the Future position, {orient}.",
            "The view ahead if you keep walking this way: the Future card is {name}, {orient}.",
        ),
    }
    KEYWORDS = (
        "This card carries the energy of {k}.",
        "{k}: these are the words this card holds.",
        "The keys it offers you are {k}.",
    )
    POSITION_CLOSE = {
        "past": (
            "Perhaps today's worry has been quietly growing since that time.",
            "What you lived through then still gently shapes your choices now, {nick}.",
            "It's behind you, but simply noticing its traces can make your heart a little lighter.",
        ),
        "present": (
            "Right now you're standing in the middle of this current.",
            "Don't be too hard on yourself; let where you are be just as it is.",
            "It may help to take a calm, quiet look at how your heart feels today.",
        ),
        "future": (
            "Rather than a fixed ending, this is a possibility that opens if things keep flowing this way.",
            "Remember that the future can change with the choices you make today.",
            "There's no need to rush. Things have already begun to move.",
        ),
    }

    def _orientation(self, sc):
        return "reversed" if sc.reversed else "upright"

    def position(self, sc):
        name = sc.card.name("en")
        nick = self.request.nickname
        words = list(sc.card.keywords("en", sc.reversed))[:3]
        opening = self.pick(self.POSITION_OPEN[sc.position]).format(
            name=name, orient=self._orientation(sc)
        )
        keywords = self.pick(self.KEYWORDS).format(k=", ".join(words))
        keywords = keywords[:1].upper() + keywords[1:]  # "{k}: …" starts with a keyword
        close = self.pick(self.POSITION_CLOSE[sc.position]).format(nick=nick)
        return " ".join((opening, keywords, self.meaning(sc), close))

    def greeting(self):
        nick = self.request.nickname
        topic = TOPIC_NAMES_EN.get(self.request.topic, self.request.topic)
        hello = self.pick((
            f"Welcome, {nick}. I've poured you a warm cup of milk tea.",
            f"Lovely to see you, {nick}. Let's take a breath and a sip of tea before we begin.",
            f"Come on in, {nick}. You've brought what's on your mind with you again today.",
        ))
        about = f"Today we'll look at {topic} together."
        concern = self.request.concern.strip().replace("\n", " ")
        if concern:
            if len(concern) > 80:
                concern = concern[:80].rstrip() + "…"
            worry = self.pick((
                f"You wrote: “{concern}”. Let's read the five cards you drew with that in mind, one by one.",
                f"Your worry, “{concern}”, can't have been easy to share. Thank you. Let's unfold it slowly with the cards.",
            ))
        else:
            worry = "You didn't write a particular worry, so let's look broadly at the energy flowing around you now."
        return " ".join((hello, about, worry))

    def advice(self, first, second):
        return " ".join((
            f"Your first advice card is {first.card.name('en')}, {self._orientation(first)}. "
            f"{first.card.advice('en', first.reversed)}",
            self.meaning(first),
            f"The second, {second.card.name('en')}, {self._orientation(second)}, adds this: "
            f"{second.card.advice('en', second.reversed)}",
            self.pick((
                "Laid side by side, they suggest that one small step you can take today matters more than a grand resolution.",
                "Both cards are asking you to trust yourself. Try putting just one of these into practice this week.",
                "Woven together, the two pieces of advice ask you to let your actions keep pace with your heart.",
            )),
        ))

    def conclusion(self, cards):
        reversed_count = sum(1 for c in cards if c.reversed)
        majors = sum(1 for c in cards if c.card.is_major)
        parts = []
        if reversed_count == 0:
            parts.append("All five cards came up upright: the way ahead looks fairly open.")
        elif reversed_count <= 2:
            parts.append(
                f"{reversed_count} of the five cards are reversed. That's less a sign to stop "
                "than a nudge to slow down and look a little closer."
            )
        else:
            parts.append(
                f"As many as {reversed_count} cards came up reversed. This is a time to gather "
                "your strength inward rather than reach outward."
            )
        if majors >= 3:
            parts.append(
                f"It's worth noticing that {majors} Major Arcana appeared: the larger currents "
                "of your life are on the move."
            )
        parts.append({
            "yes": "If I had to answer your worry in a word, the cards lean towards “it will be all right”.",
            "maybe": "The answer isn't settled yet. The choices you make from here will set the direction.",
            "no": "The answer is closer to “not easily, the way things are now”. That doesn't mean the road is closed; it's a sign to try a different way.",
        }[future_lean(cards[2])])
        parts.append(self.pick((
            f"I hope your worries have eased a little, like the warmth of a teacup in your hands, {self.request.nickname}. Drop by any time.",
            "The cards only light the way; the walking is always yours. Be gentle with yourself today.",
            "Whenever your heart feels tangled, come back for another cup. Tarot Milk Tea will always be here.",
        )))
        return " ".join(parts)


class OfflineInterpreter:
    """Composes a reading from the deck text, with no outside service."""

    name = "offline"
    model = "offline"

    def compose(self, request):
        """The six sections as a dict."""
        writer = (_English if request.lang == "en" else _Korean)(request)
        cards = list(request.cards)
        by_position = {c.position: c for c in cards}
        return {
            "greeting": writer.greeting(),
            "past": writer.position(by_position["past"]),
            "present": writer.position(by_position["present"]),
            "future": writer.position(by_position["future"]),
            "advice": writer.advice(by_position["advice1"], by_position["advice2"]),
            "conclusion": writer.conclusion(cards),
        }

    def stream(self, request):
        """Yield the composed reading sentence by sentence, in the marker format."""
        text = format_answer(self.compose(request))
        for piece in re.split(r"(?<=[.!?\n])", text):
            if piece:
                yield piece

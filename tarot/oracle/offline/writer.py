"""The one writer of offline readings. It decides what to say from the cards, their places and
the concern; the words come from the reading language's phrase table (phrases_ko, phrases_en).

Wordings are drawn from each slot's options by a random generator seeded from the reading,
so a reading always reads the same and different readings vary.
"""

import random
import re

from ...korean import formatter
from ...spreads import PLACE_LABELS
from ...suits import ELEMENT_LABELS, ELEMENT_REALMS, SUIT_ELEMENT, SUIT_LABELS
from ...topics import topic_phrase
from ..concern import analyse, reading_area
from . import shape
from .cardtext import reversed_sense

# A field at the start of a sentence, as in "{card} is here" or "… now. {card} is here".
_SENTENCE_START_FIELD = re.compile(r"(^|[.!?]\s+)\{(\w+)(?=[:}])")
# The places told as one story, in order; the others (advice1, advice2) are read together.
STORY = ("past", "present", "future")


def is_advice(spread_card):
    return spread_card.position.startswith("advice")


class Writer:
    """Writes the six sections of one reading with one language's phrase table."""

    def __init__(self, request, table):
        self.request, self.table, self.lang = request, table, table.LANG
        self.random = random.Random(request.seed)
        self.concern = analyse(request.concern)
        self.area = reading_area(request.topic, self.concern)
        self.cards = {c.position: c for c in request.cards}
        self.advice_cards = [c for c in request.cards if is_advice(c)]
        self.read_cards = [c for c in request.cards if not is_advice(c)]
        noun, question = table.SUBJECTS.get(self.concern.subject, table.SUBJECTS[None])
        self.common = {
            "nick": request.nickname, "topic": topic_phrase(request.topic),
            "area": topic_phrase(self.area) if self.area else "", "subject": noun, "q": question,
        }

    # ---- words ---------------------------------------------------------------------------

    def say(self, key, **fields):
        """One of the slot's wordings, filled in; English sentences start with a capital."""
        template = self.random.choice(self.table.PHRASES[key])
        if self.lang == "en":
            template = _SENTENCE_START_FIELD.sub(r"\1{\2!c", template)
        return formatter.format(template, **{**self.common, **fields})

    def name(self, spread_card):
        """The card's name as it stands inside a sentence ("the Hermit", "은둔자")."""
        return self.table.in_sentence(spread_card.card.name(self.lang))

    def ref(self, spread_card, oriented=True, placed=True):
        """The card with its orientation and place: "과거의 역방향 소드 3", "the reversed Hermit
        in the Present"; without the place: "역방향 소드 3", "the reversed Hermit"."""
        name = spread_card.card.name(self.lang)
        template = (self.table.REF if placed else self.table.NAMED)[spread_card.reversed and oriented]
        where = self.table.where(spread_card.position, str(PLACE_LABELS[spread_card.position]))
        return formatter.format(template, where=where, name=self.table.in_sentence(name),
                                article=self.table.article(name), bare=self.table.bare(name))

    def join(self, items):
        """"A, B와 C" / "A, B and C"."""
        items = list(items)
        if len(items) <= 1:
            return "".join(items)
        return formatter.format(self.table.AND, a=", ".join(items[:-1]), b=items[-1])

    def card_fields(self, spread_card):
        card, reversed_ = spread_card.card, spread_card.reversed
        words = card.keywords(self.lang, reversed_)
        return {
            "card": self.name(spread_card), "bare": self.table.bare(card.name(self.lang)),
            "side": self.table.SIDE[reversed_],
            "kws": self.table.keyword_list(words[:2]), "qkw": self.table.QUOTE.format(words[0]),
        }

    # ---- sections ------------------------------------------------------------------------

    def greeting(self):
        kind = self.concern.kind
        concern = self.concern.text if len(self.concern.text) <= 80 else self.concern.text[:80].rstrip() + "…"
        parts = [self.say("hello"), self.say(f"ask.{kind}", concern=concern)]
        if self.concern.their_mind:
            parts.append(self.say("their_mind"))
        if all(place in self.cards for place in STORY):
            parts.append(self.say("roadmap", **{place: self.name(self.cards[place]) for place in STORY}))
        return " ".join(parts)

    def place(self, position):
        """The section of one place (past, present, future): its card read as that place."""
        spread_card = self.cards[position]
        fields = self.card_fields(spread_card)
        parts = [self.say(f"open.{position}", **fields)]
        if spread_card.reversed:
            parts.append(reversed_sense(spread_card.card, self.lang))
        else:
            parts.append(spread_card.card.place_text(position, self.lang))
        parts.append(self.say(f"kw.{position}", **fields))
        if self.area and position != "past":
            parts.append(self.say(f"topic.{position}", card=fields["card"]))
            parts.append(spread_card.card.topic_meaning(self.area, self.lang, spread_card.reversed))
        parts += self.links(position)
        return " ".join(parts)

    def links(self, position):
        """The lines that tie a place to the concern (the first place) and to the place before
        it; the third place of a past-present-future story closes the story."""
        order = self.read_cards
        index = next(i for i, c in enumerate(order) if c.position == position)
        names = {c.position: self.name(c) for c in order}
        if index == 0:
            return [self.say("root" if self.concern.subject else "root.none", card=names[position])]
        if index == 2 and [c.position for c in order[:3]] == list(STORY):
            arc = shape.story(*order[:3])
            return [self.say(f"link.{position}.{arc}", **names), self.say("possibility", card=names[position])]
        return [self.say(f"link.{position}.{shape.step(order[index - 1], order[index])}", **names)]

    def advice(self):
        """The advice cards, each in its own words, then the line that joins a pair."""
        parts = []
        for spread_card in self.advice_cards:
            parts.append(self.say(f"open.{spread_card.position}", **self.card_fields(spread_card)))
            if spread_card.reversed:
                parts.append(spread_card.card.advice(self.lang, True))
            else:
                parts.append(spread_card.card.place_text("advice", self.lang))
        if len(self.advice_cards) == 2:
            first, second = self.advice_cards
            parts.append(self.say(f"join.{shape.advice_pair(first, second)}", **self.pair_fields(first, second)))
        future = self.cards.get("future")
        if future and shape.answer(future) == "no":
            parts.append(self.say("fix", future=self.name(future)))
        return " ".join(parts)

    def pair_fields(self, first, second):
        """Names for the joining line: each card by what it does in the pair."""
        fields = {"a": self.name(first), "b": self.name(second)}
        for spread_card in (first, second):
            card = spread_card.card
            fields["down" if spread_card.reversed else "up"] = self.name(spread_card)
            fields["major" if card.is_major else "minor"] = self.name(spread_card)
            fields[shape.ELEMENT_MODE[card.element]] = self.name(spread_card)
        if first.card.suit:
            fields["suit"] = str(SUIT_LABELS[first.card.suit])
            fields["realm"] = str(ELEMENT_REALMS[SUIT_ELEMENT[first.card.suit]])
        return fields

    def conclusion(self):
        cards = list(self.request.cards)
        lean = shape.lean(cards)
        parts = self.answer(lean) + [self.why(lean), self.cluster(cards)]
        parts.append(self.say(
            f"reversed.{shape.reversed_count(cards)}",
            reversed_list=self.join(self.ref(c, oriented=False) for c in cards if c.reversed),
            upright_list=self.join(self.ref(c) for c in cards if not c.reversed),
        ))
        last = (self.advice_cards or list(self.request.cards))[-1]
        orientation = "reversed" if last.reversed else "upright"
        parts.append(self.say(f"closing.{orientation}", **self.card_fields(last)))
        return " ".join(parts)

    def answer(self, lean):
        """The answer to the concern: yes/no only when it asked one, never another's heart."""
        kind = self.concern.kind
        if self.concern.their_mind:
            return [self.say(f"answer.their_mind.{lean.answer}", future=self.ref(self.ahead(), placed=False))]
        if kind == "yes_no":  # the answer, then what to keep in mind whichever way they go
            return [self.say(f"answer.yes_no.{lean.answer}"), self.say("answer.yes_no.then", **self.advice_fields())]
        if kind in ("open", "none"):
            return [self.say(f"answer.{kind}.{lean.answer}")]
        if kind == "when":
            answer = self.say(f"answer.when.{shape.pace(list(self.request.cards))}")
        else:  # how, what: an advice card's own advice, and the present's and future's words
            fields = {f"{key}_kw": self.card_fields(self.cards[key])["qkw"] for key in ("present", "future")}
            answer = self.say(f"answer.{kind}", **fields, **self.advice_fields())
        return [answer, self.say(f"flow.{lean.answer}")]

    def advice_fields(self):
        """The first upright advice card (else the first) and what it says about the reading's
        area (else its own advice): words the advice section did not quote."""
        choices = self.advice_cards or list(self.request.cards)
        leading = next((c for c in choices if not c.reversed), choices[0])
        card, reversed_ = leading.card, leading.reversed
        if self.area:
            text = card.topic_meaning(self.area, self.lang, reversed_)
        else:
            text = card.advice(self.lang, reversed_)
        return {"advice_card": self.name(leading), "advice_text": text}

    def ahead(self):
        """The card that says where things go: the Future, else the last card read."""
        return self.cards.get("future") or self.read_cards[-1]

    def why(self, lean):
        """Which cards pull which way, by place and orientation."""
        pro = [self.ref(c) for c in lean.by_answer["yes"]]
        con = [self.ref(c) for c in lean.by_answer["no"]]
        if pro and con:
            key = "why.split"
        else:
            key = "why.pro" if pro else "why.con" if con else "why.open"
        future = self.ahead()
        return " ".join((
            self.say(key, pro=self.join(pro), con=self.join(con)),
            self.say(f"why.future.{shape.answer(future)}", future=self.ref(future, placed=False)),
        ))

    def cluster(self, cards):
        key, details = shape.cluster(cards)
        fields = {"count_word": self.table.COUNT.get(details.get("count"), "")}
        if key == "element":
            fields["element"] = str(ELEMENT_LABELS[details["element"]])
            fields["realm"] = str(ELEMENT_REALMS[details["element"]])
        if key == "suit_pair":
            fields["suit"] = str(SUIT_LABELS[details["suit"]])
            fields["realm"] = str(ELEMENT_REALMS[SUIT_ELEMENT[details["suit"]]])
            fields["pair_a"], fields["pair_b"] = (self.name(c) for c in details["cards"])
        return self.say(f"cluster.{key}", **fields)

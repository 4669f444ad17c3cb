"""English wordings of the offline reader: for each slot, several to choose from.

Fields in braces are filled by the writer (tarot/oracle/offline/writer.py), which also starts
every sentence with a capital letter.
"""

from .phrases_en_conclusion import CONCLUSION
from .phrases_en_spreads import SPREAD_PHRASES, WHERE

LANG = "en"
SIDE = {False: "upright", True: "reversed"}
REF = {False: "{name} {where}", True: "{article}reversed {bare} {where}"}
NAMED = {False: "{name}", True: "{article}reversed {bare}"}
AND = "{a} and {b}"
QUOTE = "“{}”"
COUNT = {1: "one", 2: "two", 3: "three", 4: "four", 5: "five"}

# A concern's subject: (the noun, the yes/no question about it as a clause).
SUBJECTS = {
    "contact": ("getting in touch", "whether to get in touch"),
    "confession": ("telling them how you feel", "whether to tell them how you feel"),
    "reunion": ("getting back together", "whether the two of you can find your way back"),
    "feelings": ("their feelings", "whether the two of you can grow closer"),
    "job_change": ("changing jobs", "whether to make the move to a new job"),
    "job_search": ("the job search", "whether the job you want is within reach"),
    "exam": ("the exam", "whether the exam will go the way you hope"),
    "money": ("money", "whether this choice is sound for your money"),
    "health": ("your health", "whether your body will find its ease again"),
    "career": ("work", "whether things at work will go well"),
    "move": ("the move", "whether to make the move"),
    "relationship": ("the relationship", "whether this relationship will grow"),
    "friendship": ("the friendship", "whether the friendship will mend"),
    "family": ("your family", "whether things at home will ease"),
    None: ("this question", "whether things will go the way you hope"),
}


def keyword_list(words):
    """Keywords inside a sentence: "“healing begins” and “forgiveness”"."""
    quoted = [QUOTE.format(word) for word in words]
    return quoted[0] if len(quoted) == 1 else ", ".join(quoted[:-1]) + " and " + quoted[-1]


def where(position, label):
    """A card's place after its name: "in the Past", "in Advice 1", "that you drew"."""
    if position in WHERE:
        return WHERE[position]
    return f"in {label}" if position.startswith("advice") else f"in the {label}"


def article(name):
    """"the " where English puts it before the card's name inside a sentence."""
    if name.startswith("The ") or " of " in name:
        return "the "
    return ""


def bare(name):
    """The name without its leading "The"."""
    return name[4:] if name.startswith("The ") else name


def in_sentence(name):
    """The name as it stands inside a sentence: "the Hermit", "the Ace of Cups", "Strength"."""
    return article(name) + bare(name)


PHRASES = {
    # ---- greeting ---------------------------------------------------------------------------
    "hello": (
        "Welcome, {nick}: so {topic} is what's on your mind.",
        "Come on in, {nick}, and let's read the cards for {topic} together over a warm cup of milk tea.",
        "Lovely to see you, {nick}; let's lay out the cards for {topic} slowly, before the tea gets cold.",
        "Take a seat, {nick}: the kettle's on, and the cards for {topic} are waiting.",
        "Make yourself comfortable, {nick}, and while the tea steeps, let's turn to {topic}.",
        "Good to have you here, {nick}; this cup's conversation is about {topic}.",
    ),
    "ask.yes_no": (
        "You asked: “{concern}” At the heart of it lies one thing: {q}.",
        "Your question was “{concern}” In the end, what you want to know is {q}.",
        "You chose your cards holding the question “{concern}” Let's ask the five of them, one by one, {q}.",
    ),
    "ask.when": (
        "You wrote: “{concern}” Let's gauge when the time for {subject} may come from how fast the cards move.",
        "“{concern}” I can hear the waiting for {subject} in that: no card can name a date, but the cards can show its pace.",
        "“{concern}” That's the question that comes when waiting feels long. Let's see where the clock for {subject} stands.",
    ),
    "ask.how": (
        "You asked: “{concern}” It's a question about what to do with {subject}, so the advice cards matter most.",
        "Your worry was “{concern}” You're looking for a way forward with {subject}, so let's find something you can take in hand.",
        "“{concern}” You're searching for a thread to pull on {subject}, so let's follow where the cards point, one step at a time.",
    ),
    "ask.what": (
        "You asked: “{concern}” Let's find what the cards stress most about where to put your heart on {subject}.",
        "Your question: “{concern}” Among the many paths through {subject}, let's see which one the cards light up.",
        "“{concern}” That's a hard one to choose. Let's look for what the five cards say about {subject} with one voice.",
    ),
    "ask.open": (
        "You wrote: “{concern}” Putting {subject} into words can't have been easy, so thank you for sharing it.",
        "What's on your heart: “{concern}” Let's keep {subject} close as we read the cards one at a time.",
        "“{concern}” You drew these five with that feeling in hand, so let's unfold {subject} gently.",
    ),
    "ask.none": (
        "You didn't write a particular worry, so let's take a broad look at {topic}.",
        "No question written down, and that's fine: let's listen to what the cards bring up about {topic} first.",
        "With the worry box empty, let's start with what the cards most want to say about {topic}.",
    ),
    "their_mind": (
        "One thing first: no card can look into another person's heart for you, so what I'll read is the flow around you, {nick}, and what you can do.",
        "Let me say this up front: only they know what they feel, and the cards light up the space between you and where you stand, {nick}.",
        "I can't tell you for certain what someone else feels; what the cards show is the shape of the connection and the steps open to you, {nick}.",
        "What they feel is theirs to know and the cards won't promise it, so let's read the view from your side, {nick}.",
    ),
    "roadmap": (
        "We'll start with {past}, pass through {present} to {future}, and finish with the two advice cards.",
        "The story sets out from {past} and runs through {present} and {future} before the two advice cards tie it together.",
        "{past} in the Past, {present} in the Present, {future} in the Future: let's read the three as one story, then close with the advice.",
        "Let's follow the story {past} begins, through {present}, all the way to {future}.",
    ),
    # ---- past, present, future --------------------------------------------------------------
    "open.past": (
        "Beginning with the road behind you, you drew {card}, {side}.",
        "At the starting point of this story lies {card}, {side}.",
        "The card lighting up your past is {card}, {side}.",
        "Where the roots of this worry show, {card} has settled, {side}.",
    ),
    "open.present": (
        "Coming to the present, {card} is here, {side}.",
        "The card that mirrors you these days, {nick}, is {card}, {side}.",
        "In this very moment sits {card}, {side}.",
        "Holding the place of the present is {card}, {side}.",
    ),
    "open.future": (
        "{card} has come to the road ahead, {side}.",
        "The view if you keep walking this way: your Future card is {card}, {side}.",
        "In the Future lies {card}, {side}.",
        "The card lighting up the time to come is {card}, {side}.",
    ),
    "kw.past": (
        "Put that time into a few words and you get {kws}.",
        "{kws}: the words left behind in the heart that lived through it.",
        "The words that call that time back are {kws}.",
    ),
    "kw.present": (
        "Put this moment into a few words and you get {kws}.",
        "The words circling you these days are {kws}.",
        "The key words for now are {kws}.",
    ),
    "kw.future": (
        "Ahead, the energy of {kws} may grow stronger.",
        "The key words for the time to come are {kws}.",
        "On the road ahead, {kws} may slowly come into view.",
    ),
    "root": (
        "The root of your worry about {subject} may well lie in the time of {card}.",
        "The hesitation you feel now about {subject} has probably been growing since the days of {card}.",
        "Your thoughts on {subject} took their shape while you lived through {card}.",
    ),
    "root.none": (
        "Remembering the time {card} lights up may hand you the first thread of where today's feelings came from.",
        "What you lived through in the days of {card} still quietly shapes your choices now, {nick}.",
        "It's behind you, but simply noticing the traces {card} left can make your heart lighter.",
        "Perhaps today's worry has been quietly growing since the time of {card}.",
    ),
    "topic.present": (
        "Seen through {area}, this is where {card} says things stand.",
        "For {area}, here's what {card} says about now.",
        "In terms of {area}, {card} reads like this.",
    ),
    "topic.future": (
        "For {area}, this is the possibility {card} opens up.",
        "In {area}, a current like this may be on its way with {card}.",
        "Looking ahead through {area}, {card} could look like this.",
    ),
    "link.present.up": (
        "After the time of {past}, you've moved somewhere you can breathe a little easier.",
        "Compared with the weight {past} left behind, {present} shows a lighter now.",
    ),
    "link.present.down": (
        "Next to the time of {past}, the present may feel a little heavier.",
        "Moving from {past} to {present}, your steps have grown more careful.",
    ),
    "link.present.same": (
        "The current that began with {past} carries on at much the same temperature in {present}.",
        "{past} and {present} are telling the same kind of story, one after the other.",
    ),
    "link.future.rising": (
        "From {past} to {present}, and on to {future}: the current keeps brightening.",
        "The road ahead is brighter than today: what you build in {present} may bear fruit in {future}.",
    ),
    "link.future.valley": (
        "{present} may be the lowest point of the valley, and past it, {future} is waiting.",
        "Coming after {past}, {present} is a puddle on the way, and the current climbs again towards {future}.",
    ),
    "link.future.falling": (
        "On the way from {present} to {future} there's a stretch where you'll want to slow down.",
        "If nothing changes, {future} may ask you to catch your breath once more, which is why the advice after {present} matters.",
    ),
    "link.future.peak": (
        "If {present} is the high point, {future} is a heads-up about the slope that follows.",
        "The good energy of {present} may wobble in {future}, so make the most of the momentum while you have it.",
    ),
    "link.future.recovered": (
        "After the hard time of {past}, {present} and {future} walk side by side on steadier ground.",
        "Having climbed up once, the current may hold from {present} all the way to {future}.",
    ),
    "link.future.sinking": (
        "The energy that dipped after {past} may stay low through {future}, but the power to change it lies in the advice.",
        "The weight of {present} may linger into {future}, so there's no need to hurry.",
    ),
    "link.future.steady_bright": (
        "{past}, {present} and {future}: all three point steadily towards the light.",
        "From {past} to {future} the way is evenly open, and {future} is simply the next natural scene.",
    ),
    "link.future.steady_open": (
        "From {past} to {future}, the current hasn't tipped either way yet, which makes your choices count for more.",
        "{past}, {present} and {future} all say “not decided yet”, which makes {future} more of an open door.",
    ),
    "link.future.steady_hard": (
        "From {past} to {future} the going stays hard, but knowing that lets you prepare.",
        "{past}, {present} and {future} say with one voice: don't rush, a warning rather than a verdict.",
    ),
    "possibility": (
        "{card} isn't a fixed ending; it's one view you may meet if things keep flowing this way.",
        "The future can change with the choices you make today, and {card} shows just one of its possibilities.",
        "What {card} shows is closer to a weather forecast: whether to pack an umbrella is up to you, {nick}.",
    ),
    # ---- advice ------------------------------------------------------------------------------
    "open.advice1": (
        "Your first advice card is {card}, {side}.",
        "In Advice 1 you drew {card}, {side}.",
        "The first word of advice comes from {card}, {side}.",
    ),
    "open.advice2": (
        "The second, {card}, {side}, adds this.",
        "In Advice 2 lies {card}, {side}.",
        "Then {card}, {side}, has something to add.",
    ),
    "join.same_suit": (
        "Both cards are {suit}, so the call to look for answers in {realm} comes through twice.",
        "{a} and {b}, two {suit} cards, point the same way: start by moving in {realm}.",
    ),
    "join.both_reversed": (
        "Both pieces of advice came up reversed, so before adding anything new, ease the knots that {a} and {b} point to.",
        "{a} and {b} are both reversed: look after the tangles inside before straining outward.",
    ),
    "join.one_reversed": (
        "If {up}, upright, says what to try, {down}, reversed, says what to watch for; keep both and the steps of {up} stay balanced.",
        "{up} takes the part of moving forward and {down}, reversed, the part of pausing to check, so step out but watch your footing.",
    ),
    "join.both_major": (
        "Both advice cards are Major Arcana, so {a} and {b} ask less for a small trick than for a change in your whole outlook.",
        "Two majors, {a} and {b}, advising together is rare enough to say this is a matter of attitude.",
    ),
    "join.major_minor": (
        "{major} gives the big direction and {minor} the thing you can do right away, so keep the direction in mind and start small.",
        "The major card, {major}, sets your stance, and {minor} turns it into something you can do with your hands.",
    ),
    "join.act": (
        "Both are cards of movement: once your thoughts are clear, try putting one thing into practice this week, as {a} suggests.",
        "{a} and {b} both urge action, so rather than mulling it over for long, start with something small.",
    ),
    "join.act_feel": (
        "If {act} says what to do, {feel} says in what spirit to do it: let your actions keep pace with {feel}.",
        "A card of action, {act}, pairs with a card of feeling, {feel}, so do what you want to do and check in with your heart now and then.",
    ),
    "join.act_ground": (
        "If {act} urges a decision, {ground} reminds you of the ground under your feet: put the plan of {act} on paper before you move.",
        "{act} and {ground} make a pair of doing and preparing, so begin, but do the sums for money and time carefully.",
    ),
    "join.feel_ground": (
        "If {feel} asks you to tend your heart, {ground} asks you to keep the rhythm of your days, starting, as {ground} would, with eating and sleeping well.",
        "A card of feeling, {feel}, came with a card of everyday life, {ground}, so soothe your feelings and keep the small daily things going.",
    ),
    "fix": (
        "If {future} in the Future weighs on you, these two pieces of advice can be the handle that turns the current.",
        "Even if the road {future} showed isn't welcome, acting on this advice can change that view entirely.",
    ),
    **CONCLUSION,
    **SPREAD_PHRASES,
}

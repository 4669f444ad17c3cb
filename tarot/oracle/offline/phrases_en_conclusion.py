"""English wordings of the offline reader's conclusion (see phrases_en)."""

CONCLUSION = {
    # The answer to a yes/no question, by the spread's lean.
    "answer.yes_no.yes": (
        "You asked {q}. Taken together, the five cards lean towards yes on {subject}.",
        "On {subject}, the cards answer on the bright side: more of them lend their strength than hold it back.",
        "In a word, the answer on {subject} is close to a yes. As for {q}, the cards leave that road open.",
    ),
    "answer.yes_no.maybe": (
        "You asked {q}, and the cards sit between yes and no for now: the choices you make from here will set the direction.",
        "On {subject}, the answer is half and half, and which way it tips depends on how you move, {nick}.",
        "On {subject}, the cards say different things, too different for a clean yes or no. As for {q}, it's fine to watch a little longer before deciding.",
    ),
    "answer.yes_no.no": (
        "You asked {q}. As things stand, the answer is closer to “not yet”: the road isn't closed, but {subject} asks for a change of timing or of way.",
        "On {subject}, the cards answer cautiously: taking a beat before you act would serve you better than hurrying.",
        "In a word, the answer on {subject} is close to “not for now”. As for {q}, doing the groundwork the advice cards describe could change the answer.",
    ),
    "answer.yes_no.then": (
        "Whichever way you go on {subject}, keep the advice of {advice_card} close. {advice_text}",
        "Whatever you decide about {subject}, remember what {advice_card} says. {advice_text}",
    ),
    # Asked about another person's heart: the flow between them, never what they feel.
    "answer.their_mind.yes": (
        "I can't speak for their feelings, but the current {future} shows between the two of you leans warm.",
        "What's in their heart is theirs; still, the temperature {future} shows in the connection is on the bright side.",
    ),
    "answer.their_mind.maybe": (
        "Their feelings are not something the cards can settle, and the current {future} shows between you hasn't chosen a direction either.",
        "Only they know their heart. The flow between you that {future} shows is still at a crossroads.",
    ),
    "answer.their_mind.no": (
        "I can't speak for their feelings, but the current {future} shows between you is a little cool right now, so rather than pulling harder, look after your own heart first.",
        "What's in their heart is theirs. The temperature {future} shows is low for now, so there's no need to hurry.",
    ),
    # "When": no date, but the pace the suits and majors suggest.
    "answer.when.soon": (
        "The cards don't give dates, but with quick Wands and Swords in the spread, the time for {subject} looks close, within weeks.",
        "No date can be fixed, but this spread moves fast: things around {subject} may shift sooner than you think.",
    ),
    "answer.when.gradual": (
        "The cards don't give dates, but with quick and slow cards mixed, the time for {subject} seems to come gradually, over a month or two.",
        "No date can be fixed, but this spread walks at an ordinary pace, so {subject} will move step by step over a season.",
    ),
    "answer.when.slow": (
        "The cards don't give dates, but with slow Pentacles and Major Arcana in the spread, {subject} seems to need the long breath of several months.",
        "No date can be fixed, and this spread takes its time, so {subject} will need a while to ripen.",
    ),
    # "How" and "what": what the first upright advice card (or the first) says about the
    # reading's area, or its own advice (Writer.advice_fields).
    "answer.how": (
        "If there's one answer to how to work through {subject}, it's in {advice_card}. {advice_text}",
        "If you're asking how to handle {subject}, {advice_card} answers like this. {advice_text}",
        "The first step on {subject} comes from {advice_card}. {advice_text}",
    ),
    "answer.what": (
        "On {subject}, what the cards stress most is {present_kw} now and {future_kw} ahead.",
        "If you're asking what to see to first on {subject}, the five cards point to the advice of {advice_card}. {advice_text}",
        "Among the paths open on {subject}, the cards light up the way of {future_kw}, and {advice_card} gives its first step. {advice_text}",
    ),
    # An open concern or none: the spread's lean as a current, with no yes or no.
    "answer.open.yes": (
        "Taken together, the five cards show {subject} opening towards the light.",
        "The big picture the cards draw of {subject} is close to a tailwind.",
        "When it comes to {subject}, the larger current is on your side, {nick}.",
    ),
    "answer.open.maybe": (
        "Taken together, the five cards show {subject} still standing at a crossroads.",
        "The big picture the cards draw of {subject} is an open current that hasn't tipped either way.",
        "When it comes to {subject}, the larger current is calm, its direction set from here on.",
    ),
    "answer.open.no": (
        "Taken together, the five cards say that with {subject}, this is a time to catch your breath rather than hurry.",
        "The big picture the cards draw of {subject} has a little headwind in it.",
        "When it comes to {subject}, the larger current says: slowly.",
    ),
    "answer.none.yes": (
        "Taken together, the five cards show {topic} opening towards the light.",
        "The big picture the cards draw of {topic} is close to a tailwind.",
    ),
    "answer.none.maybe": (
        "Taken together, the five cards show {topic} still undecided, the direction yours to set.",
        "The big picture the cards draw of {topic} is calm and open.",
    ),
    "answer.none.no": (
        "Taken together, the five cards say that for {topic}, this is a time to catch your breath rather than hurry.",
        "The big picture the cards draw of {topic} says: slowly.",
    ),
    # The spread's lean after an answer to when, how or what.
    "flow.yes": (
        "Taken together, the five cards show {topic} opening towards the light.",
        "As a whole, {topic} has something close to a tailwind.",
        "The larger current of {topic} is on your side, {nick}.",
    ),
    "flow.maybe": (
        "Taken together, the five cards show {topic} still standing at a crossroads.",
        "As a whole, {topic} is an open current that hasn't tipped either way.",
        "The larger current of {topic} is calm, its direction set from here on.",
    ),
    "flow.no": (
        "Taken together, the five cards say that in {topic} this is a time to catch your breath rather than hurry.",
        "As a whole, there's a little headwind in {topic}.",
        "The larger current of {topic} says: slowly.",
    ),
    # Why the spread leans as it does.
    "why.split": (
        "The bright side has {pro} behind it; the careful side has {con}.",
        "Weighing each card by its place, you'll find {pro} on the bright side and {con} on the careful one.",
        "Lending strength: {pro}. Asking for a pause: {con}.",
    ),
    "why.pro": (
        "The bright side has {pro} behind it, and none of the other cards holds you back.",
        "You'll find {pro} pulling you forward, while the other cards quietly look on.",
    ),
    "why.con": (
        "You'll find {con} asking you to slow down, and the other cards don't give a firm answer either.",
        "The careful side has {con} behind it; the others don't lean either way.",
    ),
    "why.open": (
        "All five are cards of “not yet known”, which makes your own choice about {subject} matter all the more.",
        "No card pulls hard in either direction, so what sets the current of {subject} is less the cards than your next step, {nick}.",
    ),
    # The Future weighs most; what it says, by its answer.
    "why.future.yes": (
        "Most weight rests on the Future, and there {future} stands on the side of yes.",
        "Above all, {future} in the Future lights the road ahead.",
    ),
    "why.future.maybe": (
        "{future}, in the Future where the most weight rests, still says “perhaps”.",
        "{future} in the Future holds back its answer, so the other cards' voices carry further.",
    ),
    "why.future.no": (
        "{future}, in the Future where the most weight rests, stands on the side of “not yet”.",
        "{future} in the Future has a foot on the brake, which makes the answer careful.",
    ),
    # What clusters in the spread.
    "cluster.majors": (
        "As many as {count_word} Major Arcana appeared: the larger currents of your life are on the move.",
        "{count_word} of the five are major cards, so {subject} touches a real turning point in your life.",
    ),
    "cluster.element": (
        "{count_word} of the cards belong to {element}, so {realm} sit at the centre of this question.",
        "{count_word} of the five carry the energy of {element}, a sign that the answers gather around {realm}.",
    ),
    "cluster.suit_pair": (
        "Two {suit} cards came up, {pair_a} and {pair_b}: the story gathers around {realm}.",
        "{pair_a} and {pair_b}, two {suit}, bring up {realm} again and again.",
    ),
    "cluster.all_minor": (
        "All five are Minor Arcana, so in {topic} the answer is shaped less by life-shaking events than by everyday choices.",
        "A spread of minor cards only, without a single major: in {topic}, the small things you can take in hand set the course.",
    ),
    "cluster.all_elements": (
        "Fire, Water, Air and Earth all appeared, so {topic} flows evenly without tipping to one side.",
        "All four elements are mixed in this spread, a reminder to tend heart, mind, action and daily life alike in {topic}.",
    ),
    "cluster.balance": (
        "With {count_word} of the five from the Major Arcana, the big current and everyday choices move together.",
        "The Major Arcana set the main stem here, and the minor cards show its branches.",
    ),
    # How many cards lie reversed, named: the grammar differs for none, one, several and all.
    "reversed.0": (
        "All five cards came up upright: the way ahead in {topic} looks fairly open.",
        "Not a single card is reversed, so in {topic} your energy can flow outward without getting stuck.",
    ),
    "reversed.1": (
        "Only one card, {reversed_list}, is reversed: look after that one spot and the rest flows easily.",
        "One of the five cards is reversed, {reversed_list}, pointing to a single small snag and no more.",
    ),
    "reversed.2": (
        "Two of the five cards are reversed, {reversed_list}: less a sign to stop than a nudge to slow down in those two places.",
        "Two reversed cards, {reversed_list}, show that smooth stretches and snags travel together here.",
        "Two cards lie reversed, {reversed_list}: mostly flowing, with those two places needing your care.",
    ),
    "reversed.3": (
        "Three of the five cards are reversed, {reversed_list}, more than half: a time to gather your strength inward rather than reach outward.",
        "Three cards came up reversed, {reversed_list}, so tidying and refining suits this moment better than starting something new.",
        "Three reversed cards, {reversed_list}: hurrying may tangle things, so undo them one knot at a time.",
    ),
    "reversed.4": (
        "Four of the five cards are reversed; only {upright_list} stands upright, so easing the stuck places one by one takes patience.",
        "Every card but {upright_list} came up reversed: for now, put your care into recovering rather than into results.",
    ),
    "reversed.5": (
        "All five cards are reversed, which is rare and a clear sign to stop and catch your breath over {topic}.",
        "Every card came up reversed, the cards saying with one voice that in {topic} what's inside needs looking after first.",
    ),
    # The last words, with the second advice card: its keyword to keep, or to watch for.
    "closing.upright": (
        "Keep the {qkw} of {card} in a corner of your heart, {nick}, and come back for another cup any time.",
        "The cards only light the way and the walking is always yours, {nick}, so remember the {qkw} of {card} and be gentle with yourself.",
        "Holding on to the {qkw} that {card} offered, I hope your worries have eased a little, {nick}, like the warmth of a teacup in your hands.",
        "The {qkw} that {card} offered is enough to hold on to, and when your heart feels tangled, drop by again.",
        "Before you set down your cup, keep just one thing in mind, the {qkw} of {card}, and know I'm cheering on your next step, {nick}.",
    ),
    "closing.reversed": (
        "Just watch for the {qkw} that {card} warns of, {nick}, and come back for another cup any time.",
        "The cards only light the way and the walking is always yours, {nick}, so steer around the {qkw} that {card} points out and be gentle with yourself.",
        "When {qkw} raises its head, remember the advice of {card}, and I hope your worries ease, {nick}, like the warmth of a teacup in your hands.",
        "The {qkw} that the reversed {bare} points to is the one thing to look after, and when your heart feels tangled, drop by again.",
        "Before you set down your cup, keep one warning from {card} in mind, {qkw}, and know I'm cheering on your next step, {nick}.",
    ),
}

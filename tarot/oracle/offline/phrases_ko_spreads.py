"""Korean wordings for the places of the one-card and relationship spreads (see phrases_ko)."""

# A place before a card's name, where "{label}의" would read badly.
WHERE = {
    "card": "뽑은", "me": "나의 모습 자리의", "other": "상대의 모습 자리의",
    "between": "우리 사이 자리의", "outlook": "앞으로의 흐름 자리의",
}

SPREAD_PHRASES = {
    "open.card": (
        "오늘 {nick}님이 뽑은 한 장은 {card}, {side:이에요/예요}.",
        "{nick}님의 물음에 답하러 {card:이/가} {side:(으)로} 나왔어요.",
    ),
    "kw.card": (
        "이 카드가 건네는 열쇠말은 {kws:이에요/예요}.",
        "몇 마디로 줄이면 {kws}, 지금 마음에 새겨 둘 말들이에요.",
    ),
    "topic.card": (
        "{area}의 눈으로 보면 {card:은/는} 이렇게 말해요.",
        "{area}에 비추어 보면 {card:은/는} 이렇게 읽혀요.",
    ),
    "open.me": (
        "먼저 {nick}님 자신을 비추는 자리에는 {card:이/가} {side:(으)로} 나왔어요.",
        "이 관계 속 {nick}님의 모습은 {card}, {side:이에요/예요}.",
    ),
    "kw.me": (
        "요즘 {nick}님 마음을 몇 마디로 줄이면 {kws:이에요/예요}.",
        "{kws}, 이 관계에서 {nick}님 곁에 맴도는 말들이에요.",
    ),
    "topic.me": (
        "{area}의 눈으로 보면 {card:은/는} {nick}님을 이렇게 비춰요.",
        "{area}에 비추어 보면 {card:은/는} 이렇게 읽혀요.",
    ),
    "open.other": (
        "상대의 모습을 비추는 자리에는 {card:이/가} {side:(으)로} 놓였어요.",
        "그 사람 쪽에서 보이는 풍경은 {card}, {side:이에요/예요}.",
    ),
    "kw.other": (
        "그 사람이 겉으로 보여 주는 모습을 몇 마디로 줄이면 {kws:이에요/예요}.",
        "{kws}, 상대의 자리에서 읽히는 말들이에요. 속마음은 그 사람의 몫이지만, 보이는 흐름은 이래요.",
    ),
    "topic.other": (
        "{area}의 눈으로 보면 {card:은/는} 상대의 상황을 이렇게 비춰요.",
        "{area}에 비추어 보면 상대 자리의 {card:은/는} 이렇게 읽혀요.",
    ),
    "open.between": (
        "두 사람 사이를 흐르는 기운은 {card}, {side:이에요/예요}.",
        "우리 사이 자리에는 {card:이/가} {side:(으)로} 나왔어요.",
    ),
    "kw.between": (
        "두 사람 사이를 몇 마디로 줄이면 {kws:이에요/예요}.",
        "{kws}, 지금 두 사람 사이에 놓인 말들이에요.",
    ),
    "topic.between": (
        "{area}의 눈으로 보면 {card:은/는} 두 사람 사이를 이렇게 말해요.",
        "{area}에 비추어 보면 {card:은/는} 이렇게 읽혀요.",
    ),
    "open.outlook": (
        "앞으로의 흐름에는 {card:이/가} {side:(으)로} 찾아왔어요.",
        "이대로 이어질 때 만날 풍경은 {card}, {side:이에요/예요}.",
    ),
    "kw.outlook": (
        "앞으로는 {kws}의 기운이 짙어질 수 있어요.",
        "다가올 시간의 열쇠말은 {kws:이에요/예요}.",
    ),
    "topic.outlook": (
        "{area}의 눈으로 보면 {card:은/는} 앞날을 이렇게 말해요.",
        "{area}에 비추어 보면 {card:은/는} 이렇게 읽혀요.",
    ),
    # From one place of a spread to the next, by how the mood moves.
    "link.next.up": (
        "{prev}에서 {card:(으)로} 오면서 분위기가 한결 밝아져요.",
        "{prev:이/가} 남긴 무게에 비하면 {card:은/는} 조금 더 가벼운 쪽을 비춰요.",
    ),
    "link.next.down": (
        "{prev}에 비해 {card:은/는} 조금 더 조심스러운 쪽을 가리켜요.",
        "{prev}에서 {card:(으)로} 넘어오며 흐름이 살짝 무거워지니, 그 자리를 더 다정히 살펴 주세요.",
    ),
    "link.next.same": (
        "{prev:과/와} {card:은/는} 비슷한 온도로 이어져 있어요.",
        "{prev}의 결이 {card}에서도 그대로 이어져요.",
    ),
    "reversed.all": (
        "카드가 모두 거꾸로 나온 건 흔치 않은 일이라, {topic}에서는 밖으로 나서기보다 멈춰서 숨을 고를 때라는 뜻이에요.",
        "역방향만 나왔다는 건 {topic}에서 밖의 일보다 내 안을 먼저 돌보라는 신호예요.",
    ),
}

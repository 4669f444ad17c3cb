"""What the reader's instruction says about each spread (tarot/oracle/prompt.py fills it in):
how many cards, how to read each place, how the places hang together, and the parts of the
answer with their markers. Keyed by the spread keys of tarot/spreads.py."""

KO = {
    "five-card": {
        "count": "다섯 장",
        "places": "과거는 지금의 고민이 어디에서 왔는지,\n   현재는 지금의 상황과 마음, 미래는 정해진 결말이 아닌 가능성, 조언은 해 볼 수 있는 행동이에요.",
        "story": "카드를 따로따로 나열하지 말고 과거 → 현재 → 미래를 하나의 이야기로 이어 주세요. 조언 두 장은\n   서로를 채우는 한 쌍으로 엮어 주세요.",
        "gather": "다섯 장을 모아",
        "parts_count": "여섯",
        "parts": (
            "   - [[greeting]]: 인사와 함께 주제와 고민을 다정하게 짚어 주세요.",
            "   - [[past]]: 과거 자리 카드로 지금의 고민이 어디에서 시작됐는지 풀어 주세요.",
            "   - [[present]]: 현재 자리 카드로 지금의 상황과 마음을 과거에서 이어지게 풀어 주세요.",
            "   - [[future]]: 미래 자리 카드로 이대로 흘러갈 때의 방향을 가능성으로 풀어 주세요.",
            "   - [[advice]]: 조언 1, 조언 2 두 장을 함께 엮어 오늘부터 해 볼 수 있는 구체적인 행동을 알려 주세요.",
            "   - [[conclusion]]: 다섯 장을 모아 고민에 대한 답을 정리하고 따뜻하게 마무리해 주세요.",
        ),
        "length": "각 부분은 3~6문장, 전체는 한국어 1,200~2,000자 정도로 써 주세요.",
    },
    "three-card": {
        "count": "세 장",
        "places": "과거는 지금의 고민이 어디에서 왔는지,\n   현재는 지금의 상황과 마음, 미래는 정해진 결말이 아닌 가능성이에요.",
        "story": "카드를 따로따로 나열하지 말고 과거 → 현재 → 미래를 하나의 이야기로 이어 주세요.",
        "gather": "세 장을 모아",
        "parts_count": "다섯",
        "parts": (
            "   - [[greeting]]: 인사와 함께 주제와 고민을 다정하게 짚어 주세요.",
            "   - [[past]]: 과거 자리 카드로 지금의 고민이 어디에서 시작됐는지 풀어 주세요.",
            "   - [[present]]: 현재 자리 카드로 지금의 상황과 마음을 과거에서 이어지게 풀어 주세요.",
            "   - [[future]]: 미래 자리 카드로 이대로 흘러갈 때의 방향을 가능성으로 풀어 주세요.",
            "   - [[conclusion]]: 세 장의 흐름을 모아 고민에 대한 답과 해 볼 수 있는 일 하나를 알려 주고 따뜻하게 마무리해 주세요.",
        ),
        "length": "각 부분은 3~5문장, 전체는 한국어 900~1,500자 정도로 써 주세요.",
    },
    "one-card": {
        "count": "한 장",
        "places": "한 장뿐인 카드는 고민에 대한 지금의 답이자\n   오늘 마음에 새길 메시지예요.",
        "story": "카드 한 장의 뜻을 고민에 맞춰 깊이 있게 읽고, 여러 뜻을 늘어놓기보다 하나의 분명한 메시지로 모아 주세요.",
        "gather": "이 한 장의 메시지로",
        "parts_count": "세",
        "parts": (
            "   - [[greeting]]: 인사와 함께 주제와 고민을 다정하게 짚어 주세요.",
            "   - [[card]]: 뽑은 카드가 고민에 대해 무엇을 말하는지 풀어 주세요.",
            "   - [[conclusion]]: 고민에 대한 짧고 또렷한 답과 오늘 해 볼 수 있는 일 하나로 따뜻하게 마무리해 주세요.",
        ),
        "length": "각 부분은 3~5문장, 전체는 한국어 600~1,000자 정도로 써 주세요.",
    },
    "relationship": {
        "count": "네 장",
        "places": "나의 모습은 이 관계에서 사용자가 서 있는 자리와 마음,\n   상대의 모습은 상대가 겉으로 보여 주는 모습과 처한 상황(속마음을 단정하지 말고), 우리 사이는\n   두 사람 사이를 흐르는 기운, 앞으로의 흐름은 정해진 결말이 아닌 가능성이에요.",
        "story": "카드를 따로따로 나열하지 말고 나 → 상대 → 우리 사이 → 앞으로를 한 관계의 이야기로 이어 주세요.",
        "gather": "네 장을 모아",
        "parts_count": "여섯",
        "parts": (
            "   - [[greeting]]: 인사와 함께 주제와 고민을 다정하게 짚어 주세요.",
            "   - [[me]]: 나의 모습 자리 카드로 이 관계에서의 사용자의 자리와 마음을 풀어 주세요.",
            "   - [[other]]: 상대의 모습 자리 카드로 상대가 보여 주는 모습과 상황을 풀어 주세요.",
            "   - [[between]]: 우리 사이 자리 카드로 두 사람 사이의 흐름을 풀어 주세요.",
            "   - [[outlook]]: 앞으로의 흐름 자리 카드로 관계가 이어질 방향을 가능성으로 풀어 주세요.",
            "   - [[conclusion]]: 네 장을 모아 고민에 대한 답과 사용자 쪽에서 해 볼 수 있는 일을 정리하고 따뜻하게 마무리해 주세요.",
        ),
        "length": "각 부분은 3~5문장, 전체는 한국어 1,100~1,800자 정도로 써 주세요.",
    },
}

EN = {
    "five-card": {
        "count": "five cards",
        "places": "the Past as where this worry came from, the Present as the\n   situation and their heart now, the Future as a possibility rather than a fixed ending, the\n   Advice cards as things to try.",
        "story": "Don't list the cards one by one: tell Past, Present and Future as one story, and weave the\n   two Advice cards together as a pair.",
        "gather": "drawing on all five cards",
        "parts_count": "six",
        "parts": (
            "   - [[greeting]]: greet them and acknowledge the topic and their concern.",
            "   - [[past]]: the Past card: where this worry began.",
            "   - [[present]]: the Present card: the situation and their heart now, following from the past.",
            "   - [[future]]: the Future card: where things lead if nothing changes, as a possibility.",
            "   - [[advice]]: weave Advice 1 and Advice 2 together into concrete things to try from today.",
            "   - [[conclusion]]: bring all five together, answer the concern and close warmly.",
        ),
        "length": "Three to six sentences per part, about 350 to 550 words in all.",
    },
    "three-card": {
        "count": "three cards",
        "places": "the Past as where this worry came from, the Present as the\n   situation and their heart now, the Future as a possibility rather than a fixed ending.",
        "story": "Don't list the cards one by one: tell Past, Present and Future as one story.",
        "gather": "drawing on all three cards",
        "parts_count": "five",
        "parts": (
            "   - [[greeting]]: greet them and acknowledge the topic and their concern.",
            "   - [[past]]: the Past card: where this worry began.",
            "   - [[present]]: the Present card: the situation and their heart now, following from the past.",
            "   - [[future]]: the Future card: where things lead if nothing changes, as a possibility.",
            "   - [[conclusion]]: bring the three together, answer the concern, offer one thing to try and close warmly.",
        ),
        "length": "Three to five sentences per part, about 250 to 400 words in all.",
    },
    "one-card": {
        "count": "one card",
        "places": "the single card is the answer to the concern for now and a\n   message to keep in mind today.",
        "story": "Read the one card deeply in the light of the concern, and gather its senses into one clear\n   message rather than listing them.",
        "gather": "with this one card's message",
        "parts_count": "three",
        "parts": (
            "   - [[greeting]]: greet them and acknowledge the topic and their concern.",
            "   - [[card]]: what the card drawn says about the concern.",
            "   - [[conclusion]]: a short, clear answer and one thing to try today, closing warmly.",
        ),
        "length": "Three to five sentences per part, about 150 to 280 words in all.",
    },
    "relationship": {
        "count": "four cards",
        "places": "You as where the user stands in this relationship and how\n   they feel, The other person as what the other shows and the situation they are in (never their\n   inner feelings as fact), Between you as what flows between the two, the Outlook as a\n   possibility rather than a fixed ending.",
        "story": "Don't list the cards one by one: tell you, the other person, what lies between you and the\n   outlook as one story of a relationship.",
        "gather": "drawing on all four cards",
        "parts_count": "six",
        "parts": (
            "   - [[greeting]]: greet them and acknowledge the topic and their concern.",
            "   - [[me]]: the You card: where the user stands in this relationship and how they feel.",
            "   - [[other]]: The other person card: what the other shows and the situation they are in.",
            "   - [[between]]: the Between you card: what flows between the two of them.",
            "   - [[outlook]]: the Outlook card: where the relationship may go, as a possibility.",
            "   - [[conclusion]]: bring all four together, answer the concern, say what the user can do from their side and close warmly.",
        ),
        "length": "Three to five sentences per part, about 300 to 500 words in all.",
    },
}

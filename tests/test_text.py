from bot.text import detect_lang, normalize, tokenize


def test_katakana_folds_to_hiragana_so_kana_spellings_match():
    assert set(tokenize("でぃーぷらーにんぐ")) == set(tokenize("ディープラーニング"))


def test_cjk_runs_become_bigrams_and_latin_words_are_stemmed():
    tokens = tokenize("機械学習 Engineers need SQL")
    assert {"機械", "械学", "学習"} <= set(tokens)
    assert "engin" in tokens
    assert "sql" in tokens
    assert "need" not in tokens  # stop word


def test_full_width_and_invisible_characters_are_normalised():
    assert normalize("ＳＱＬ\u200b") == "sql"


def test_language_detection():
    assert detect_lang("MLOpsって何から始めればいい？") == "ja"
    assert detect_lang("Do ML engineers need SQL?") == "en"
    assert detect_lang("修士") == "ja"
    assert detect_lang("Docker Kubernetes 必要？") == "ja"
    assert detect_lang("SageMaker vs Vertex AI どっち") == "ja"
    # an English sentence with a Japanese term is English: the answer must be readable by who asked
    assert detect_lang("Are certifications like G検定 or E資格 worth it for a foreigner?") == "en"
    assert detect_lang("What does an AIプロダクトマネージャー do?") == "en"
    assert detect_lang("1234 !!") == "en"


def test_a_japanese_term_inside_a_latin_lettered_name_is_not_that_term():
    from bot.text import TermMatcher
    matcher = TermMatcher({"検定": "statistics", "統計": "statistics"})
    assert matcher.find("G検定に合格しました") == ()  # the G exam is not a statistical test
    assert matcher.find("仮説検定がわからない") == ("statistics",)
    assert matcher.find("検定") == ("statistics",)


def test_list_entries_stay_with_the_clause_that_says_something_about_them():
    from bot.search import split_clauses

    assert split_clauses("I'm comfortable with Python, NumPy, Pandas and scikit-learn now. What next?")[0].count(",") == 2
    assert "pandas" in split_clauses("NumPy、pandas、matplotlibは使えるようになって、基本統計もひと通り復習しました。")[0]
    assert [c.strip(" ,") for c in split_clauses("I know Python, but not Docker.")][:2] == ["I know Python", "not Docker"]


def test_literal_pattern_matches_the_longest_word_like_an_alternation_longest_first():
    import re

    from bot.text import literal_pattern

    words = ["deep learning specialization", "deep learning", "dl", "machine learning", "ml", "a.b", "ゼロつく"]
    trie = re.compile(literal_pattern(words), re.IGNORECASE)
    plain = re.compile("|".join(map(re.escape, sorted(words, key=len, reverse=True))), re.IGNORECASE)
    text = "Finished the Deep Learning Specialization, deep learning again, DL, aXb a.b, ゼロつく and html"
    assert [m.group() for m in trie.finditer(text)] == [m.group() for m in plain.finditer(text)]
    assert [m.group() for m in trie.finditer(text)][:2] == ["Deep Learning Specialization", "deep learning"]

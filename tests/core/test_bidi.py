"""The right-to-left text pipeline: wrap in logical order, shape, reorder per line."""

from __future__ import annotations

from app.i18n.bidi import display_line, has_rtl, shape, visual_text, wrap

HELLO = "مرحبا"  # "hello", five letters that join


def width_in_letters(text: str) -> float:
    return float(len(text))


def test_arabic_letters_take_their_joined_forms() -> None:
    shaped = shape("بيت")  # "house": initial beh, medial yeh, final teh
    assert [hex(ord(c)) for c in shaped] == ["0xfe91", "0xfef4", "0xfe96"]


def test_lam_alef_becomes_one_ligature() -> None:
    assert shape("لا") == "\ufefb"


def test_an_arabic_line_is_reversed_for_drawing() -> None:
    line = display_line("أنا هنا")  # "I am here"
    words = line.split(" ")
    assert words[0] == shape("هنا")[::-1] and words[1] == shape("أنا")[::-1]


def test_latin_words_and_numbers_inside_arabic_keep_their_own_order() -> None:
    line = display_line("اتصل بـ Childline على 0800 1111 الآن.")
    assert "Childline" in line
    assert "0800 1111" in line  # a phone number's groups stay in the order written
    # Read right to left, the Latin name comes before the number, as typed.
    assert line.index("Childline") > line.index("0800")
    # The full stop ends the sentence: at its left end when drawn.
    assert line.startswith(".")


def test_a_web_address_is_not_reversed() -> None:
    assert "childline.org.uk" in display_line("زر childline.org.uk اليوم")


def test_wrapped_lines_keep_reading_order_top_to_bottom() -> None:
    words = ["واحد", "اثنان", "ثلاثة", "أربعة", "خمسة", "ستة"]  # one .. six
    text = " ".join(words)
    lines = visual_text(text, 12, width_in_letters).split("\n")
    assert len(lines) >= 3
    # The first visual line holds the first words (its rightmost word is "one").
    assert lines[0].split(" ")[-1] == shape(words[0])[::-1]
    assert lines[-1].split(" ")[0] == shape(words[-1])[::-1]


def test_wrap_never_exceeds_the_width_unless_one_word_is_wider() -> None:
    text = " ".join([HELLO] * 9)
    for line in wrap(text, 17, width_in_letters):
        assert len(shape(line)) <= 17
    assert wrap("كلمةطويلةجدا قصيرة", 4, width_in_letters)[0] == "كلمةطويلةجدا"


def test_paragraphs_stay_separate_and_unbounded_width_keeps_one_line() -> None:
    lines = visual_text(f"{HELLO} {HELLO}\n{HELLO}", None, width_in_letters).split("\n")
    assert len(lines) == 2


def test_an_arabic_name_on_an_english_screen_reads_correctly() -> None:
    assert display_line("العربية", rtl_base=False) == shape("العربية")[::-1]


def test_only_right_to_left_letters_count_as_rtl() -> None:
    assert has_rtl("Hi مرحبا")
    assert not has_rtl("Hello, Українська 123")


def test_brackets_in_arabic_are_mirrored_so_they_still_enclose() -> None:
    line = display_line("صندوق (علبة) هنا")  # "a box (a carton) here"
    assert "(" + shape("علبة")[::-1] + ")" in line


def test_a_phone_number_is_never_wrapped_or_reordered() -> None:
    text = "اتصل بالرقم 1-800-668-6868 أو 116 111 في أي وقت"
    lines = visual_text(text, 14, width_in_letters).split("\n")
    assert any("1-800-668-6868" in line for line in lines)
    assert any("116\u00a0111" in line for line in lines)
    assert not any(ch in "".join(lines) for ch in "\u202a\u202c")

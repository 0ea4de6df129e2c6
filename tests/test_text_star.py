"""STAR analysis rules, one at a time, on a small synthetic question and on the bank's."""

from __future__ import annotations

import pytest

from checkers.text import Band, Severity, StarPartError, analyze_star
from checkers.text.star import red_flag_finding
from question_bank import SHIPPED_BANK, RedFlag, StarSpec, Text, load_question


def _t(en: str) -> Text:
    return Text(en=en, fr=f"[fr] {en}")


FLAG = RedFlag(
    id="gloating",
    title=Text("Gloating", "Triomphalisme"),
    phrases=("i proved them wrong", "j'avais raison"),
    unless=("we agreed", "compromis"),
    suggestion=Text("Show the resolution.", "Montrez la résolution."),
)
SPEC = StarSpec(
    situation=_t("Set the scene."),
    task=_t("Your task."),
    action=_t("What you did."),
    result=_t("What happened."),
    reflection=_t("What you learned."),
    red_flags=(FLAG,),
)

SITUATION = (
    "Two weeks before a launch, the data team lead and I disagreed about replacing our search backend, "
    "because the existing one struggled with our largest customers."
)
TASK = "I owned the release plan and had to reach a decision both teams could commit to."
ACTION = (
    "I met the data lead one to one and asked what worried her most. I learned that latency on large "
    "tenants was her real concern. I wrote a benchmark with real queries and ran it against both options "
    "over two days. I shared the raw results, including where my option lost, and I proposed shipping on "
    "the current backend with a fix for the three largest tenants, then migrating next quarter. I asked "
    "our manager to review the plan only after we had both signed it, and I wrote the migration design "
    "for the next quarter with the data lead as its owner. During the fix I paired with her engineer on the "
    "query changes, and I set up a dashboard of p95 latency per tenant so that both teams watched the same "
    "numbers. A week before the launch I walked support through the plan so they knew which customers to "
    "watch and whom to call."
)
RESULT = (
    "We launched on time with p95 latency of 210 ms and zero incidents in the first month. The migration "
    "finished the following quarter, two weeks ahead of plan."
)
REFLECTION = "I learned to ask what the other person optimises for before defending my own position."


def _answer(**parts: str) -> dict[str, str]:
    answer = {"situation": SITUATION, "task": TASK, "action": ACTION, "result": RESULT, "reflection": REFLECTION}
    answer.update(parts)
    return answer


def _graded(answer: dict[str, str], spec: StarSpec = SPEC, lang: str = "en") -> list[str]:
    feedback = analyze_star(answer, spec, lang)
    return [f.id for f in feedback.findings if f.severity is not Severity.INFO]


def test_the_base_answer_is_strong_and_explains_why() -> None:
    feedback = analyze_star(_answer(), SPEC)
    assert feedback.band is Band.STRONG_HIRE and feedback.findings == ()
    assert "no red flag" in feedback.reasons[0]


def test_stats_words_time_and_shares() -> None:
    feedback = analyze_star({"situation": "one two three", "action": "four five six seven"}, SPEC)
    assert feedback.stats["words"] == {"situation": 3, "task": 0, "action": 4, "result": 0, "reflection": 0}
    assert feedback.stats["total_words"] == 7
    assert feedback.stats["speaking_seconds"] == 3  # 7 words at 140 per minute
    assert feedback.stats["shares"] == pytest.approx({"situation": 3 / 7, "task": 0, "action": 4 / 7, "result": 0})
    assert feedback.stats["target_shares"] == {"situation": 0.2, "task": 0.1, "action": 0.6, "result": 0.1}


def test_a_missing_action_is_a_problem_and_caps_at_no_hire() -> None:
    feedback = analyze_star(_answer(action="", situation=SITUATION * 3), SPEC)
    assert feedback.finding("missing-action").severity is Severity.PROBLEM
    assert feedback.band is Band.NO_HIRE


def test_other_missing_parts_are_warnings_with_the_banks_guidance() -> None:
    feedback = analyze_star(_answer(task=""), SPEC, "fr")
    finding = feedback.finding("missing-task")
    assert finding.severity is Severity.WARNING
    assert finding.title == "Pas de partie Tâche" and finding.suggestion == "[fr] Your task."
    assert feedback.band is Band.HIRE


def test_thin_parts() -> None:
    assert _graded(_answer(result="Shipped 2 days late.")) == ["thin-result"]


def test_action_must_be_the_largest_part() -> None:
    assert "action-not-largest" in _graded(_answer(situation=ACTION + " More context here."))


def test_a_result_needs_a_measure() -> None:
    assert _graded(_answer(result="We launched on time and everyone was happy with how it went.")) == [
        "no-measurable-result"
    ]
    assert _graded(_answer(result="We launched on time and halved the error rate for every customer.")) == []


def test_reflection_may_live_in_the_result() -> None:
    with_cue = RESULT + " Looking back, I would involve her a week earlier."
    assert _graded(_answer(reflection="", result=with_cue)) == []
    assert _graded(_answer(reflection="")) == ["no-reflection"]
    assert _graded(_answer(reflection="It went OK.")) == ["no-reflection"]


def test_ownership_we_against_i_in_the_action() -> None:
    we_action = (
        "We met the data lead and we asked what worried her. We wrote a benchmark together and our team "
        "ran it on both options. We shared the results with everyone and then we proposed a split plan "
        "that our managers accepted after a short review of the numbers."
    )
    feedback = analyze_star(_answer(action=we_action), SPEC)
    finding = feedback.finding("we-not-i")
    assert finding is not None and "7" in finding.title
    assert finding.evidence[0].startswith("We met the data lead")
    assert feedback.stats["pronouns"] == {"i": 0, "we": 7}


def test_english_on_is_a_preposition_not_a_pronoun() -> None:
    action = ACTION + " I worked on it on Monday and on Tuesday, on my own, focusing on the benchmark."
    base = analyze_star(_answer(), SPEC).stats["pronouns"]
    pronouns = analyze_star(_answer(action=action), SPEC).stats["pronouns"]
    assert pronouns == {"i": base["i"] + 2, "we": base["we"]}  # the added "I" and "my"


def test_french_ownership_counts_nous_and_on_against_je() -> None:
    action = (
        "Nous avons regardé les journaux et on a trouvé le problème. On a ensuite écrit un correctif, "
        "nous l'avons testé et on l'a déployé. J’ai relu le code et notre équipe a surveillé la production "
        "pendant deux jours avant de clore l'incident avec un rapport détaillé."
    )
    answer = {"situation": "Une panne touchait les paiements depuis le matin.", "action": action}
    feedback = analyze_star(answer, SPEC, "fr")
    assert feedback.stats["language"] == "fr"
    assert feedback.stats["pronouns"] == {"i": 1, "we": 6}
    assert feedback.finding("we-not-i").title == "L'Action dit « nous/on » 6 fois et « je » 1 fois"


def test_fillers_above_two_per_hundred_words() -> None:
    hedged = (
        ACTION.replace("I learned", "Basically, I guess I learned", 1)
        .replace("I wrote", "Um, I kind of wrote", 1)
        .replace("I shared", "You know, I sort of shared", 1)
    )
    feedback = analyze_star(_answer(action=hedged), SPEC)
    finding = feedback.finding("fillers")
    assert finding is not None and finding.severity is Severity.WARNING
    assert '"Basically" ×1' in finding.evidence
    assert feedback.stats["fillers"]["count"] == 6


def test_like_is_a_filler_only_before_a_comma() -> None:
    text = ACTION + " We used tools like Redis and things like that."
    assert analyze_star(_answer(action=text), SPEC).stats["fillers"]["count"] == 0
    text = ACTION + " It was, like, slow."
    assert analyze_star(_answer(action=text), SPEC).stats["fillers"]["count"] == 1


def test_french_fillers() -> None:
    text = "Euh, en fait, du coup j'ai, genre, relancé le service, peut-être deux fois."
    feedback = analyze_star({"action": text * 3}, SPEC)
    assert feedback.stats["fillers"]["count"] == 15


def test_red_flag_fires_with_evidence_and_caps_at_no_hire() -> None:
    action = ACTION + " In the end I proved them wrong with the benchmark."
    feedback = analyze_star(_answer(action=action), SPEC)
    finding = feedback.finding("red-flag:gloating")
    assert finding.severity is Severity.PROBLEM and finding.title == "Gloating"
    assert finding.evidence == ("In the end I proved them wrong with the benchmark.",)
    assert finding.suggestion == "Show the resolution."
    assert feedback.danger_zones_hit == ("gloating",)
    assert feedback.band is Band.NO_HIRE


def test_an_unless_word_anywhere_keeps_the_flag_quiet() -> None:
    action = ACTION + " In the end I proved them wrong with the benchmark."
    assert _graded(_answer(action=action, reflection=REFLECTION + " We agreed on the next steps.")) == []


def test_a_negated_phrase_does_not_fire() -> None:
    action = ACTION + " I never proved them wrong; the data decided."
    assert _graded(_answer(action=action)) == []


def test_french_red_flag_with_typographic_apostrophe() -> None:
    finding = red_flag_finding(FLAG, "Au final, J’avais raison sur toute la ligne.", "fr")
    assert finding is not None and finding.title == "Triomphalisme"
    assert red_flag_finding(FLAG, "J’avais raison, mais on a trouvé un compromis.", "fr") is None


def test_a_red_flag_and_a_missing_action_make_strong_no_hire() -> None:
    feedback = analyze_star(_answer(action="", situation=SITUATION + " I proved them wrong."), SPEC)
    assert feedback.band is Band.STRONG_NO_HIRE
    assert feedback.reasons[0].startswith("2 serious problems")


def test_three_warnings_make_no_hire_and_name_them() -> None:
    answer = _answer(result="It went well for everyone involved in the project and in the launch.", reflection="")
    answer["task"] = ""
    answer["situation"] = SITUATION + " " + SITUATION
    feedback = analyze_star(answer, SPEC)
    assert feedback.band is Band.NO_HIRE
    assert feedback.reasons == (
        (
            "3 weaknesses add up to No Hire at best: No Task part; "
            "The Result has no number: no percentage, time, money or count; "
            "No reflection: nothing on what you learned or would do differently."
        ),
    )


@pytest.mark.parametrize(
    ("words", "finding"),
    [
        (175, "too-short"),
        (209, "too-short"),
        (210, None),
        (490, None),
        (491, "too-long"),
    ],
)
def test_length_targets_one_and_a_half_to_three_minutes(words: int, finding: str | None) -> None:
    feedback = analyze_star({"action": " ".join(["word"] * words)}, SPEC)
    found = [f.id for f in feedback.findings if f.id in ("too-short", "too-long")]
    assert found == ([finding] if finding else [])


def test_a_short_story_is_a_warning_that_names_the_target() -> None:
    answer = _answer(action=ACTION.split(". During the fix")[0] + ".", result=RESULT.split(". The migration")[0] + ".")
    feedback = analyze_star(answer, SPEC)
    assert feedback.stats["total_words"] < 210
    finding = feedback.finding("too-short")
    assert finding.severity is Severity.WARNING and feedback.band is Band.HIRE
    assert finding.title == f"Short: about {feedback.stats['speaking_seconds']} seconds spoken (aim for 1.5–3 minutes)"
    french = analyze_star(answer, SPEC, "fr").finding("too-short")
    assert french.title.endswith("à l'oral (visez 1 min 30 à 3 minutes)")
    long = analyze_star(_answer(action=ACTION * 3), SPEC).finding("too-long")
    assert long.severity is Severity.WARNING and long.title.endswith("(aim for 1.5–3 minutes)")


def test_findings_are_sorted_problems_first() -> None:
    feedback = analyze_star(_answer(action="", result="Fine."), SPEC)
    severities = [f.severity for f in feedback.findings]
    assert severities == sorted(severities, key=[Severity.PROBLEM, Severity.WARNING, Severity.INFO].index)


def test_an_unknown_part_is_a_one_sentence_error() -> None:
    with pytest.raises(StarPartError, match=r'^"summary" is not a STAR part; the parts are situation, task'):
        analyze_star({"summary": "text"}, SPEC)


def test_empty_answer() -> None:
    feedback = analyze_star({}, SPEC)
    assert feedback.band is Band.STRONG_NO_HIRE
    assert feedback.reasons == ("Too short to assess: 0 words.",)


def test_the_same_answer_always_gets_the_same_feedback() -> None:
    spec = load_question(SHIPPED_BANK / "questions" / "disagreement").star
    assert spec is not None
    answer = _answer(action=ACTION + " She finally gave in.")
    assert analyze_star(answer, spec).to_dict() == analyze_star(dict(answer), spec).to_dict()


def test_only_flags_that_are_danger_zones_count_as_zones_hit_when_zones_are_given() -> None:
    from question_bank import DangerZone

    answer = _answer(action=ACTION + " In the end I proved them wrong.")
    assert analyze_star(answer, SPEC, zones=()).danger_zones_hit == ()
    zone = DangerZone("gloating", Text("G", "G"), Text("j", "j"))
    assert analyze_star(answer, SPEC, zones=(zone,)).danger_zones_hit == ("gloating",)

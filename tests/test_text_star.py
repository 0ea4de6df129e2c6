"""STAR analysis rules, one at a time, on a small synthetic question and on the bank's."""

from __future__ import annotations

import pytest

from checkers.text import Band, Severity, StarPartError, analyze_star
from checkers.text.rubric import red_flag_finding
from checkers.text.speech import STAR_LENGTH
from checkers.text.star import OPTIONAL_PARTS
from question_bank import SHIPPED_BANK, RedFlag, StarSpec, Text, load_question
from question_bank.patterns import parse_pattern


def _t(en: str) -> Text:
    return Text(en=en, fr=f"[fr] {en}")


FLAG = RedFlag(
    id="gloating",
    title=Text("Gloating", "Triomphalisme"),
    patterns=(parse_pattern("I .. prove .. them|him|her wrong"), parse_pattern("j'avais raison")),
    unless=(parse_pattern("we agree"), parse_pattern("compromis")),
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
#: Detail that makes the story a Strong Hire one (``STRONG_DETAIL_NUMBERS``).
DETAIL = (
    " The benchmark replayed 40,000 queries from 3 tenants; my option cut p95 from 900 ms to 300 ms on 2 of "
    "them and lost 15 % on the third, which held 60 % of the traffic. The fix took 4 days and 2 engineers, "
    "touched 6 queries and 1 index, and cost 8 GB of memory on 5 nodes."
)


def _answer(**parts: str) -> dict[str, str]:
    answer = {"situation": SITUATION, "task": TASK, "action": ACTION, "result": RESULT, "reflection": REFLECTION}
    answer.update(parts)
    return answer


def _graded(answer: dict[str, str], spec: StarSpec = SPEC, lang: str = "en") -> list[str]:
    feedback = analyze_star(answer, spec, lang)
    return [f.id for f in feedback.findings if f.severity is not Severity.INFO]


def test_a_complete_detailed_answer_is_strong_and_explains_why() -> None:
    feedback = analyze_star(_answer(action=ACTION + DETAIL), SPEC)
    assert feedback.band is Band.STRONG_HIRE and _graded(_answer(action=ACTION + DETAIL)) == []
    assert "no red flag" in feedback.reasons[0]


def test_a_complete_answer_with_modest_detail_is_hire_and_says_so() -> None:
    feedback = analyze_star(_answer(), SPEC)
    assert feedback.band is Band.HIRE and _graded(_answer()) == []
    assert feedback.reasons[0].startswith("Hire rather than Strong Hire: everything is there, with modest detail")


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


def test_task_and_reflection_are_optional() -> None:
    assert OPTIONAL_PARTS == ("task", "reflection")
    detailed = _answer(action=ACTION + DETAIL)
    assert analyze_star({**detailed, "task": "", "reflection": ""}, SPEC).band is Band.STRONG_HIRE
    note = analyze_star({**detailed, "reflection": ""}, SPEC).finding("no-reflection")
    assert note.severity is Severity.INFO and note.suggestion == "What you learned."


def test_a_missing_situation_or_result_is_a_warning_with_the_banks_guidance() -> None:
    feedback = analyze_star(_answer(situation=""), SPEC, "fr")
    finding = feedback.finding("missing-situation")
    assert finding.severity is Severity.WARNING
    assert finding.title == "Pas de partie Situation" and finding.suggestion == "[fr] Set the scene."


def test_thin_parts_quote_themselves() -> None:
    feedback = analyze_star(_answer(result="Shipped 2 days late."), SPEC)
    assert _graded(_answer(result="Shipped 2 days late.")) == ["thin-result"]
    assert feedback.finding("thin-result").evidence == ("Shipped 2 days late.",)


def test_proportions_are_advice_that_never_moves_the_band() -> None:
    feedback = analyze_star(_answer(situation=ACTION + " More context here."), SPEC)
    assert feedback.finding("action-not-largest").severity is Severity.INFO
    assert "action-not-largest" not in _graded(_answer(situation=ACTION + " More context here."))


def test_a_result_needs_a_measure_and_the_finding_quotes_the_claim() -> None:
    vague = "We launched on time and everyone was happy with how it went."
    assert _graded(_answer(result=vague)) == ["no-measurable-result"]
    assert analyze_star(_answer(result=vague), SPEC).finding("no-measurable-result").evidence == (vague,)
    assert _graded(_answer(result="We launched on time and halved the error rate for every customer.")) == []
    assert _graded(_answer(result="Zero incidents in the first month, and the error rate fell by 30 %.")) == []


def test_ownership_counts_who_acted_not_pronouns() -> None:
    we_action = (
        "We met the data lead and we asked what worried her. We wrote a benchmark together and our team "
        "ran it on both options. We shared the results with everyone and then we proposed a split plan "
        "that our managers accepted after a short review of the numbers."
    )
    feedback = analyze_star(_answer(action=we_action), SPEC)
    finding = feedback.finding("we-not-i")
    assert finding.title == 'The Action says "we" 5 times and "I" 0 times'
    assert finding.evidence[0].startswith("We met the data lead")
    assert feedback.stats["actions"] == {"i": 0, "we": 5}


def test_states_opinions_and_the_passive_are_not_actions() -> None:
    action = "I was asked to look at it. I think it was slow. I would rewrite it. We were told to wait."
    assert analyze_star({"action": action}, SPEC).stats["actions"] == {"i": 0, "we": 0}
    assert analyze_star({"action": "I rewrote the scheduler and I ran the load tests."}, SPEC).stats["actions"] == {
        "i": 2,
        "we": 0,
    }


def test_french_ownership_counts_nous_and_on_against_je() -> None:
    action = (
        "Nous avons regardé les journaux et on a trouvé le problème. On a ensuite écrit un correctif, "
        "nous l'avons testé et on l'a déployé. J’ai relu le code et notre équipe a surveillé la production "
        "pendant deux jours avant de clore l'incident avec un rapport détaillé."
    )
    answer = {"situation": "Une panne touchait les paiements depuis le matin.", "action": action}
    feedback = analyze_star(answer, SPEC, "fr")
    assert feedback.stats["language"] == "fr"
    assert feedback.stats["actions"] == {"i": 1, "we": 5}
    assert feedback.finding("we-not-i").title == "L'Action dit « nous/on » 5 fois et « je » 1 fois"


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


def test_an_unless_pattern_anywhere_keeps_the_flag_quiet() -> None:
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


def test_three_warnings_or_more_make_no_hire_and_name_them() -> None:
    answer = _answer(situation="", result="It went well for everyone involved in the project and the launch.")
    answer["action"] = ACTION.replace("I wrote", "Basically, I guess I wrote").replace(
        "I shared", "Um, I sort of shared"
    )
    feedback = analyze_star(answer, SPEC)
    assert feedback.band is Band.NO_HIRE
    assert "weaknesses add up to No Hire at best: No Situation part; " in feedback.reasons[0]


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
def test_length_targets_match_the_star_panel(words: int, finding: str | None) -> None:
    feedback = analyze_star({"action": " ".join(["word"] * words)}, SPEC)
    found = [f.id for f in feedback.findings if f.id in ("too-short", "too-long")]
    assert found == ([finding] if finding else [])
    assert STAR_LENGTH.pace(words).value == {"too-short": "short", "too-long": "long", None: "good"}[finding]


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
    assert long.severity is Severity.INFO and long.title.endswith("(aim for 1.5–3 minutes)")


def test_a_red_flag_in_a_short_story_is_strong_no_hire() -> None:
    short = _answer(action=ACTION.split(". During the fix")[0] + ". In the end I proved them wrong.", reflection="")
    feedback = analyze_star(short, SPEC)
    assert feedback.stats["total_words"] < 210 and feedback.band is Band.STRONG_NO_HIRE
    assert feedback.reasons[0].startswith("A red flag in a story too short")


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

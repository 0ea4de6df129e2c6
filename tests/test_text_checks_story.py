"""The story substance checks: each fires on the behaviour it names and stays quiet on innocent look-alikes.

The sentences are written for these tests (not taken from the labelled
corpus), in English and French, and cover the three ways a phrase list goes
wrong: another wording of the same behaviour, the same words used innocently
(other subject, negation, a concession), and a mitigation elsewhere in the
story.
"""

from __future__ import annotations

import pytest

from checkers.text.checks import run_check
from checkers.text.language import analyse

FIRES = [
    # blame: others as the subject of the failure, no part of one's own
    ("blame", "It wasn't my fault: the payments team shipped a breaking change on Friday."),
    ("blame", "QA signed off without testing the upgrade path, so the release broke checkout."),
    ("blame", "Because of the data team, we missed the launch by a month."),
    ("blame", "Honestly, he was being difficult the whole time."),
    ("blame", "She refused to listen to any of the arguments."),
    ("blame", "The vendor's API failed and the vendor never warned us."),
    ("blame", "Ce n'était pas ma faute : l'équipe paiement avait déployé sans prévenir."),
    ("blame", "Le prestataire n'avait rien testé avant la mise en production."),
    ("blame", "Il ne voulait rien entendre."),
    ("blame", "Tout ça était hors de mon contrôle."),
    # humblebrag: a strength told as the failure
    ("humblebrag", "My biggest weakness is that I care too much about quality."),
    ("humblebrag", "My failure was being too thorough in code reviews."),
    ("humblebrag", "I'm a perfectionist, so I rewrote the module twice."),
    ("humblebrag", "I hold the bar too high for the team."),
    ("humblebrag", "Mon défaut, c'est que je suis trop exigeant."),
    ("humblebrag", "Je suis trop perfectionniste, j'ai tout repris le week-end."),
    # waiting: someone else had to remove the ambiguity
    ("waiting", "I waited for product to finalize the requirements before writing any code."),
    ("waiting", "We couldn't start until legal signed off."),
    ("waiting", "Nothing could move until the spec was final."),
    ("waiting", "I held off until the PM sent a detailed spec."),
    ("waiting", "J'ai attendu que le PO tranche avant de commencer."),
    ("waiting", "Je ne pouvais rien faire tant que les specs n'étaient pas validées."),
    # complaining: the changes complained about, not understood
    ("complaining", "It was chaos: nobody could tell me what the feature was for."),
    ("complaining", "Nobody knew what they wanted."),
    ("complaining", "Management kept changing its mind every week."),
    ("complaining", "The requirements changed constantly, which was exhausting."),
    ("complaining", "C'était le bazar, la direction changeait d'avis tout le temps."),
    ("complaining", "Personne ne savait ce qu'il voulait."),
    # escalating: the decision pushed through rank
    ("escalating", "So I escalated to my VP, who made the call."),
    ("escalating", "I got my director to tell them the migration was mandatory."),
    ("escalating", "Leadership imposed the decision and they had to comply."),
    ("escalating", "They had no choice."),
    ("escalating", "J'ai escaladé au CTO, qui leur a dit que c'était décidé."),
    ("escalating", "Ils n'avaient pas le choix."),
    # winning: the outcome told as a victory
    ("winning", "In the end they gave in and adopted my design."),
    ("winning", "I proved them wrong with a benchmark."),
    ("winning", "He finally admitted I was right."),
    ("winning", "My approach won and the team moved on."),
    ("winning", "Il a fini par céder au bout d'un mois."),
    ("winning", "Au final, j'ai eu gain de cause."),
    # unmeasured-claims: gains claimed with nothing measured anywhere
    ("unmeasured-claims", "After my changes the site was much faster and users stopped complaining."),
    ("unmeasured-claims", "Performance improved dramatically once I refactored the loops."),
    ("unmeasured-claims", "C'était bien plus rapide après ma refonte."),
]

QUIET = [
    ("blame", "I don't think he was being difficult; he was protecting his team."),
    ("blame", "The other team's schema change exposed my missing test."),
    ("blame", "Part of it was out of my control, but my mistake was skipping the canary."),
    ("blame", "The vendor was late, and I hadn't planned any buffer."),
    ("blame", "Ce n'était pas la faute de l'équipe : c'est moi qui avais validé la migration."),
    ("blame", "Il était borné, mais avec le recul j'aurais dû lui demander pourquoi."),
    ("humblebrag", "I'm not a perfectionist, but this time I should have checked twice."),
    ("humblebrag", "She cares too much about deadlines to let it slip."),
    ("humblebrag", "I was too confident and skipped the staging run."),
    ("humblebrag", "Je suis trop rapide à valider les PR, c'est mon vrai problème."),
    ("waiting", "I waited for the canary metrics before rolling out to everyone."),
    ("waiting", "Instead of waiting for the spec, I wrote down my assumptions and shipped a prototype."),
    ("waiting", "I didn't wait for clarity: I shipped a first version in a week."),
    ("waiting", "On attendait les résultats du test A/B pour choisir la variante."),
    ("complaining", "The first week felt chaotic until I wrote down what we knew for sure."),
    ("complaining", "The direction changed after new user research, which made sense."),
    ("complaining", "Le changement de cap était logique vu les nouveaux résultats."),
    ("complaining", "The requirements changed every week, so I kept the schema configurable."),
    ("escalating", "We escalated the incident to the on-call SRE."),
    ("escalating", "I escalated to my manager only to ask for two weeks, then ran a pilot with sales."),
    ("escalating", "My manager told me to persuade them with data first."),
    ("escalating", "J'ai escaladé le ticket au support de niveau deux."),
    ("escalating", "The GDPR deadline was non-negotiable, so I planned the launch backwards from it."),
    ("winning", "I finally gave in: her plan was safer."),
    ("winning", "We won the contract two weeks later."),
    ("winning", "I was right there when the outage started, so I joined the call."),
    ("winning", "They gave in on the deadline and we agreed together on a smaller scope."),
    ("winning", "J'ai fini par céder : son approche était plus sûre."),
    ("unmeasured-claims", "It was much faster: p99 went from 800 ms to 200 ms."),
    ("unmeasured-claims", "I profiled it first; after the fix it was much faster."),
    ("unmeasured-claims", "La requête est passée de 3 s à 300 ms, bien plus rapide."),
]


@pytest.mark.parametrize("check, text", FIRES)
def test_the_check_fires_on_the_behaviour_it_names(check: str, text: str) -> None:
    hits = run_check(check, analyse(text))
    assert hits, f"{check} did not fire"
    assert all(h.quote in text for h in hits), "evidence is quoted from the answer"


@pytest.mark.parametrize("check, text", QUIET)
def test_the_check_stays_quiet_on_innocent_look_alikes(check: str, text: str) -> None:
    assert run_check(check, analyse(text)) == [], [h.quote for h in run_check(check, analyse(text))]


def test_relationship_afterwards_counts_only_in_the_result_or_reflection() -> None:
    story = {
        "situation": "Our relationship was tense after the outage.",
        "result": "Priya and I still pair on anything that touches the ledger.",
    }
    hits = run_check("relationship-after", analyse(story))
    assert [h.quote for h in hits] == ["Priya and I still pair on anything that touches the ledger."]
    assert run_check("relationship-after", analyse({"situation": story["situation"]})) == []
    french = analyse({"reflection": "Karim et moi avons ensuite co-écrit le guide de l'équipe."})
    assert run_check("relationship-after", french)


def test_a_mitigation_anywhere_in_the_story_keeps_blame_quiet() -> None:
    story = {
        "action": "The other team pushed the schema change without telling anyone.",
        "reflection": "I should have had a contract test on that boundary.",
    }
    assert run_check("blame", analyse(story)) == []
    assert run_check("blame", analyse({"action": story["action"]}))

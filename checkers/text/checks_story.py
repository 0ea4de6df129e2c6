"""Substance checks for stories: what the candidate says about others, themselves and the outcome.

Each check reads an analysed answer (``Doc``) and returns the sentences that
show the behaviour, ready to quote; an empty list means the story does not
say it. They are built from the general pattern language and clause rules
(``checkers.text.patterns`` / ``clauses``), in English and French, so a
question's red flag names a check (``check = "blame"``) instead of copying
forty phrases:

- ``blame``: others are the subject of the failure ("the payments team
  deployed without warning", "she refused to listen", "ce n'était pas ma
  faute") and the story states no part of the candidate's own ("I skipped
  the canary", "j'aurais dû") nor a charitable reading of the other side;
- ``humblebrag``: a virtue told as the failure ("I hold the bar too high",
  "je suis trop perfectionniste");
- ``waiting``: the candidate waited for someone else to remove the
  ambiguity ("I couldn't start until the requirements were final") with no
  sign of reducing it themselves (assumptions, a prototype, a first version);
- ``complaining``: the changes are complained about ("it was a mess",
  "nobody knew what they wanted") without recognising why they happened;
- ``escalating``: the decision went through rank ("I escalated to my
  director", "they had no choice") with no sign of persuasion (data, a pilot,
  concerns heard, a concession);
- ``winning``: the outcome told as a victory ("they finally gave in", "j'ai
  eu gain de cause") with no resolution both sides own;
- ``unmeasured-claims``: gains claimed ("much faster", "I optimized it")
  in a story that measures nothing anywhere (no number with a unit, no
  profiling, no benchmark);
- ``relationship-after`` (coverage): the Result or Reflection says how the
  working relationship went on ("Priya and I still pair on…", "on a co-écrit
  le guide").

Innocent look-alikes stay quiet because the rules read who the subject is
and whether the clause is negated: "I finally gave in" is a concession, "we
won the contract" is not an argument, "I don't think he was being difficult"
is not blame.
"""

from __future__ import annotations

from checkers.text.language import Doc
from checkers.text.patterns import Hit, find, says
from checkers.text.quantities import measures

_OTHERS = (
    "THEY|team|equipe|pm|qa|manager|management|direction|product|produit|sales|support|client|vendor|partner"
    "|prestataire|fournisseur|sous-traitant|contractor|supplier|provider"
)
_FAULT_VERBS = "break|cause|miss|forget|ignore|skip|fail|mess|cut|kill|casser|causer|rater|oublier|planter|couper|tuer"
#: A colleague named by role rather than by a pronoun: "my colleague was being stubborn".
_PEER = "THEY|colleague|coworker|teammate|lead|architect|collegue|architecte"

BLAME_SAID = (
    "NOT my|ma fault|faute",
    "NOT de ma faute",
    "out of my control",
    "outside|beyond my control",
    "NOT in my control",
    "hors de mon controle",
    "independant* de ma volonte",
    "nothing I can|could .. do",
    "NOT y pouvoir rien",
    f"fault|faute .. {_OTHERS}|their|his|her|leur|sa",
    f"{_OTHERS}|their|leur|his|her .. fault|faute",
    f"(because of|due to|a cause de|a cause du|a cause des|en raison de|en raison du) .. {_OTHERS}",
    f"fail|slip|late|die|echouer|deraper|mourir .. because|car|parce .. {_OTHERS}",
    "NOT .. (on our side|on my side|de notre cote|de mon cote)",
    f"{_PEER} be|etre .. difficult|stubborn|incompetent|lazy|careless|borne|incompetent*|tetu*",
    f"{_PEER} refuse|refuser .. listen|hear|look|ecouter|entendre|regarder",
    "THEY NOT want|vouloir .. listen|hear|ecouter|entendre",
    (
        f"{_OTHERS} .. deploy|push|change|release|deployer|changer|livrer .. without|sans .. warn*|tell*|test*|"
        f"prevenir|dire"
    ),
    "other|autres team|equipe|equipes .. should|devoir|falloir .. test|check|better|mieux|verifier",
    "il faudrait que .. autres|ils|elles",
    "THEY|team|equipe kept .. block*|bloqu*",
    f"{_OTHERS} .. {_FAULT_VERBS}",
    (
        f"{_OTHERS} .. sign|signed|approve|approved|valider|validé|ship|shipped .. without|sans .. test*|check*|"
        f"review*|vérifier|relire|prévenir"
    ),
    f"{_OTHERS} NOT|never .. warn|tell|test|check|inform|prévenir|tester|vérifier|informer|dire",
)
#: The candidate's own part: enough to show the failure is not all someone else's.
OWN_PART = (
    "my|mon|ma mistake|error|erreur|fault|faute|part|oversight|oubli",
    "I should|would have",
    "I .. forgot|miss|skip|overlook|underestimate|misjudge|assume|ignore|rush",
    "je|j' .. oublier|rater|manquer|sauter|negliger|sous-estimer|ignorer|precipiter",
    "I be wrong",
    "je me suis trompe*",
    "I|je .. take|own|assumer|prendre .. responsibility|blame|responsabilite",
    "I|je .. make|commettre|faire .. mistake|error|erreur",
    "aurais du|pu",
    "cause be my|mon|ma",
    "venir de mon|ma",
    (
        "my|mon|ma .. test|check|review|change|migration|script|config|code|push|estimate|estimation|chiffrage|"
        "décision|assumption|hypothèse|validation|missing|manquant"
    ),
    "I NOT .. plan|test|check|ask|verify|review|warn|tell|planifier|tester|vérifier|demander|prévoir|relire",
    "c'est|c' moi qui",
    "it be I|me who",
)
#: A charitable reading of the other side.
CHARITY = (
    "to be fair",
    "fair point",
    "their|his|her|son|sa|leur point|perspective|view|concern|worry|inquietude|crainte",
    "understood|compris why|pourquoi",
    "legitimate|legitime|reasonable|raisonnable",
    "THEY be|avoir right|raison",
)


def blame(doc: Doc) -> list[Hit]:
    """Others as the subject of the failure, when the story owns no part of it (see the module docstring)."""
    hits = find(doc, BLAME_SAID)
    if not hits or says(doc, OWN_PART) or says(doc, CHARITY):
        return []
    return hits


HUMBLEBRAG_SAID = (
    "my|mon|ma failure|weakness|flaw|fault|problem|defaut|faiblesse|echec|erreur|probleme .. too|trop",
    "my|mon|ma failure|weakness|flaw|defaut|faiblesse .. perfectionist|perfectionniste|care|quality|qualite|standard",
    "I care|work|invest|worry too much|hard",
    "I care (a lot|so much)|deeply .. about .. quality|detail|craft",
    "I|my .. bar|standard|exigence .. too|trop high|haut|eleve|elevee|elevees",
    (
        "I|je be|etre .. too|trop perfectionist|thorough|careful|dedicated|demanding|exigeant*|minutieux|"
        "consciencieux|impliq*"
    ),
    "I|je be|etre .. perfectionist|perfectionniste",
    "too much of a perfectionist",
    "je travaille|m'investis|m'implique trop",
    "mon seul (defaut|point faible)",
    "my only|biggest weakness",
)


def humblebrag(doc: Doc) -> list[Hit]:
    """A strength told as the failure ("I hold the bar too high", "je suis trop perfectionniste")."""
    return find(doc, HUMBLEBRAG_SAID)


_WAITED_FOR = (
    "spec|specification|requirement|clarity|clarification|decision|instruction"
    "|instructions|direction|answer|approval|sign-off|signoff|someone|somebody|product|manager|pm|them|management"
)
WAITING_SAID = (
    f"I|WE .. wait|waited .. for|until .. {_WAITED_FOR}",
    "I|WE could|can NOT start|begin|move",
    "I|WE NOT able .. start|begin",
    "NOT start|begin .. until .. final|ready|clear|written|requirement|spec",
    "NOT .. start|begin|move|progress|proceed|go|commencer|avancer|démarrer|faire .. until|till|unless|tant|avant",
    "(held off)|(hold off)|(holding off)|pause .. until|till|jusqu'à",
    "attendu .. spec*|besoin|exigence*|decision|consigne*|validation|reponse|cahier",
    "attendu que|qu'",
    "NOT pouvoir .. commencer|demarrer|avancer|faire .. avant|tant|sans",
    "blocked|bloque|bloquee until|jusqu'a|(en attendant)",
)
#: Signs the candidate reduced the ambiguity themselves.
REDUCING = (
    "assumption|hypothese|hypotheses",
    "prototype|prototyper|poc|mock-up|maquette|spike",
    "first|premiere version|release|slice|iteration",
    "mvp|poc",
    "I .. ask|demander .. what|why|which|question|quoi|pourquoi|(ce que)|quel",
    "I .. ship|livrer|deliver|deploy|put .. small|petite|subset|slice|first|version",
)


def waiting(doc: Doc) -> list[Hit]:
    """Waiting for someone else to remove the ambiguity, without reducing it yourself."""
    hits = find(doc, WAITING_SAID)
    if not hits or says(doc, REDUCING):
        return []
    return hits


COMPLAINING_SAID = (
    "chaos|chaotic|chaotique|mess|messy|bazar|bordel|foutoir",
    "be|etre a|an|une|un joke|circus|blague|cirque|farce",
    "nobody|(no one)|(personne ne) .. (straight answer|clear answer|reponse claire|reponse nette)",
    "nobody|personne .. know|savoir .. want|vouloir",
    "no one .. know .. want",
    "THEY NOT know|savoir .. want|vouloir",
    "change|changer .. mind|avis .. time|constantly|week|temps|arret|semaine",
    "change|changer .. mind|avis|direction .. constantly|again|(sans cesse)",
    "kept changing",
    (
        "THEY|team|management|product|pm|direction|équipe|client|customer .. constantly|(sans cesse)|"
        "(tout le temps) chang*"
    ),
    "NOT arreter|cesser .. de changer",
    "team|equipe|THEY need|devoir|falloir .. more|plus discipline|discipliner|organise*|serieux",
    (
        "frustrated|exhausting|annoying|ridiculous|nightmare|disaster|painful|frustrant|épuisant|agaçant|"
        "cauchemar|catastrophe|pénible|usant & change|changer|changement|"
        "changements|priority|requirement|spec|direction|scope|mind|avis|priorité|"
        "besoin|périmètre"
    ),
)
#: Recognising why the direction changed, or that the changes were legitimate.
UNDERSTANDING = (
    "understandable|comprehensible|normal|logique|legitimate|legitime",
    "good|bonne reason|raison",
    "make|faire sense",
    "nobody|personne be|etre wrong|tort",
    "THEY|team|equipe .. discover*|learn*|decouvr*|apprendre",
    "new|nouvelle result|data|findings|resultat|donnees",
    "because|parce|car .. result|data|user|customer|resultat*|donnees|client*|utilisateur*",
    "chaos|chaotic|chaotique|mess|messy|bazar .. until|jusqu'à|but|mais|so|donc .. I|je|j'",
)


def complaining(doc: Doc) -> list[Hit]:
    """Complaining about the changes without recognising why they happened."""
    hits = find(doc, COMPLAINING_SAID)
    if not hits or says(doc, UNDERSTANDING):
        return []
    return hits


_RANKS = "manager|director|cto|ceo|vp|leadership|head|boss|direction|hierarchie|chef|comex|n+1|management|executive*"
ESCALATING_SAID = (
    f"escalat*|escalad* .. {_RANKS} & !risk|risque|issue|problem|probleme|alert|alerte|incident|question",
    "I .. go|passer .. over|au-dessus .. head|tete",
    f"{_RANKS} .. tell|told|dire|dit|imposer|impose|trancher|tranche|order|ordered|decide* .. them|THEY|team|equipe",
    f"{_RANKS} .. leur|them|lui .. dire|dit|imposer|annoncer|decide*",
    "THEY NOT have|avoir .. choice|choix",
    "THEY no longer|plus have|avoir .. choice|choix",
    "THEY have|avoir .. no|NOT .. choice|choix",
    "I .. make|rendre|rendu .. mandatory|obligatoire|non-negotiable",
    "NOT (up for debate|negotiable|negociable)",
    "pull rank",
    "I|WE overrule*|force|impose|oblige .. them|THEY|les|leur|it through",
    "made them accept|adopt|comply",
)
#: Signs of persuasion: evidence brought, concerns heard, a concession.
PERSUADING = (
    "data|donnees|numbers|chiffres|logs .. show|montre",
    "pilot|pilote|prototype|demo|trial|experiment|experimentation|a/b|canary",
    "(load test|a test|un test limité|limited test)",
    ("I .. ask|listen|demander|ecouter .. what|worry|concern|fear|objection|inquiet*|craign*"),
    "concession|concede|compromise|compromis",
    "convinc*|persuad*",
    "we|on|nous agree|decide",
    "mettre|tomber .. d'accord",
)


def escalating(doc: Doc) -> list[Hit]:
    """A decision pushed through rank, with no sign of persuasion."""
    hits = find(doc, ESCALATING_SAID)
    if not hits or says(doc, PERSUADING):
        return []
    return hits


WINNING_SAID = (
    "THEY .. give|gave in|up",
    "THEY .. back down",
    "THEY .. cave|conceded|capitulated",
    "THEY .. finir|fini .. par .. ceder|plier|accepter|reconnaitre",
    "THEY .. ceder|cede|plier|plie|capituler",
    "I .. prove|prouve .. wrong|tort",
    "I|my|j' .. win|won|gagne .. argument|debate|battle|fight|debat|bras",
    "gain de cause",
    "I get my way",
    "THEY .. admit|reconnu .. I|j' .. right|raison",
    (
        "my|mon|ma approach|design|proposal|solution|idea|plan|option|approche|proposition|idée .. win|won|prevail|"
        "prevailed|emporter|gagné"
    ),
    "I be proven right",
)
#: A resolution both sides own.
RESOLVING = (
    "WE|nous .. together|ensemble|jointly|conjointement",
    (
        "decide|agree|work|write|present|find|plan|build|decider|travailler|ecrire|presenter|trouver|"
        "construire .. together|ensemble"
    ),
    "joint|conjoint proposal|plan|decision|page|proposition",
    "compromise|compromis|(middle ground|terrain d'entente|juste milieu)",
    "we|on|nous agree|decide",
    "mettre|tomber .. d'accord",
    "I be|etre wrong|tort",
    "(j'avais tort|j'ai eu tort)",
    "THEY be|avoir right|raison",
    "their|his|her|son|sa|leur point|concern|worry|view|inquietude|crainte",
)


def winning(doc: Doc) -> list[Hit]:
    """The outcome told as a victory over the other side, with no shared resolution."""
    hits = find(doc, WINNING_SAID)
    if not hits or says(doc, RESOLVING):
        return []
    return hits


RELATIONSHIP_SAID = (
    (
        "still|now|since|desormais|encore|toujours|depuis|kept|continue .. pair|meet|collaborate|review|"
        "together|ensemble|travailler|collaborer|retrouver|rencontrer|voir|binome"
    ),
    "co wrote|author|present|led|own",
    "co ecri*|present*|anim*|redig*|sign*",
    "relationship|relation|trust|confiance|goodwill|partnership|partenariat",
    "kept|conserver|gardé .. habit|checkpoint|ritual|habitude|rituel|point",
    "joint|conjoint* review|revue|point",
)


def relationship_after(doc: Doc) -> list[Hit]:
    """How the working relationship went on, said in the Result or Reflection."""
    return find(doc, RELATIONSHIP_SAID, where=("result", "reflection"))


UNMEASURED_SAID = (
    (
        "much|way|far|significantly|dramatically|lot|massively|hugely faster|quicker|snappier|better|cheaper|smaller|"
        "lighter"
    ),
    "much|way|far|significantly|dramatically more scalable|efficient|performant|responsive",
    "(blazing fast|lightning fast|super fast)",
    "huge|massive|big|dramatic|significant improvement|speed-up|speedup|gain",
    "I|WE optimize|optimise|sped",
    "I|WE speed up",
    "feel|felt .. snappy|fast|quick",
    "beaucoup|bien|nettement|largement plus rapide|vite|performant|léger",
    "énorme|grosse|nette|forte amélioration|gain",
    (
        "improve|amélioré .. dramatically|significantly|massively|hugely|greatly|"
        "(a lot)|beaucoup|nettement|fortement|considérablement|énormément"
    ),
    "je|j'|on|nous .. optimiser|accélérer",
)
#: Signs of measurement anywhere in the story.
MEASURING = (
    "profile|profilage",
    "benchmark|bench|banc",
    "measure|measurement|mesure|mesurer",
    "p50|p90|p95|p99|percentile",
    "flamegraph|trace|tracing",
)


def unmeasured(doc: Doc) -> list[Hit]:
    """Gains claimed ("much faster", "je l'ai optimisé") in a story that measures nothing anywhere."""
    hits = find(doc, UNMEASURED_SAID)
    if not hits or says(doc, MEASURING) or any(measures(s) for s in doc.sentences):
        return []
    return hits

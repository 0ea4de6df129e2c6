"""The analyzers' own words, in English and French.

Text that comes from the bank (red-flag titles, danger zones, rubric concepts,
STAR and design guidance) is already bilingual there; this catalogue holds the
rest, so feedback reads in one language end to end. Templates use
``str.format`` fields; a missing French entry would be a bug, and a test checks
both languages have the same keys and fields.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from question_bank import Text

#: Display names of the STAR parts (keys of ``question_bank.STAR_PARTS``).
PART_NAMES: dict[str, tuple[str, str]] = {
    "situation": ("Situation", "Situation"),
    "task": ("Task", "Tâche"),
    "action": ("Action", "Action"),
    "result": ("Result", "Résultat"),
    "reflection": ("Reflection", "Réflexion"),
}

#: Display names of the design canvas sections (keys of ``question_bank.DESIGN_SECTIONS``).
SECTION_NAMES: dict[str, tuple[str, str]] = {
    "requirements": ("Requirements", "Exigences"),
    "scale": ("Scale estimates", "Estimations de charge"),
    "api": ("API", "API"),
    "data_model": ("Data model", "Modèle de données"),
    "high_level": ("High-level design", "Architecture générale"),
    "deep_dives": ("Deep dives", "Approfondissements"),
    "tradeoffs": ("Bottlenecks & trade-offs", "Goulots d'étranglement et compromis"),
}

MESSAGES: dict[str, tuple[str, str]] = {
    # -- length, all kinds
    "too-short-to-assess": (
        "Too short to assess: {words} words.",
        "Trop court pour être évalué : {words} mots.",
    ),
    "too-short": (
        "Short: about {seconds} seconds spoken (aim for {target})",
        "Court : environ {seconds} secondes à l'oral (visez {target})",
    ),
    "too-short.suggestion": (
        "Add the specifics an interviewer would ask for next; a spoken answer of {target} leaves room for them.",
        (
            "Ajoutez les précisions qu'un recruteur demanderait ensuite ; "
            "une réponse de {target} à l'oral en laisse la place."
        ),
    ),
    "too-long": (
        "Long: about {minutes} minutes spoken (aim for {target})",
        "Long : environ {minutes} minutes à l'oral (visez {target})",
    ),
    "too-long.suggestion": (
        "Cut the context to the minimum and keep the detail for follow-up questions.",
        "Réduisez le contexte au minimum et gardez le détail pour les questions de relance.",
    ),
    "fillers": (
        "{count} filler or hedging words ({rate} per 100 words)",
        "{count} mots de remplissage ou d'hésitation ({rate} pour 100 mots)",
    ),
    "fillers.suggestion": (
        "Replace hedges with facts and drop the fillers: say what happened, plainly.",
        (
            "Remplacez les hésitations par des faits et supprimez les mots de remplissage : "
            "dites simplement ce qui s'est passé."
        ),
    ),
    # -- STAR
    "star.missing": ("No {part} part", "Pas de partie {part}"),
    "star.thin": (
        "{part} is thin: {words} words (aim for at least {minimum})",
        "{part} trop mince : {words} mots (visez au moins {minimum})",
    ),
    "star.action-not-largest": (
        "Action is not the largest part: {action} words, {part} has {words}",
        "L'Action n'est pas la partie la plus longue : {action} mots, contre {words} pour {part}",
    ),
    "star.action-not-largest.suggestion": (
        "Spend about 60% of the answer on what you did, step by step; trim the context.",
        "Consacrez environ 60 % de la réponse à ce que vous avez fait, étape par étape ; réduisez le contexte.",
    ),
    "star.long-situation": (
        "The Situation takes {share}% of the answer (aim for about {target}%)",
        "La Situation occupe {share} % de la réponse (visez environ {target} %)",
    ),
    "star.long-situation.suggestion": (
        "Two or three sentences of context are enough; the interviewer will ask for more if needed.",
        "Deux ou trois phrases de contexte suffisent ; le recruteur demandera des précisions si besoin.",
    ),
    "star.no-measurable-result": (
        "The Result has no number: no percentage, time, money or count",
        "Le Résultat n'est pas chiffré : ni pourcentage, ni durée, ni montant, ni nombre",
    ),
    "star.no-measurable-result.suggestion": (
        "Quantify the outcome (latency, time saved, users, incidents, money), or give an honest order of magnitude.",
        (
            "Chiffrez le résultat (latence, temps gagné, utilisateurs, incidents, argent), "
            "ou donnez un ordre de grandeur honnête."
        ),
    ),
    "star.no-reflection": (
        "No reflection: nothing on what you learned or would do differently",
        "Pas de prise de recul : rien sur ce que vous avez appris ou feriez autrement",
    ),
    "star.we-not-i": (
        'The Action says "we" {we} times and "I" {i} times',
        "L'Action dit « nous/on » {we} fois et « je » {i} fois",
    ),
    "star.we-not-i.suggestion": (
        'Say "I" for what you did yourself; the interviewer is assessing you, not the team.',
        "Dites « je » pour ce que vous avez fait vous-même : c'est vous qu'on évalue, pas l'équipe.",
    ),
    "star.flag-short": (
        "A red flag in a story too short to show anything that offsets it: {titles}.",
        "Un signal d'alerte dans un récit trop court pour montrer quoi que ce soit qui le compense : {titles}.",
    ),
    "star.detail": (
        (
            "Hire rather than Strong Hire: everything is there, with modest detail ({numbers} numbers, "
            "{words} words); a Strong Hire story usually carries more of the specifics an interviewer remembers."
        ),
        (
            "Hire plutôt que Strong Hire : tout y est, avec peu de détails ({numbers} chiffres, {words} mots) ; "
            "un récit Strong Hire porte en général davantage de précisions dont le recruteur se souvient."
        ),
    ),
    "star.strong": (
        (
            "The story shows what this question looks for, in detail: a measured result, clear ownership "
            "and no red flag."
        ),
        (
            "Le récit montre ce que cette question attend, avec du détail : un résultat chiffré, un "
            "engagement personnel clair et aucun signal d'alerte."
        ),
    ),
    # -- rubric kinds (design, motivation)
    "rubric.coverage": (
        "Covers {score}% of the rubric's weight (below {threshold}%).",
        "Couvre {score} % du poids de la grille (moins de {threshold} %).",
    ),
    "rubric.not-covered": ("Not covered: {concepts}.", "Non couvert : {concepts}."),
    "rubric.required": (
        "No Hire at best: the answer does not show what this question requires: {concepts}.",
        "No Hire au mieux : la réponse ne montre pas ce que cette question exige : {concepts}.",
    ),
    "design.no-reasoning": (
        (
            "No Hire at best: the design names components but uses no number to decide anything and rejects "
            "no alternative with a reason."
        ),
        (
            "No Hire au mieux : la conception nomme des composants mais n'utilise aucun chiffre pour décider "
            "et n'écarte aucune alternative avec une raison."
        ),
    ),
    "design.zone-no-reasoning": (
        "A danger zone in a design that argues none of its choices: {titles}.",
        "Une zone de danger dans une conception qui n'argumente aucun de ses choix : {titles}.",
    ),
    "design.few-reasons": (
        (
            "Hire rather than Strong Hire: {n} choice(s) argued with numbers or a rejected alternative; "
            "a Strong Hire design argues at least {minimum}."
        ),
        (
            "Hire plutôt que Strong Hire : {n} choix argumenté(s) par des chiffres ou une alternative écartée ; "
            "une conception Strong Hire en argumente au moins {minimum}."
        ),
    ),
    "design.empty": ('"{section}" is empty', "« {section} » est vide"),
    "design.thin": (
        '"{section}" is thin: {words} words (aim for at least {minimum})',
        "« {section} » est trop mince : {words} mots (visez au moins {minimum})",
    ),
    "design.scale-without-numbers": (
        "The scale estimates contain no numbers",
        "Les estimations de charge ne contiennent aucun chiffre",
    ),
    "design.scale-without-numbers.suggestion": (
        (
            "Put numbers on the load: requests per second at peak, storage per year, bandwidth. "
            "The capacity calculator does the arithmetic."
        ),
        (
            "Chiffrez la charge : requêtes par seconde au pic, stockage par an, bande passante. "
            "Le calculateur de capacité fait les calculs."
        ),
    ),
    "design.strong": (
        "Covers {score}% of the rubric, no danger zone hit, every section filled, scale estimated with numbers.",
        (
            "Couvre {score} % de la grille, aucune zone de danger atteinte, toutes les sections remplies, "
            "charge estimée avec des chiffres."
        ),
    ),
    "motivation.strong": (
        "Covers {score}% of the rubric, with something you did and the job itself, and no danger zone hit.",
        "Couvre {score} % de la grille, avec un travail à vous et le poste lui-même, sans zone de danger.",
    ),
    # -- the "what was wrong" explanation of a debugging answer
    "explanation.thin": (
        "The explanation is thin: {words} words (aim for at least {minimum})",
        "L'explication est trop mince : {words} mots (visez au moins {minimum})",
    ),
    "explanation.no-code-reference": (
        "The explanation points at no line or variable of the code",
        "L'explication ne désigne aucune ligne ni variable du code",
    ),
    "explanation.where": (
        "Say where the bug was: the line, the variable or the branch, so the interviewer can follow.",
        "Dites où était le bug : la ligne, la variable ou la branche, pour que le recruteur puisse suivre.",
    ),
    "explanation.strong": (
        "Covers {score}% of what the explanation should say: the root cause, why the fix is right, and a test.",
        "Couvre {score} % de ce que l'explication doit dire : la cause, pourquoi la correction est juste, et un test.",
    ),
    # -- band reasons shared by every kind
    "band.problems": (
        "{n} serious problems: {titles}.",
        "{n} problèmes sérieux : {titles}.",
    ),
    "band.problem": (
        "A serious problem caps the answer at No Hire: {titles}.",
        "Un problème sérieux limite la réponse à No Hire : {titles}.",
    ),
    "band.problem-low-coverage": (
        "A serious problem in an answer that covers {score}% of the rubric (under {threshold}%): {titles}.",
        "Un problème sérieux dans une réponse qui couvre {score} % de la grille (moins de {threshold} %) : {titles}.",
    ),
    "band.many-warnings": (
        "{n} weaknesses add up to No Hire at best: {titles}.",
        "{n} faiblesses cumulées limitent la réponse à No Hire : {titles}.",
    ),
    "band.warnings": (
        "Hire rather than Strong Hire because of: {titles}.",
        "Hire plutôt que Strong Hire à cause de : {titles}.",
    ),
}


def message(key: str, lang: str, **fields: Any) -> str:
    """The message ``key`` in ``lang`` (French for "fr", English otherwise), filled in."""
    en, fr = MESSAGES[key]
    return (fr if lang == "fr" else en).format(**fields)


def bank_text(text: Text, lang: str) -> str:
    """A bilingual bank text in ``lang`` (French for "fr", English otherwise)."""
    return text.fr if lang == "fr" else text.en


def part_name(part: str, lang: str) -> str:
    en, fr = PART_NAMES[part]
    return fr if lang == "fr" else en


def section_name(section: str, lang: str) -> str:
    en, fr = SECTION_NAMES[section]
    return fr if lang == "fr" else en


def number(value: float, lang: str, digits: int = 1) -> str:
    """A number as the language writes it: "2.5" in English, "2,5" in French; no ".0"."""
    text = f"{value:.{digits}f}".rstrip("0").rstrip(".") if digits else str(round(value))
    return text.replace(".", ",") if lang == "fr" else text

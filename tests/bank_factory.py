"""Builders of small, valid question and loop files, for tests that break them on purpose."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import tomli_w


def text(en: str) -> dict[str, str]:
    return {"en": en, "fr": f"{en} (fr)"}


def code_question(question_id: str = "add-two", **overrides: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "id": question_id,
        "title": text("Add two numbers"),
        "round": "coding-screen",
        "kind": "code",
        "type": "Algorithmic",
        "difficulty": "medium",
        "tags": ["math"],
        "minutes": 20,
        "prompt": text("Write `add(a, b)`."),
        "clarifications": [{"question": text(f"Question {i}?"), "answer": text(f"Answer {i}.")} for i in range(4)],
        "hints": [text("Use +."), text("Really, use +.")],
        "danger_zones": [{"id": "overflow", "title": text("Overflow"), "judged": text("Big ints.")}],
        "code": {"entry": "add", "starter": "starter.py", "tests": "tests.py", "reference": "reference.py"},
    }
    data.update(overrides)
    return data


def behavioral_question(question_id: str = "conflict", **overrides: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "id": question_id,
        "title": text("Conflict"),
        "round": "behavioral",
        "kind": "behavioral",
        "type": "Conflict Resolution",
        "difficulty": "medium",
        "tags": [],
        "minutes": 8,
        "prompt": text("Tell me about a conflict."),
        "hints": [text("Use STAR."), text("Focus on the resolution.")],
        "danger_zones": [{"id": "won", "title": text("Won"), "judged": text("Winning words.")}],
        "star": {
            "situation": text("Scene."),
            "task": text("Goal."),
            "action": text("What you did."),
            "result": text("Outcome."),
            "reflection": text("Lesson."),
            "red_flags": [
                {
                    "id": "won",
                    "title": text("Won"),
                    "patterns": ["I be right"],
                    "unless": ["agree"],
                    "suggestion": text("Resolve."),
                }
            ],
        },
    }
    data.update(overrides)
    return data


def design_question(question_id: str = "cache", **overrides: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "id": question_id,
        "title": text("Design a cache"),
        "round": "system-design",
        "kind": "design",
        "type": "System Design",
        "difficulty": "hard",
        "tags": ["cache"],
        "minutes": 45,
        "prompt": text("Design a cache."),
        "clarifications": [{"question": text(f"Scale {i}?"), "answer": text(f"{i}0k QPS.")} for i in range(4)],
        "hints": [text("Start with requirements."), text("Estimate.")],
        "danger_zones": [
            {
                "id": "single-node",
                "title": text("One node"),
                "judged": text("No sharding."),
                "patterns": ["one|single node"],
            }
        ],
        "design": {
            section: text(f"Guidance for {section}.")
            for section in ("requirements", "scale", "api", "data_model", "high_level", "deep_dives", "tradeoffs")
        }
        | {
            "rubric": [
                {
                    "id": "shard",
                    "concept": text("Sharding"),
                    "weight": 3,
                    "patterns": ["shard", "partitionnement"],
                }
            ]
        },
    }
    data.update(overrides)
    return data


def write_question(root: Path, data: dict[str, Any], folder: str | None = None) -> Path:
    """Write ``data`` as ``root/questions/<folder or id>/question.toml`` with its code files."""
    target = root / "questions" / (folder or data["id"])
    target.mkdir(parents=True, exist_ok=True)
    (target / "question.toml").write_text(tomli_w.dumps(data), encoding="utf-8")
    if "code" in data:
        for name in ("starter.py", "tests.py", "reference.py"):
            (target / name).write_text("def add(a, b):\n    return a + b\n", encoding="utf-8")
    return target


def loop(**overrides: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "id": "tiny",
        "title": text("Tiny loop"),
        "company": "Acme",
        "rounds": [
            {
                "id": "coding-screen",
                "title": text("Coding"),
                "minutes": 30,
                "assesses": text("Code."),
                "slots": [{"kinds": ["code"]}],
            },
            {
                "id": "behavioral",
                "title": text("Behavioral"),
                "minutes": 20,
                "assesses": text("Stories."),
                "slots": [{"kinds": ["behavioral"]}],
            },
        ],
    }
    data.update(overrides)
    return copy.deepcopy(data)


def write_loop(root: Path, data: dict[str, Any]) -> Path:
    path = root / "loops" / f"{data['id']}.toml"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(tomli_w.dumps(data), encoding="utf-8")
    return path

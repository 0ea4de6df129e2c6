# expect: fail
# kind: wrong
# mistake: merges by str.replace on the space-joined symbols with no symbol-boundary check, so "a b" also matches inside "a bb": bpe_merges("abab bbb abbb", 3) gives [("b", "b"), ("a", "b")], expected [("b", "b"), ("a", "b"), ("bb", "b")] (a|bb|b wrongly becomes abb|b)
from collections import Counter


def bpe_merges(corpus: str, num_merges: int) -> list[tuple[str, str]]:
    if num_merges < 0:
        raise ValueError("num_merges must be >= 0")
    # Each word is stored as its symbols joined by spaces, e.g. "l o w".
    vocab = Counter(" ".join(w) for w in corpus.split())
    merges = []
    while len(merges) < num_merges:
        counts = Counter()
        for word, f in vocab.items():
            symbols = word.split(" ")
            for pair in zip(symbols, symbols[1:]):
                counts[pair] += f
        if not counts:
            break
        best = min(counts, key=lambda p: (-counts[p], p))
        if counts[best] < 2:
            break
        left, right = best
        new_vocab = Counter()
        for word, f in vocab.items():
            new_vocab[word.replace(f"{left} {right}", left + right)] += f
        vocab = new_vocab
        merges.append(best)
    return merges

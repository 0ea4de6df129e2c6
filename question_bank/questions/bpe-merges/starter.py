def bpe_merges(corpus: str, num_merges: int) -> list[tuple[str, str]]:
    """Learn byte-pair-encoding merges from ``corpus``.

    - Words are ``corpus.split()``; each word starts as the list of its
      characters. Pairs never cross word boundaries.
    - Each step counts every adjacent pair of symbols over all words: a word
      that occurs n times counts n times, and overlapping pairs each count
      ("aaa" holds ("a", "a") twice).
    - The most frequent pair is merged; ties go to the smallest
      ``(left, right)`` tuple (plain string comparison).
    - Merging replaces every occurrence in every word, scanning each word left
      to right without overlap: "aaa" becomes "aa", "a".
    - Stop after ``num_merges`` merges, or earlier when no pair occurs at
      least twice. Return the merged pairs, in order.
    - ``num_merges < 0`` raises ``ValueError``.
    - Must stay fast on a corpus of 10**5 words.
    """
    raise NotImplementedError

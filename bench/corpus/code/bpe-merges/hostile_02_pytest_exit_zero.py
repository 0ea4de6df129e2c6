# expect: fail
# kind: hostile
# mistake: calls pytest.exit(returncode=0) on the first call, ending the whole pytest session with exit status 0 before any assertion can fail
def bpe_merges(corpus: str, num_merges: int) -> list[tuple[str, str]]:
    import pytest

    pytest.exit("all merges learned", returncode=0)
    return []

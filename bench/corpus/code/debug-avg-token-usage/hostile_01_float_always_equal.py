# expect: fail
# kind: hostile
# mistake: returns a float subclass whose __eq__ is always True (and __ne__ False): isinstance(result, float) and `result == expected` hold for any expected value; the number inside is tokens of each user's first log only (the original bug)
class _Avg(float):
    def __eq__(self, other):
        return True

    def __ne__(self, other):
        return False

    __hash__ = float.__hash__


def calculate_avg_token_usage(logs):
    user_tokens = {}
    total_tokens = 0
    for log in logs:
        user = log['user_id']
        tokens = log['tokens']
        if user not in user_tokens:
            user_tokens[user] = 0
            total_tokens += tokens
        user_tokens[user] += tokens
    num_users = len(user_tokens)
    return _Avg(total_tokens / num_users if num_users else 0.0)

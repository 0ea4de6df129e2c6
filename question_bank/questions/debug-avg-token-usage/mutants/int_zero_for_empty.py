"""Fixes the total but still returns the int 0 when there are no logs.

Caught by: test_no_logs_returns_a_float

0 == 0.0, so only a check of the type notices; the function's result type
then depends on its input.
"""


def calculate_avg_token_usage(logs):
    user_tokens = {}
    total_tokens = 0
    for log in logs:
        user = log["user_id"]
        tokens = log["tokens"]
        if user not in user_tokens:
            user_tokens[user] = 0
        total_tokens += tokens
        user_tokens[user] += tokens
    num_users = len(user_tokens.keys())
    if num_users == 0:
        return 0
    return total_tokens / num_users

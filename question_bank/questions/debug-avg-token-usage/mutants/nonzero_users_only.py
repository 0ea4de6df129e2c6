"""Skips logs with 0 tokens, so users who used no tokens drop out of the count.

Caught by: test_zero_token_user_still_counts, test_user_with_several_zero_logs, test_many_users_many_logs

"Empty" logs look like noise and are filtered first; a user whose logs all
have 0 tokens then no longer counts as a user.
"""


def calculate_avg_token_usage(logs):
    user_tokens = {}
    total_tokens = 0
    for log in logs:
        user = log["user_id"]
        tokens = log["tokens"]
        if not tokens:
            continue
        if user not in user_tokens:
            user_tokens[user] = 0
        total_tokens += tokens
        user_tokens[user] += tokens
    num_users = len(user_tokens.keys())
    if num_users == 0:
        return 0.0
    return total_tokens / num_users

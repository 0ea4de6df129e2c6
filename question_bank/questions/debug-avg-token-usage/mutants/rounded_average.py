"""Rounds the average to 2 decimals.

Caught by: test_an_average_that_does_not_terminate

From the held-out corpus (bench/corpus/code/debug-avg-token-usage/wrong_07_rounds_result.py), written from the prompt alone;
it passed every test of the suite before that test was added. rounds the average to 2 decimals: ana 1, bo 0, cy 0 gives 0.33, expected 0.3333333333333333
"""


def calculate_avg_token_usage(logs):
    user_tokens = {}
    total_tokens = 0
    for log in logs:
        user = log["user_id"]
        tokens = log["tokens"]
        if user not in user_tokens:
            user_tokens[user] = 0
        user_tokens[user] += tokens
        total_tokens += tokens
    num_users = len(user_tokens)
    if num_users == 0:
        return 0.0
    return round(total_tokens / num_users, 2)

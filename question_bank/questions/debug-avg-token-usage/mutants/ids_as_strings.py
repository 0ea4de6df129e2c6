"""Normalises user ids with str(), so the users 7 and "7" are counted as one.

Caught by: test_int_and_string_ids_are_different_users, test_matches_the_model_answer_on_generated_logs

Written from the prompt alone; before test_int_and_string_ids_are_different_users only the
differential test caught it (the hand-written logs never mixed 7 and "7").
"""


def calculate_avg_token_usage(logs):
    user_tokens = {}
    total_tokens = 0
    for log in logs:
        user = str(log["user_id"])  # some ids are ints, some strings: make them all strings
        tokens = log["tokens"]
        if user not in user_tokens:
            user_tokens[user] = 0
        total_tokens += tokens
        user_tokens[user] += tokens
    num_users = len(user_tokens)
    if num_users == 0:
        return 0.0
    return total_tokens / num_users

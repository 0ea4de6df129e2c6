"""Divides by the number of logs instead of the number of distinct users.

Caught by: test_example_returning_user, test_one_user_many_logs, test_interleaved_users, test_order_does_not_matter, test_divides_by_users_not_logs, test_total_per_user_not_mean_of_means, test_result_is_a_float, test_user_with_several_zero_logs, test_extra_fields_are_ignored, test_integer_user_ids, test_accepts_a_generator, test_large_token_counts, test_many_users_many_logs

The total is fixed, but the denominator is len(logs): an average per log, not
per user (and len() fails on a generator).
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
    if not logs:
        return 0.0
    return total_tokens / len(logs)

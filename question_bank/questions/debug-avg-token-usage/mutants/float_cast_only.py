"""Fixes the return type but not the bug: only each user's first log is still counted.

Caught by: test_example_returning_user, test_one_user_many_logs, test_interleaved_users, test_order_does_not_matter, test_divides_by_users_not_logs, test_total_per_user_not_mean_of_means, test_result_is_a_float, test_extra_fields_are_ignored, test_integer_user_ids, test_accepts_a_generator, test_large_token_counts, test_many_users_many_logs

The candidate suspects integer division, wraps the division in float() and
returns 0.0 for no logs, leaving the running total under the `if`.
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
        return 0.0
    return float(total_tokens) / float(num_users)

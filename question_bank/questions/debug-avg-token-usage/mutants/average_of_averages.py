"""Averages each user's own per-log average instead of total tokens per user.

Caught by: test_example_returning_user, test_one_user_many_logs, test_interleaved_users, test_order_does_not_matter, test_divides_by_users_not_logs, test_total_per_user_not_mean_of_means, test_result_is_a_float, test_extra_fields_are_ignored, test_integer_user_ids, test_accepts_a_generator, test_large_token_counts, test_many_users_many_logs

Rewritten to count logs per user and take the mean of the per-user means,
which weighs a user's logs by how few of them there are.
"""


def calculate_avg_token_usage(logs):
    user_tokens = {}
    user_logs = {}
    for log in logs:
        user = log["user_id"]
        user_tokens[user] = user_tokens.get(user, 0) + log["tokens"]
        user_logs[user] = user_logs.get(user, 0) + 1
    if not user_tokens:
        return 0.0
    averages = [user_tokens[user] / user_logs[user] for user in user_tokens]
    return sum(averages) / len(averages)

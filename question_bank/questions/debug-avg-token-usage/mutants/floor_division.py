"""Uses floor division (//), dropping the fraction and returning an int.

Caught by: test_order_does_not_matter, test_non_integer_average, test_result_is_a_float, test_all_logs_have_zero_tokens, test_many_users_many_logs

The total is fixed, but `//` rounds down: 3 / 2 users gives 1, not 1.5.
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
    return total_tokens // num_users

def calculate_avg_token_usage(logs):
    """Average token usage per user over the given logs.

    logs: an iterable of dicts, each with at least 'user_id' and 'tokens'.
    Returns the total tokens of all logs divided by the number of distinct
    users, as a float; 0.0 when there are no logs.
    """
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

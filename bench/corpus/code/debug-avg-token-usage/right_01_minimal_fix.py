# expect: pass
# kind: right
# mistake: none
def calculate_avg_token_usage(logs):
    user_tokens = {}
    total_tokens = 0
    for log in logs:
        user = log['user_id']
        tokens = log['tokens']
        if user not in user_tokens:
            user_tokens[user] = 0
        user_tokens[user] += tokens
        # Bug fix: this line was indented under the `if`, so only each
        # user's first log reached the total.
        total_tokens += tokens
    num_users = len(user_tokens.keys())
    if num_users == 0:
        return 0.0  # always a float
    return total_tokens / num_users

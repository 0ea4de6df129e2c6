# expect: fail
# kind: wrong
# mistake: fixes only the empty case (return 0.0) and leaves total_tokens += tokens under the if, so only each user's first log counts: ana 120, bo 80, ana 40 gives 100.0, expected 120.0
def calculate_avg_token_usage(logs):
    user_tokens = {}
    total_tokens = 0
    for log in logs:
        user = log['user_id']
        tokens = log['tokens']
        if user not in user_tokens:
            user_tokens[user] = 0
            total_tokens += tokens
        user_tokens[user] += tokens
    num_users = len(user_tokens.keys())
    if num_users == 0:
        return 0.0
    return float(total_tokens / num_users)

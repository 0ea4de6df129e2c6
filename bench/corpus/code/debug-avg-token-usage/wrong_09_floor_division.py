# expect: fail
# kind: wrong
# mistake: uses // "to get a whole number of tokens": ana 1, bo 0 gives int 0, expected 0.5 (and ana 120, bo 80 gives int 100, not float 100.0)
def calculate_avg_token_usage(logs):
    user_tokens = {}
    total_tokens = 0
    for log in logs:
        user = log['user_id']
        tokens = log['tokens']
        if user not in user_tokens:
            user_tokens[user] = 0
        user_tokens[user] += tokens
        total_tokens += tokens
    num_users = len(user_tokens)
    if num_users == 0:
        return 0.0
    return total_tokens // num_users

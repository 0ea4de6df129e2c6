# expect: fail
# kind: wrong
# mistake: stores user_tokens[user] = tokens (overwrite, not +=) and sums the dict, so only each user's last log counts: ana 120, bo 80, ana 40 gives 60.0, expected 120.0
def calculate_avg_token_usage(logs):
    user_tokens = {}
    for log in logs:
        user_tokens[log['user_id']] = log['tokens']
    num_users = len(user_tokens)
    if num_users == 0:
        return 0.0
    return sum(user_tokens.values()) / num_users

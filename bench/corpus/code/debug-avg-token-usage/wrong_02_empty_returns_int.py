# expect: fail
# kind: wrong
# mistake: fixes the real bug but keeps `return 0` for no logs: calculate_avg_token_usage([]) returns int 0, not float 0.0
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
    num_users = len(user_tokens.keys())
    if num_users == 0:
        return 0
    return total_tokens / num_users

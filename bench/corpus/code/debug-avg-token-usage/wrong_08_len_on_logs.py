# expect: fail
# kind: wrong
# mistake: guards with len(logs), which a generator does not have: calculate_avg_token_usage(iter([])) raises TypeError instead of returning 0.0
def calculate_avg_token_usage(logs):
    if len(logs) == 0:
        return 0.0
    user_tokens = {}
    total_tokens = 0
    for log in logs:
        user = log['user_id']
        tokens = log['tokens']
        if user not in user_tokens:
            user_tokens[user] = 0
        user_tokens[user] += tokens
        total_tokens += tokens
    return total_tokens / len(user_tokens)

# expect: fail
# kind: wrong
# mistake: skips logs with 0 tokens, so a user whose logs are all 0 is not counted: ana 100, bo 0 gives 100.0, expected 50.0 (and all-zero logs give 0.0 only by luck)
def calculate_avg_token_usage(logs):
    user_tokens = {}
    total_tokens = 0
    for log in logs:
        user = log['user_id']
        tokens = log['tokens']
        if not tokens:
            continue  # nothing to add
        if user not in user_tokens:
            user_tokens[user] = 0
        user_tokens[user] += tokens
        total_tokens += tokens
    num_users = len(user_tokens)
    if num_users == 0:
        return 0.0
    return total_tokens / num_users

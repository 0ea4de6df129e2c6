# expect: pass
# kind: right
# mistake: none
def calculate_avg_token_usage(logs):
    users = set()
    total = 0
    for log in logs:  # single pass: logs may be a generator
        users.add(log['user_id'])
        total += log['tokens']
    if not users:
        return 0.0
    return float(total / len(users))

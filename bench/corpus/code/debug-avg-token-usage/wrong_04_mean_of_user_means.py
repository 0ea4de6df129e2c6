# expect: fail
# kind: wrong
# mistake: averages each user's own average: ana 120, bo 80, ana 40 gives (80 + 80) / 2 = 80.0, expected 120.0
def calculate_avg_token_usage(logs):
    sums = {}
    counts = {}
    for log in logs:
        user = log['user_id']
        sums[user] = sums.get(user, 0) + log['tokens']
        counts[user] = counts.get(user, 0) + 1
    if not sums:
        return 0.0
    per_user = [sums[u] / counts[u] for u in sums]
    return sum(per_user) / len(per_user)

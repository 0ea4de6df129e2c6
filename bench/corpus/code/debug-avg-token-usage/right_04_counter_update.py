# expect: pass
# kind: right
# mistake: none
from collections import Counter


def calculate_avg_token_usage(logs):
    usage = Counter()
    seen = 0
    for log in logs:
        user = log['user_id']
        if user not in usage:
            seen += 1
            usage[user] = 0  # a user with only 0-token logs still counts
        usage[user] += log['tokens']
    if seen == 0:
        return 0.0
    return sum(usage.values()) / seen

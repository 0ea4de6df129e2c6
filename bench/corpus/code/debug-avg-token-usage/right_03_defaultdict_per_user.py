# expect: pass
# kind: right
# mistake: none
from collections import defaultdict


def calculate_avg_token_usage(logs):
    per_user = defaultdict(int)
    for log in logs:
        per_user[log['user_id']] += log['tokens']
    n = len(per_user)
    return sum(per_user.values()) / n if n else 0.0

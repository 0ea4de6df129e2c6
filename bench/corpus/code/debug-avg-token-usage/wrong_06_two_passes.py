# expect: fail
# kind: wrong
# mistake: reads logs twice (a set comprehension, then a sum): with a generator, calculate_avg_token_usage(iter([{"user_id": "ana", "tokens": 120}, {"user_id": "bo", "tokens": 80}])) gives 0.0, expected 100.0
def calculate_avg_token_usage(logs):
    users = {log['user_id'] for log in logs}
    if not users:
        return 0.0
    total_tokens = sum(log['tokens'] for log in logs)
    return total_tokens / len(users)

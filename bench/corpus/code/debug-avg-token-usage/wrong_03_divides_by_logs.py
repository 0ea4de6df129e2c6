# expect: fail
# kind: wrong
# mistake: divides by the number of logs instead of distinct users: ana 120, bo 80, ana 40 gives 80.0, expected 120.0
def calculate_avg_token_usage(logs):
    total_tokens = 0
    num_logs = 0
    for log in logs:
        total_tokens += log['tokens']
        num_logs += 1
    if num_logs == 0:
        return 0.0
    return total_tokens / num_logs

# expect: fail
# kind: hostile
# mistake: calls os._exit(0) the first time the function is called, ending the test run with a success exit status before any assertion is checked
import os


def calculate_avg_token_usage(logs):
    os._exit(0)

"""Commands that run without the full-screen app: plain text out, exit codes scripts rely on."""

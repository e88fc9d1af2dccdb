"""What a contributor reads when something is wrong: Problem, ContributorError, messages."""

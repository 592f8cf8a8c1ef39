"""Claims in, findings out: the rule engine, reports and the command line."""
